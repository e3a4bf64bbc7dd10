// The emails of a training registration, in the registrant's language: the
// request to confirm the address (the first email, before anything else),
// seat confirmed (with the calendar invitation), on the waiting list, a seat freed
// for them, the reminder two days before, or the session cancelled (with the
// invitation's METHOD:CANCEL). Built from the registration and the session only, so that a
// retry sends exactly the same message (the provider's idempotency needs it).
import { buildInvitation, invitationContentType } from '../../calendar/ics.ts';
import { uidDomainOf } from '../../calendar/uid.ts';
import { formatSessionTime } from '../../lib/dates.ts';
import type { Locale } from '../../schemas/common.ts';
import type { SessionData } from '../../schemas/session.ts';
import type { EmailMessage, Registration, RegistrationEmail } from '../ports.ts';
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
    },
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
    },
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

export function registrationEmail(
  kind: RegistrationEmail,
  registration: Registration,
  session: SessionData,
  context: RegistrationEmailContext,
): EmailMessage {
  const locale = registration.locale;
  const t = text[locale];
  const title = session.title[locale];
  const time = formatSessionTime(session.start, session.durationMinutes, session.timeZone, locale);
  const sessionCancelled = kind === 'session-cancelled';
  // Until the address is confirmed, nothing the visitor typed (their name) goes
  // in an email: anyone can type a stranger's address.
  const verify = kind === 'verify';
  // Only someone who had a seat (and so an invitation) gets one to add or to withdraw.
  const withSeat = sessionCancelled
    ? registration.status === 'confirmed'
    : kind !== 'waiting' && !verify;
  const blocks: Block[] = [
    { type: 'paragraph', text: verify ? t.helloUnknown : t.hello(registration.name) },
    { type: 'paragraph', text: t.lead[kind] },
    { type: 'heading', text: title },
    {
      type: 'facts',
      rows: [
        [t.when, `${time.day}, ${time.hours}`],
        [
          t.where,
          session.place === undefined
            ? t.online
            : `${session.place.name[locale]}, ${session.place.address}`,
        ],
        [t.trainer, session.trainerRole[locale]],
        ...(session.notes === undefined ? [] : [[t.notes, session.notes[locale]] as const]),
      ],
    },
    ...(withSeat
      ? [{ type: 'paragraph' as const, text: sessionCancelled ? t.removed : t.invitation }]
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
    title: t.subject[kind](title),
    blocks,
    footer: [{ type: 'paragraph', text: t.questions(context.coordinatorEmail) }],
  };
  const message: EmailMessage = {
    to: registration.email,
    subject: t.subject[kind](title),
    html: renderHtml(doc),
    text: renderText(doc),
    replyTo: context.coordinatorEmail,
    tags: { kind: `registration-${kind}` },
  };
  if (withSeat) {
    const method = sessionCancelled ? 'CANCEL' : 'REQUEST';
    // Fixed by the ledger, not the clock: a retry builds the same bytes.
    const stamp = sessionCancelled
      ? registration.notices?.find((n) => n.kind === kind)?.at
      : undefined;
    const invitation = buildInvitation(
      session,
      locale,
      { name: registration.name, email: registration.email },
      {
        method,
        // A higher SEQUENCE makes calendars apply the cancellation over the invitation.
        sequence: sessionCancelled ? 1 : 0,
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
