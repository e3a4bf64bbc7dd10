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

const text = {
  fr: {
    subject: {
      verify: (title: string) => `Confirmez votre adresse pour : ${title}`,
      confirmed: (title: string) => `Inscription confirmée : ${title}`,
      waiting: (title: string) => `Liste d’attente : ${title}`,
      promoted: (title: string) => `Une place s’est libérée pour vous : ${title}`,
      reminder: (title: string) => `Rappel : ${title}`,
      'session-cancelled': (title: string) => `Session annulée : ${title}`,
      'session-changed': (title: string) => `Session modifiée : ${title}`,
      'session-rescheduled': (title: string) => `La session aura bien lieu : ${title}`,
    },
    hello: (name: string) => `Bonjour ${name},`,
    helloUnknown: 'Bonjour,',
    verify: (hours: number) =>
      `Pour obtenir une place, confirmez votre adresse avec ce lien dans les ${hours} heures. Les places vont aux adresses confirmées, dans l’ordre des confirmations ; quand la session est complète, vous êtes inscrit sur la liste d’attente.`,
    verifyLink: 'Confirmer mon adresse',
    notYou:
      'Vous n’avez rien demandé ? Quelqu’un a pu saisir votre adresse par erreur : ignorez ce message, la demande sera effacée sans autre suite.',
    lead: {
      verify:
        'Une inscription à une session de formation de Médecins du Monde à Calais a été demandée avec votre adresse email.',
      confirmed: 'Votre place est réservée pour cette session.',
      waiting:
        'La session est complète : vous êtes sur la liste d’attente. Si une place se libère, elle vous sera proposée par email, dans l’ordre des inscriptions.',
      promoted:
        'Une place s’est libérée et elle est à vous : votre inscription est confirmée. Si vous ne pouvez plus venir, annulez pour la laisser à quelqu’un d’autre.',
      reminder:
        'Votre session de formation a lieu dans moins de deux jours. Si vous ne pouvez plus venir, annulez pour laisser votre place à quelqu’un d’autre.',
      'session-cancelled':
        'Nous sommes désolés : cette session est annulée par l’équipe de formation. Vous n’avez rien à faire ; les prochaines sessions sont sur la page Formations.',
      'session-changed':
        'L’équipe de formation a modifié cette session. Votre place vous reste réservée.',
      'session-rescheduled':
        'Bonne nouvelle : cette session, annulée, aura finalement lieu, et votre place vous reste réservée.',
    },
    waitingLead: {
      'session-changed':
        'L’équipe de formation a modifié la session pour laquelle vous êtes sur la liste d’attente. Vous y gardez votre rang.',
      'session-rescheduled':
        'La session pour laquelle vous étiez sur la liste d’attente, annulée, aura finalement lieu. Vous y gardez votre rang.',
    },
    changed: 'Ce qui change :',
    noVideoLink: 'aucun lien',
    video: 'Lien de la visio',
    updated: 'L’invitation jointe (.ics) met à jour la session dans votre agenda.',
    removed: 'L’invitation jointe (.ics) retire la session de votre agenda.',
    invitation: 'L’invitation jointe (.ics) ajoute la session à votre agenda.',
    when: 'Quand',
    where: 'Où',
    online: 'En ligne',
    trainer: 'Animation',
    notes: 'À savoir',
    details: 'La page de la session :',
    cancel: 'Vous ne pouvez plus venir ? Annulez votre inscription :',
    questions: (email: string) => `Une question ? Écrivez à ${email}.`,
  },
  en: {
    subject: {
      verify: (title: string) => `Confirm your address for: ${title}`,
      confirmed: (title: string) => `Registration confirmed: ${title}`,
      waiting: (title: string) => `Waiting list: ${title}`,
      promoted: (title: string) => `A seat has come free for you: ${title}`,
      reminder: (title: string) => `Reminder: ${title}`,
      'session-cancelled': (title: string) => `Session cancelled: ${title}`,
      'session-changed': (title: string) => `Session changed: ${title}`,
      'session-rescheduled': (title: string) => `Session back on: ${title}`,
    },
    hello: (name: string) => `Hello ${name},`,
    helloUnknown: 'Hello,',
    verify: (hours: number) =>
      `To get a seat, confirm your address with this link within ${hours} hours. Seats go to confirmed addresses, in the order they are confirmed; when the session is full, you are put on the waiting list.`,
    verifyLink: 'Confirm my address',
    notYou:
      'Did you not ask for anything? Someone may have typed your address by mistake: ignore this message and the request will be deleted, with nothing more.',
    lead: {
      verify:
        'A registration for a Médecins du Monde training session in Calais was requested with your email address.',
      confirmed: 'Your seat is booked for this session.',
      waiting:
        'The session is full: you are on the waiting list. If a seat comes free, it will be offered to you by email, in the order people registered.',
      promoted:
        'A seat has come free and it is yours: your registration is confirmed. If you can no longer come, please cancel so that someone else can have it.',
      reminder:
        'Your training session is less than two days away. If you can no longer come, please cancel so that someone else can have your seat.',
      'session-cancelled':
        'We are sorry: the training team has cancelled this session. There is nothing you need to do; the next sessions are on the Training page.',
      'session-changed': 'The training team has changed this session. Your seat is still yours.',
      'session-rescheduled':
        'Good news: this session, which had been cancelled, will take place after all, and your seat is still yours.',
    },
    waitingLead: {
      'session-changed':
        'The training team has changed the session you are on the waiting list for. You keep your place on the list.',
      'session-rescheduled':
        'The session you were on the waiting list for, which had been cancelled, will take place after all. You keep your place on the list.',
    },
    changed: 'What changes:',
    noVideoLink: 'no link',
    video: 'Video link',
    updated: 'The attached invitation (.ics) updates the session in your calendar.',
    removed: 'The attached invitation (.ics) removes the session from your calendar.',
    invitation: 'The attached invitation (.ics) adds the session to your calendar.',
    when: 'When',
    where: 'Where',
    online: 'Online',
    trainer: 'Trainer',
    notes: 'Good to know',
    details: 'The session’s page:',
    cancel: 'Can no longer come? Cancel your registration:',
    questions: (email: string) => `A question? Write to ${email}.`,
  },
} as const satisfies Record<Locale, unknown>;

