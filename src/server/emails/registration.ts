// The emails of a training registration, in the registrant's language: the
// request to confirm the address (the first email, before anything else),
// seat confirmed (with the calendar invitation), on the waiting list, a seat freed
// for them, the reminder two days before, and the notice of each change of the
// session: moved (time, place, link), cancelled (with the invitation's
// METHOD:CANCEL) or back on. Built from the registration and the session only
// (a change from the facts the ledger recorded with it), so that a retry sends
// exactly the same message (the provider's idempotency needs it).
//
// The invitation of a change keeps the event's UID and raises its SEQUENCE, so
// that calendar software updates the event it already holds instead of adding
// one; see buildInvitation (src/calendar/ics.ts) for the calendar apps considered.
import { buildInvitation, invitationContentType } from '../../calendar/ics.ts';
import { uidDomainOf } from '../../calendar/uid.ts';
import { t, type TextKey, type TextValues } from '../../i18n/index.ts';
import { formatSessionTime } from '../../lib/dates.ts';
import type { Locale } from '../../schemas/common.ts';
import type { SessionData } from '../../schemas/session.ts';
import type {
  ChangeNotice,
  EmailMessage,
  Registration,
  RegistrationEmail,
  SessionChange,
  SessionFacts,
} from '../ports.ts';
import {
  changedFacts,
  changeOf,
  isChangeNotice,
  withFacts,
} from '../registrations/session-facts.ts';
import { renderHtml, renderText, type Block, type Document } from './blocks.ts';

export interface RegistrationEmailContext {
  siteUrl: string;
  coordinatorEmail: string;
  /** Absolute URL of the session's page. */
  sessionUrl: string;
  /** Signed cancellation link. */
  cancelUrl: string;
  /** Signed link that confirms the address (the `verify` email only). */
  verifyUrl: string;
  /** How long that link works, in hours. */
  verifyHours: number;
}

const organizerName = 'Médecins du Monde Calais';

/** The words of these emails: `email.registration.<word>` in src/i18n/. */
type WordOf<K, Prefix extends string> = K extends `${Prefix}${infer W}` ? W : never;
type RegistrationWord = WordOf<TextKey, 'email.registration.'>;

/** What an email is about: the owed email itself, or, for a change, the kind of change. */
type ChangeTopic = 'session-cancelled' | 'session-changed' | 'session-rescheduled';
type Topic = Exclude<RegistrationEmail, ChangeNotice> | ChangeTopic;

/** The kind of email a change calls for: cancelled, back on, or moved. */
export function changeTopic(change: SessionChange): ChangeTopic {
  if (change.to.status === 'cancelled') return 'session-cancelled';
  return change.from.status === 'cancelled' ? 'session-rescheduled' : 'session-changed';
}

const timeText = (facts: SessionFacts, session: SessionData, locale: Locale): string => {
  const time = formatSessionTime(facts.start, facts.durationMinutes, session.timeZone, locale);
  return `${time.day}, ${time.hours}`;
};

const placeText = (facts: SessionFacts, locale: Locale): string =>
  facts.place === undefined
    ? t(locale, 'email.registration.online')
    : `${facts.place.name[locale]}, ${facts.place.address}`;

/** "before → now" for each fact a change touched (its status is the email's subject). */
function changeRows(
  change: SessionChange,
  session: SessionData,
  locale: Locale,
): [string, string][] {
  const word = (key: 'when' | 'where' | 'video' | 'noVideoLink') =>
    t(locale, `email.registration.${key}`);
  const row = (label: string, before: string, now: string): [string, string] => [
    label,
    `${before} → ${now}`,
  ];
  return changedFacts(change.from, change.to, locale).flatMap((fact): [string, string][] => {
    switch (fact) {
      case 'time':
        return [
          row(
            word('when'),
            timeText(change.from, session, locale),
            timeText(change.to, session, locale),
          ),
        ];
      case 'place':
        return [row(word('where'), placeText(change.from, locale), placeText(change.to, locale))];
      case 'videoLink':
        return [
          row(
            word('video'),
            change.from.videoLink ?? word('noVideoLink'),
            change.to.videoLink ?? word('noVideoLink'),
          ),
        ];
      case 'status':
        return [];
    }
  });
}

