// The facts of a session a registrant is told, and is told again when they
// change (start, duration, place, video link, whether it takes place): what the
// ledger keeps with each registration, so that the scheduled notices can see a
// change by comparing it with the catalogue, whatever the number of rebuilds.
import type { Locale } from '../../schemas/common.ts';
import type { SessionData } from '../../schemas/session.ts';
import type {
  ChangeNotice,
  Registration,
  RegistrationEmail,
  SessionChange,
  SessionFacts,
} from '../ports.ts';

/** The told facts of a session, always built here so that two of them compare field by field. */
export function sessionFacts(session: SessionFacts): SessionFacts {
  return {
    start: session.start,
    durationMinutes: session.durationMinutes,
    ...(session.place === undefined ? {} : { place: session.place }),
    ...(session.videoLink === undefined ? {} : { videoLink: session.videoLink }),
    status: session.status,
  };
}

/** The place as a registrant reads it: in their language only, when one is given. */
const placeIn = (facts: SessionFacts, locale: Locale | undefined) =>
  facts.place === undefined
    ? null
    : locale === undefined
      ? facts.place
      : { name: facts.place.name[locale], address: facts.place.address };

/**
 * A comparable form of the facts: equal for the same facts, however they were
 * stored; with a language, equal when a reader of that language sees the same
 * (a fix of the other language's place name is no news to them).
 */
const factsKey = (facts: SessionFacts, locale?: Locale): string =>
  JSON.stringify([
    facts.start,
    facts.durationMinutes,
    placeIn(facts, locale),
    facts.videoLink ?? null,
    facts.status,
  ]);

export const sameFacts = (a: SessionFacts, b: SessionFacts, locale?: Locale): boolean =>
  factsKey(a, locale) === factsKey(b, locale);

/** What changed between two sets of facts, in the order an email lists them. */
export type ChangedFact = 'status' | 'time' | 'place' | 'videoLink';

export function changedFacts(from: SessionFacts, to: SessionFacts, locale?: Locale): ChangedFact[] {
  const changed: ChangedFact[] = [];
  if (from.status !== to.status) changed.push('status');
  if (from.start !== to.start || from.durationMinutes !== to.durationMinutes) changed.push('time');
  if (JSON.stringify(placeIn(from, locale)) !== JSON.stringify(placeIn(to, locale)))
    changed.push('place');
  if ((from.videoLink ?? null) !== (to.videoLink ?? null)) changed.push('videoLink');
  return changed;
}

/** The notice of the change that gives this SEQUENCE. */
export const changeNotice = (sequence: number): ChangeNotice => `session-changed-${sequence}`;

const changePattern = /^session-changed-(\d+)$/;

export const isChangeNotice = (email: RegistrationEmail): email is ChangeNotice =>
  changePattern.test(email);

/** The change an owed notice is about, if it is a change notice and the ledger has it. */
export function changeOf(
  registration: Registration,
  email: RegistrationEmail,
): SessionChange | undefined {
  const match = changePattern.exec(email);
  if (match === null) return undefined;
  const sequence = Number(match[1]);
  return registration.changes?.find((change) => change.sequence === sequence);
}

/** The session as its facts say it is now: the catalogue's entry with these facts laid over it. */
export const withFacts = (session: SessionData, facts: SessionFacts): SessionData => {
  const { place: _place, videoLink: _videoLink, ...rest } = session;
  return { ...rest, ...facts };
};