/** What an email is about: the owed email itself, or, for a change, the kind of change. */
type ChangeTopic = 'session-cancelled' | 'session-changed' | 'session-rescheduled';
type Topic = Exclude<RegistrationEmail, ChangeNotice> | ChangeTopic;

/** The kind of email a change calls for: cancelled, back on, or moved. */
export function changeTopic(change: SessionChange): ChangeTopic {
  if (change.to.status === 'cancelled') return 'session-cancelled';
  return change.from.status === 'cancelled' ? 'session-rescheduled' : 'session-changed';
}

type Texts = (typeof text)[Locale];

const timeText = (facts: SessionFacts, session: SessionData, locale: Locale): string => {
  const time = formatSessionTime(facts.start, facts.durationMinutes, session.timeZone, locale);
  return `${time.day}, ${time.hours}`;
};

const placeText = (facts: SessionFacts, t: Texts, locale: Locale): string =>
  facts.place === undefined ? t.online : `${facts.place.name[locale]}, ${facts.place.address}`;

/** "before → now" for each fact a change touched (its status is the email's subject). */
function changeRows(
  change: SessionChange,
  session: SessionData,
  locale: Locale,
): [string, string][] {
  const t = text[locale];
  const row = (label: string, before: string, now: string): [string, string] => [
    label,
    `${before} → ${now}`,
  ];
  return changedFacts(change.from, change.to, locale).flatMap((fact): [string, string][] => {
    switch (fact) {
      case 'time':
        return [
          row(t.when, timeText(change.from, session, locale), timeText(change.to, session, locale)),
        ];
      case 'place':
        return [row(t.where, placeText(change.from, t, locale), placeText(change.to, t, locale))];
      case 'videoLink':
        return [
          row(
            t.video,
            change.from.videoLink ?? t.noVideoLink,
            change.to.videoLink ?? t.noVideoLink,
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
  const t = text[locale];
  const change = changeOf(registration, kind);
  let topic: Topic;
  let lead: string;
  if (change === undefined) {
    if (isChangeNotice(kind)) throw new Error(`no recorded change for ${kind}`);
    topic = kind;
    lead = t.lead[kind];
  } else {
    const about = changeTopic(change);
    topic = about;
    // Someone waiting is told the news and keeps their place; a cancellation is the same for all.
    lead = change.seat || about === 'session-cancelled' ? t.lead[about] : t.waitingLead[about];
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
    { type: 'paragraph', text: verify ? t.helloUnknown : t.hello(registration.name) },
    { type: 'paragraph', text: lead },
    ...(rows.length === 0
      ? []
      : [
          { type: 'paragraph' as const, text: t.changed },
          { type: 'facts' as const, rows },
        ]),
    { type: 'heading', text: title },
    {
      type: 'facts',
      rows: [
        [t.when, `${time.day}, ${time.hours}`],
        [t.where, placeText(session, t, locale)],
        [t.trainer, session.trainerRole[locale]],
        ...(session.notes === undefined ? [] : [[t.notes, session.notes[locale]] as const]),
      ],
    },
    ...(withSeat
      ? [
          {
            type: 'paragraph' as const,
            text: sessionCancelled
              ? t.removed
              : topic === 'session-changed'
                ? t.updated
                : t.invitation,
          },
        ]
      : []),
    ...(verify
      ? [
          {
            type: 'paragraph' as const,
            text: t.verify(context.verifyHours),
            link: { text: t.verifyLink, url: context.verifyUrl },
          },
          { type: 'paragraph' as const, text: t.notYou },
        ]
      : []),
    { type: 'paragraph', text: t.details, link: { text: title, url: context.sessionUrl } },
    ...(sessionCancelled || verify
      ? []
      : [
          {
            type: 'paragraph' as const,
            text: t.cancel,
            link: { text: context.cancelUrl, url: context.cancelUrl },
          },
        ]),
  ];
  const doc: Document = {
    lang: locale,
    title: t.subject[topic](title),
    blocks,
    footer: [{ type: 'paragraph', text: t.questions(context.coordinatorEmail) }],
  };
  const message: EmailMessage = {
    to: registration.email,
    subject: t.subject[topic](title),
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
