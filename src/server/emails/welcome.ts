// The onboarding email an applicant gets, per role and language. Built from the
// stored record only, so that every retry sends exactly the same message.
//
// Nobody has proved yet that the address belongs to the applicant: anyone can
// type a stranger's address in the form. So the email carries no text a visitor
// typed (no name, organisation, project, motivation, phone or languages written
// by hand): only our own words, the labels of the choices ticked in the form,
// and links to our own site. What the applicant wrote is shown to them through
// the signed link instead, on our site.
import type { Locale } from '../../schemas/common.ts';
import { observerCharter } from '../../schemas/forms/consent.ts';
import {
  availabilitySlots,
  frequencies,
  labelOf,
  languageLevels,
  languages,
  observerProfiles,
  outputFormats,
  professions,
  sites,
} from '../../schemas/forms/options.ts';
import type { ApplicationRecord, EmailMessage } from '../ports.ts';
import { sitePath } from '../site-paths.ts';
import { renderHtml, renderText, type Block, type Document } from './blocks.ts';

/** An upcoming session, already in the applicant's language. */
export interface SessionLink {
  title: string;
  /** Local wall-clock start in Europe/Paris: 2027-01-16T09:30. */
  start: string;
  place: string;
  url: string;
}

export interface WelcomeContext {
  siteUrl: string;
  coordinatorEmail: string;
  erasureUrl: string;
  erasureDays: number;
  sessions: readonly SessionLink[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** "samedi 16 janvier 2027 à 09:30" from a wall-clock time, whatever the server's time zone. */
function formatStart(start: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${start}:00Z`));
}

function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

const copy = {
  fr: {
    hello: 'Bonjour,',
    notYou:
      'Vous n’êtes pas à l’origine de cette candidature ? Quelqu’un a pu saisir votre adresse par erreur : le lien en bas de ce message l’efface, sans autre démarche.',
    sessionsTitle: 'Les prochaines sessions',
    sessionItem: (s: SessionLink, locale: Locale) =>
      `${s.title}, ${formatStart(s.start, locale)}, ${s.place}.`,
    sessionLink: 'Voir la session',
    allSessions: 'Le calendrier des formations et temps d’échange est en ligne :',
    allSessionsLink: 'toutes les sessions',
    summary: 'Vos choix dans le formulaire',
    contactTitle: 'Une question ?',
    contact: (email: string) =>
      `Écrivez à la coordination de la délégation, à l’adresse ${email}, ou répondez simplement à ce message.`,
    data: 'Votre candidature est enregistrée dans l’outil de suivi de la coordination (Airtable) ; cet e-mail vous est envoyé par Resend. Nous ne la partageons avec personne d’autre.',
    erase: (days: number) =>
      `Pour effacer vos données, suivez ce lien, valable ${days} jours (ensuite, écrivez à la coordination) :`,
    eraseLink: 'effacer ma candidature',
  },
  en: {
    hello: 'Hello,',
    notYou:
      'Did you not apply? Someone may have typed your address by mistake: the link at the end of this message erases the application, with nothing else to do.',
    sessionsTitle: 'Upcoming sessions',
    sessionItem: (s: SessionLink, locale: Locale) =>
      `${s.title}, ${formatStart(s.start, locale)}, ${s.place}.`,
    sessionLink: 'See the session',
    allSessions: 'The calendar of training and exchange sessions is online:',
    allSessionsLink: 'all sessions',
    summary: 'Your choices in the form',
    contactTitle: 'Any question?',
    contact: (email: string) =>
      `Write to the delegation’s coordination at ${email}, or simply reply to this message.`,
    data: 'Your application is kept in the coordination’s tracking tool (Airtable); this email is sent to you by Resend. We share it with no one else.',
    erase: (days: number) =>
      `To erase your data, follow this link, which works for ${days} days (after that, write to the coordination):`,
    eraseLink: 'erase my application',
  },
} as const;

const volunteerCopy = {
  fr: {
    subject: 'Votre candidature de bénévole à Médecins du Monde Calais',
    title: 'Merci pour votre candidature',
    thanks:
      'Merci de proposer votre aide à la délégation de Calais de Médecins du Monde. Nous avons bien reçu votre candidature de bénévole.',
    nextTitle: 'La suite',
    next: [
      'Une personne de la coordination lit votre candidature et vous contacte pour un premier échange : vos disponibilités, vos langues, et le programme où votre aide sera la plus utile.',
      'Avant de rejoindre les activités, chaque bénévole participe à une session d’accueil. Des temps de formation, d’échange et de soutien ont lieu régulièrement pour toute l’équipe.',
    ],
    rows: {
      profession: 'Profession',
      site: 'Lieu',
      availability: 'Disponibilités',
      frequency: 'Rythme',
      languages: 'Langues',
    },
  },
  en: {
    subject: 'Your volunteer application to Médecins du Monde in Calais',
    title: 'Thank you for applying',
    thanks:
      'Thank you for offering your help to the Calais delegation of Médecins du Monde. We have received your volunteer application.',
    nextTitle: 'What happens next',
    next: [
      'Someone from the coordination team reads your application and contacts you for a first conversation: your availability, your languages, and the programme where your help is most useful.',
      'Before joining the activities, every volunteer attends an induction session. Training, exchange and support sessions are held regularly for the whole team.',
    ],
    rows: {
      profession: 'Profession',
      site: 'Site',
      availability: 'Availability',
      frequency: 'How often',
      languages: 'Languages',
    },
  },
} as const;

const observerCopy = {
  fr: {
    subject: 'Votre demande d’observation Speak Out',
    title: 'Merci pour votre demande',
    thanks: (from: string, to: string) =>
      `Merci de votre intérêt pour Speak Out. Nous avons bien reçu votre demande pour accompagner l’équipe de Médecins du Monde sur le littoral, entre le ${from} et le ${to}.`,
    visitTitle: 'Comment se prépare votre venue',
    visit: [
      'La coordination vous contacte pour choisir avec vous une date dans cette période, selon les activités prévues : clinique mobile, tournées à pied, espace de soutien psychosocial.',
      'Avant la venue, l’équipe vous explique le déroulement de la journée et ce que l’on attend de vous sur le terrain. Le jour même, vous suivez ses consignes.',
      'Ensuite, vous témoignez publiquement, dans le format de votre choix.',
    ],
    charterTitle: 'La charte que vous avez acceptée',
    charterVersion: (v: string) => `Version du ${v}.`,
    rows: {
      profile: 'Profil',
      formats: 'Formats',
    },
  },
  en: {
    subject: 'Your Speak Out observer request',
    title: 'Thank you for your request',
    thanks: (from: string, to: string) =>
      `Thank you for your interest in Speak Out. We have received your request to come along with the Médecins du Monde team on the coast, between ${from} and ${to}.`,
    visitTitle: 'How your visit is arranged',
    visit: [
      'The coordination team contacts you to choose a date within that period with you, depending on the planned activities: mobile clinic, outreach rounds on foot, psychosocial support space.',
      'Before the visit, the team explains how the day will go and what is expected of you in the field. On the day, you follow its instructions.',
      'Afterwards, you bear witness publicly, in whatever format you choose.',
    ],
    charterTitle: 'The charter you accepted',
    charterVersion: (v: string) => `Version of ${v}.`,
    rows: {
      profile: 'Profile',
      formats: 'Formats',
    },
  },
} as const;

function sessionBlocks(ctx: WelcomeContext, locale: Locale): Block[] {
  const c = copy[locale];
  const all: Block = {
    type: 'paragraph',
    text: c.allSessions,
    link: { text: c.allSessionsLink, url: `${ctx.siteUrl}${sitePath('training', locale)}` },
  };
  if (ctx.sessions.length === 0) return [all];
  return [
    { type: 'heading', text: c.sessionsTitle },
    {
      type: 'list',
      items: ctx.sessions.map((s) => ({
        text: c.sessionItem(s, locale),
        link: { text: c.sessionLink, url: s.url },
      })),
    },
    all,
  ];
}

function closingBlocks(
  record: ApplicationRecord,
  ctx: WelcomeContext,
): { blocks: Block[]; footer: Block[] } {
  const c = copy[record.locale];
  return {
    blocks: [
      { type: 'heading', text: c.contactTitle },
      { type: 'paragraph', text: c.contact(ctx.coordinatorEmail) },
    ],
    footer: [
      { type: 'paragraph', text: c.data },
      {
        type: 'paragraph',
        text: c.erase(ctx.erasureDays),
        link: { text: c.eraseLink, url: ctx.erasureUrl },
      },
    ],
  };
}

function volunteerDocument(record: ApplicationRecord, ctx: WelcomeContext): Document {
  const { locale, fields } = record;
  const v = volunteerCopy[locale];
  const spoken = Array.isArray(fields['languages'])
    ? (fields['languages'] as { code: string; level: string }[])
    : [];
  // Languages written by hand ("other languages") stay out: see the top of this file.
  const languageList = spoken
    .map(
      (l) =>
        `${labelOf(languages, l.code, locale)} (${labelOf(languageLevels, l.level, locale).toLowerCase()})`,
    )
    .join(', ');
  const closing = closingBlocks(record, ctx);
  return {
    lang: locale,
    title: v.title,
    blocks: [
      { type: 'paragraph', text: copy[locale].hello },
      { type: 'paragraph', text: v.thanks },
      { type: 'paragraph', text: copy[locale].notYou },
      { type: 'heading', text: v.nextTitle },
      ...v.next.map((t): Block => ({ type: 'paragraph', text: t })),
      ...sessionBlocks(ctx, locale),
      { type: 'heading', text: copy[locale].summary },
      {
        type: 'facts',
        rows: [
          [v.rows.profession, labelOf(professions, text(fields['profession']) ?? '', locale)],
          [v.rows.site, labelOf(sites, text(fields['site']) ?? '', locale)],
          [
            v.rows.availability,
            strings(fields['availability'])
              .map((a) => labelOf(availabilitySlots, a, locale))
              .join(', '),
          ],
          [v.rows.frequency, labelOf(frequencies, text(fields['frequency']) ?? '', locale)],
          [v.rows.languages, languageList],
        ],
      },
      ...closing.blocks,
    ],
    footer: closing.footer,
  };
}

function observerDocument(record: ApplicationRecord, ctx: WelcomeContext): Document {
  const { locale, fields } = record;
  const o = observerCopy[locale];
  const closing = closingBlocks(record, ctx);
  return {
    lang: locale,
    title: o.title,
    blocks: [
      { type: 'paragraph', text: copy[locale].hello },
      {
        type: 'paragraph',
        text: o.thanks(
          formatDay(text(fields['dateFrom']) ?? '', locale),
          formatDay(text(fields['dateTo']) ?? '', locale),
        ),
      },
      { type: 'paragraph', text: copy[locale].notYou },
      { type: 'heading', text: o.visitTitle },
      ...o.visit.map((t): Block => ({ type: 'paragraph', text: t })),
      { type: 'heading', text: o.charterTitle },
      { type: 'list', items: observerCharter[locale] },
      { type: 'paragraph', text: o.charterVersion(record.consent.charterVersion ?? '') },
      ...sessionBlocks(ctx, locale),
      { type: 'heading', text: copy[locale].summary },
      {
        type: 'facts',
        rows: [
          // The organisation and the project, typed by hand, stay out: see the top of this file.
          [o.rows.profile, labelOf(observerProfiles, text(fields['profile']) ?? '', locale)],
          [
            o.rows.formats,
            strings(fields['formats'])
              .map((f) => labelOf(outputFormats, f, locale))
              .join(', '),
          ],
        ],
      },
      ...closing.blocks,
    ],
    footer: closing.footer,
  };
}

/** The welcome email of an accepted application. */
export function welcomeEmail(record: ApplicationRecord, ctx: WelcomeContext): EmailMessage {
  const doc =
    record.kind === 'volunteer' ? volunteerDocument(record, ctx) : observerDocument(record, ctx);
  const subject = (record.kind === 'volunteer' ? volunteerCopy : observerCopy)[record.locale]
    .subject;
  return {
    to: record.email,
    subject,
    html: renderHtml(doc),
    text: renderText(doc),
    replyTo: ctx.coordinatorEmail,
    tags: { kind: record.kind, locale: record.locale },
  };
}
