// When a session starts and ends, as instants: its start is a Paris wall time,
// its duration elapsed minutes (a session across a DST change lasts as long as
// announced, whatever the clock shows at its end); and when registration for
// it closes (the trainer's time, or its start).
import type { SessionData } from '../schemas/session.ts';
import { zonedWallTimeToInstant } from './zoned-time.ts';

export type SessionTiming = Pick<SessionData, 'start' | 'durationMinutes' | 'timeZone'>;

export interface SessionInstants {
  start: Date;
  end: Date;
}

export function sessionInstants(session: SessionTiming): SessionInstants {
  const start = zonedWallTimeToInstant(session.start, session.timeZone);
  return { start, end: new Date(start.getTime() + session.durationMinutes * 60_000) };
}

export type RegistrationTiming = SessionTiming & Pick<SessionData, 'registrationCloses' | 'status'>;

/** The last instant one may register: the trainer's "registration closes" time, or the start. */
export function registrationClosesAt(session: RegistrationTiming): Date {
  return session.registrationCloses === undefined
    ? sessionInstants(session).start
    : zonedWallTimeToInstant(session.registrationCloses, session.timeZone);
}

/** Whether a registration made at `now` is taken: scheduled, and before registration closes. */
export function registrationOpen(session: RegistrationTiming, now: Date): boolean {
  return session.status === 'scheduled' && now.getTime() < registrationClosesAt(session).getTime();
}

/** The sessions not yet over at `now`, in the order they start. */
export function upcomingSessions<S extends SessionTiming>(sessions: readonly S[], now: Date): S[] {
  return sessions
    .map((session) => ({ session, instants: sessionInstants(session) }))
    .filter(({ instants }) => instants.end.getTime() > now.getTime())
    .sort((a, b) => a.instants.start.getTime() - b.instants.start.getTime())
    .map(({ session }) => session);
}
