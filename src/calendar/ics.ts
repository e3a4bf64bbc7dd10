// iCalendar (RFC 5545) text for sessions: the invitation attached to a
// registration email (iTIP REQUEST or CANCEL) and the subscribable feeds.
// Times are written in UTC ("…Z"), which every client reads unambiguously and
// shows in its own zone: no VTIMEZONE to ship or keep up to date.
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from 'ical-generator';
import { t } from '../i18n/index.ts';
import type { Locale } from '../schemas/common.ts';
import type { SessionData } from '../schemas/session.ts';
import { sessionInstants } from './session-instants.ts';
import { sessionUid } from './uid.ts';

/** Content type of a feed served over HTTP. */
export const feedContentType = 'text/calendar; charset=utf-8';

/** Content type of an invitation attached to an email (the method must match the METHOD inside). */
export const invitationContentType = (method: InvitationMethod): string =>
  `text/calendar; method=${method}; charset=UTF-8`;

export type InvitationMethod = 'REQUEST' | 'CANCEL';

export interface Person {
  name: string;
  email: string;
}

export interface InvitationOptions {
  method: InvitationMethod;
  /** 0 for the first invitation; one more for every later change or the cancellation. */
  sequence: number;
  /** Who sends it (the delegation's address that answers participants). */
  organizer: Person;
  /** Absolute URL of the session on the site. */
  url: string;
  /** Domain part of the UID (see uid.ts); the feeds must use the same. */
  uidDomain: string;
  /** DTSTAMP: when this message is made. Default now. */
  now?: Date;
}

export interface FeedOptions {
  /** Calendar name shown by the client, e.g. "Médecins du Monde Calais – formations". */
  name: string;
  /** Absolute URL of the feed itself. */
  url: string;
  /** Absolute URL of a session on the site. */
  sessionUrl: (session: SessionData) => string;
  /** Domain part of the UIDs (see uid.ts); the invitations must use the same. */
  uidDomain: string;
  /** DTSTAMP of every event: when the feed is built. Default now. */
  now?: Date;
}

/** How often subscribed clients should fetch the feed again; rebuilds follow each change. */
const feedRefreshSeconds = 6 * 60 * 60;

function calendar(locale: Locale, method: ICalCalendarMethod | null): ICalCalendar {
  return ical({
    prodId: {
      company: 'Médecins du Monde Calais',
      product: t(locale, 'calendar.product'),
      language: locale.toUpperCase(),
    },
    method,
  });
}

/** The calendar's text; RFC 5545 ends every line with CRLF, the last one included. */
const calendarText = (cal: ICalCalendar): string => `${cal.toString()}\r\n`;

function addSession(
  cal: ICalCalendar,
  session: SessionData,
  locale: Locale,
  details: { url: string; uidDomain: string; now: Date; sequence: number; cancelled: boolean },
) {
  /** "Animation : …": a label of the dictionary and its value. */
  const line = (
    key: 'calendar.trainer' | 'calendar.notes' | 'calendar.video' | 'calendar.details',
    value: string,
  ) => `${t(locale, key)}${t(locale, 'punctuation.colon')}${value}`;
  const { start, end } = sessionInstants(session);
  const cancelled = details.cancelled || session.status === 'cancelled';
  const description = [
    session.description[locale],
    '',
    line('calendar.trainer', session.trainerRole[locale]),
    ...(session.notes === undefined ? [] : [line('calendar.notes', session.notes[locale])]),
    ...(session.videoLink === undefined ? [] : [line('calendar.video', session.videoLink)]),
    line('calendar.details', details.url),
  ].join('\n');
  return cal.createEvent({
    id: sessionUid(session.slug, details.uidDomain),
    sequence: details.sequence,
    stamp: details.now,
    start,
    end,
    summary: cancelled
      ? `${t(locale, 'calendar.cancelled')}${t(locale, 'punctuation.colon')}${session.title[locale]}`
      : session.title[locale],
    description,
    location:
      session.place === undefined
        ? (session.videoLink ?? null)
        : `${session.place.name[locale]}, ${session.place.address}`,
    url: details.url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/**
 * The invitation for one participant: METHOD:REQUEST when they register or the
 * session changes, METHOD:CANCEL when it is cancelled or they withdraw. The
 * participant is already registered, so no reply is asked for.
 *
 * An update is the same UID with a higher SEQUENCE (RFC 5546 §2.1.4), from the
 * same ORGANIZER to the same ATTENDEE. Calendar apps considered (docs/trainers.md,
 * section 5): Google Calendar and Thunderbird apply it by UID and SEQUENCE;
 * Apple Calendar matches it to the registrant by the ATTENDEE address; Outlook
 * also wants the METHOD in the attachment's content type
 * (invitationContentType) and STATUS:CANCELLED in a cancellation.
 */
export function buildInvitation(
  session: SessionData,
  locale: Locale,
  attendee: Person,
  options: InvitationOptions,
): string {
  const cancel = options.method === 'CANCEL';
  const cal = calendar(locale, cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  const event = addSession(cal, session, locale, {
    url: options.url,
    uidDomain: options.uidDomain,
    now: options.now ?? new Date(),
    sequence: options.sequence,
    cancelled: cancel,
  });
  event.organizer({ name: options.organizer.name, email: options.organizer.email });
  event.createAttendee({
    name: attendee.name,
    email: attendee.email,
    role: ICalAttendeeRole.REQ,
    status: cancel ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
    rsvp: false,
  });
  return calendarText(cal);
}

/**
 * A feed of `sessions` (choose them beforehand, e.g. the upcoming ones of one
 * delegation). Cancelled sessions stay in it, marked, so subscribers see it.
 * No METHOD: a feed is a plain calendar, not a scheduling message.
 */
export function buildFeed(
  sessions: readonly SessionData[],
  locale: Locale,
  options: FeedOptions,
): string {
  const cal = calendar(locale, null);
  cal.name(options.name);
  cal.url(options.url);
  cal.ttl(feedRefreshSeconds);
  const now = options.now ?? new Date();
  for (const session of sessions) {
    addSession(cal, session, locale, {
      url: options.sessionUrl(session),
      uidDomain: options.uidDomain,
      now,
      sequence: 0,
      cancelled: false,
    });
  }
  return calendarText(cal);
}