export function registrationEmail(
  kind: RegistrationEmail,
  registration: Registration,
  catalogued: SessionData,
  context: RegistrationEmailContext,
): EmailMessage {
  const locale = registration.locale;
  const word = (key: RegistrationWord, values?: TextValues) =>
    t(locale, `email.registration.${key}`, values);
  const change = changeOf(registration, kind);
  let topic: Topic;
  let lead: string;
  if (change === undefined) {
    if (isChangeNotice(kind)) throw new Error(`no recorded change for ${kind}`);
    topic = kind;
    lead = word(`lead.${kind}`);
  } else {
    const about = changeTopic(change);
    topic = about;
    // Someone waiting is told the news and keeps their place; a cancellation is the same for all.
    lead =
      change.seat || about === 'session-cancelled'
        ? word(`lead.${about}`)
        : word(`waitingLead.${about}`);
  }
  // A change is told with the facts it brought, even if the catalogue moved on since (the next notice tells that).
  const session = change === undefined ? catalogued : withFacts(catalogued, change.to);
  const title = session.title[locale];
  const time = formatSessionTime(session.start, session.durationMinutes, session.timeZone, locale);
  const sessionCancelled = topic === 'session-cancelled';
  // Until the address is confirmed, nothing the visitor typed (their name) goes
  // in an email: anyone can type a stranger's address.
  const verify = kind === 'verify';
  // Only someone who had a seat (and so an invitation) gets one to add, update or withdraw.
  const withSeat =
    change !== undefined
      ? change.seat
      : sessionCancelled
        ? registration.status === 'confirmed'
        : kind !== 'waiting' && !verify;
  const rows = change === undefined ? [] : changeRows(change, session, locale);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: verify ? t(locale, 'email.hello') : word('hello', { name: registration.name }),
    },
    { type: 'paragraph', text: lead },
    ...(rows.length === 0
      ? []
      : [
          { type: 'paragraph' as const, text: word('changed') },
          { type: 'facts' as const, rows },
        ]),
    { type: 'heading', text: title },
    {
      type: 'facts',
      rows: [
        [word('when'), `${time.day}, ${time.hours}`],
        [word('where'), placeText(session, locale)],
        [word('trainer'), session.trainerRole[locale]],
        ...(session.notes === undefined ? [] : [[word('notes'), session.notes[locale]] as const]),
      ],
    },
    ...(withSeat
      ? [
          {
            type: 'paragraph' as const,
            text: sessionCancelled
              ? word('removed')
              : topic === 'session-changed'
                ? word('updated')
                : word('invitation'),
          },
        ]
      : []),
    ...(verify
      ? [
          {
            type: 'paragraph' as const,
            text: word('verify', { hours: context.verifyHours }),
            link: { text: word('verifyLink'), url: context.verifyUrl },
          },
          { type: 'paragraph' as const, text: word('notYou') },
        ]
      : []),
    { type: 'paragraph', text: word('details'), link: { text: title, url: context.sessionUrl } },
    ...(sessionCancelled || verify
      ? []
      : [
          {
            type: 'paragraph' as const,
            text: word('cancel'),
            link: { text: context.cancelUrl, url: context.cancelUrl },
          },
        ]),
  ];
  const subject = word(`subject.${topic}`, { title });
  const doc: Document = {
    lang: locale,
    title: subject,
    blocks,
    footer: [{ type: 'paragraph', text: word('questions', { email: context.coordinatorEmail }) }],
  };
  const message: EmailMessage = {
    to: registration.email,
    subject,
    html: renderHtml(doc),
    text: renderText(doc),
    replyTo: context.coordinatorEmail,
    tags: { kind: `registration-${topic}` },
  };
  if (withSeat) {
    const method = sessionCancelled ? 'CANCEL' : 'REQUEST';
    // Fixed by the ledger, not the clock: a retry builds the same bytes.
    const stamp =
      change?.at ??
      (sessionCancelled ? registration.notices?.find((n) => n.kind === kind)?.at : undefined);
    const invitation = buildInvitation(
      session,
      locale,
      { name: registration.name, email: registration.email },
      {
        method,
        // Each change raises the SEQUENCE, so that calendars apply it over what they hold;
        // a first invitation carries the SEQUENCE of the facts it tells.
        sequence: change?.sequence ?? (sessionCancelled ? 1 : (registration.told?.sequence ?? 0)),
        organizer: { name: organizerName, email: context.coordinatorEmail },
        url: context.sessionUrl,
        uidDomain: uidDomainOf(context.siteUrl),
        now: new Date(stamp ?? registration.promotedAt ?? registration.registeredAt),
      },
    );
    message.attachments = [
      {
        filename: `${session.slug}.ics`,
        content: new TextEncoder().encode(invitation),
        contentType: invitationContentType(method),
      },
    ];
  }
  return message;
}
