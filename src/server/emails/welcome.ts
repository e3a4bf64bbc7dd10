// The onboarding email an applicant gets, per role and language. Built from the
// stored record only, so that every retry sends exactly the same message.
//
// Nobody has proved yet that the address belongs to the applicant: anyone can
// type a stranger's address in the form. So the email carries no text a visitor
// typed (no name, organisation, project, motivation, phone or languages written
// by hand): only our own words, the labels of the choices ticked in the form,
// and links to our own site. What the applicant wrote is shown to them through
// the signed link instead, on our site.
import { stringOrEmpty } from '../../lib/values.ts';
import { intlLocale, t, textList } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { observerCharter } from '../../schemas/forms/consent.ts';
import { summaryLabel, type Field } from '../../schemas/forms/field.ts';
import { labelOf } from '../../schemas/forms/options.ts';
import { signupForms, type FormKind } from '../../schemas/forms/validate.ts';
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

/**
 * The choices shown in the email's summary, in its order: only fields whose
 * values are our own options (see the top of this file), never free text.
 */
export const summaryFields: Record<FormKind, readonly string[]> = {
  volunteer: ['profession', 'site', 'availability', 'frequency', 'languages'],
  observer: ['profile', 'formats'],
};

/** "samedi 16 janvier 2027 à 09:30" from a wall-clock time, whatever the server's time zone. */
function formatStart(start: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${start}:00Z`));
}

function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The labels of the options chosen in a field; a language with its level, in lower case. */
function chosen(field: Field, value: unknown, locale: Locale): string {
  const { options } = field;
  if (options === undefined) return '';
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const levels = field.control?.kind === 'languages' ? field.control.levels : undefined;
  return items
    .flatMap((item) => {
      if (typeof item === 'string') return [labelOf(options, item, locale)];
      if (levels === undefined || item === null || typeof item !== 'object') return [];
      const { code, level } = item as { code: string; level: string };
      const how = labelOf(levels, level, locale).toLowerCase();
      return [`${labelOf(options, code, locale)} (${how})`];
    })
    .join(', ');
}

/** The summary of the choices ticked in the form. */
function summary(record: ApplicationRecord): Block {
  const { fields } = signupForms[record.kind];
  const rows = summaryFields[record.kind].flatMap((name): [string, string][] => {
    const field = fields[name];
    if (field === undefined) return [];
    const value = record.fields[name] ?? '';
    return [[summaryLabel(field, record.locale), chosen(field, value, record.locale)]];
  });
  return { type: 'facts', rows };
}

function sessionBlocks(ctx: WelcomeContext, locale: Locale): Block[] {
  const all: Block = {
    type: 'paragraph',
    text: t(locale, 'email.allSessions'),
    link: {
      text: t(locale, 'email.allSessionsLink'),
      url: `${ctx.siteUrl}${sitePath('training', locale)}`,
    },
  };
  if (ctx.sessions.length === 0) return [all];
  return [
    { type: 'heading', text: t(locale, 'email.sessionsTitle') },
    {
      type: 'list',
      items: ctx.sessions.map((s) => ({
        text: t(locale, 'email.sessionItem', {
          title: s.title,
          start: formatStart(s.start, locale),
          place: s.place,
        }),
        link: { text: t(locale, 'email.sessionLink'), url: s.url },
      })),
    },
    all,
  ];
}

function closingBlocks(locale: Locale, ctx: WelcomeContext): { blocks: Block[]; footer: Block[] } {
  return {
    blocks: [
      { type: 'heading', text: t(locale, 'email.contactTitle') },
      { type: 'paragraph', text: t(locale, 'email.contact', { email: ctx.coordinatorEmail }) },
    ],
    footer: [
      { type: 'paragraph', text: t(locale, 'email.data') },
      {
        type: 'paragraph',
        text: t(locale, 'email.erase', { days: ctx.erasureDays }),
        link: { text: t(locale, 'email.eraseLink'), url: ctx.erasureUrl },
      },
    ],
  };
}

const paragraphs = (texts: readonly string[]): Block[] =>
  texts.map((text): Block => ({ type: 'paragraph', text }));

function volunteerDocument(record: ApplicationRecord, ctx: WelcomeContext): Document {
  const { locale } = record;
  const closing = closingBlocks(locale, ctx);
  return {
    lang: locale,
    title: t(locale, 'email.volunteer.title'),
    blocks: [
      ...paragraphs([
        t(locale, 'email.hello'),
        t(locale, 'email.volunteer.thanks'),
        t(locale, 'email.notYou'),
      ]),
      { type: 'heading', text: t(locale, 'email.volunteer.nextTitle') },
      ...paragraphs(textList(locale, 'email.volunteer.next')),
      ...sessionBlocks(ctx, locale),
      { type: 'heading', text: t(locale, 'email.summary') },
      summary(record),
      ...closing.blocks,
    ],
    footer: closing.footer,
  };
}

function observerDocument(record: ApplicationRecord, ctx: WelcomeContext): Document {
  const { locale, fields } = record;
  const day = (value: unknown) => formatDay(stringOrEmpty(value), locale);
  const closing = closingBlocks(locale, ctx);
  return {
    lang: locale,
    title: t(locale, 'email.observer.title'),
    blocks: [
      ...paragraphs([
        t(locale, 'email.hello'),
        t(locale, 'email.observer.thanks', {
          from: day(fields['dateFrom']),
          to: day(fields['dateTo']),
        }),
        t(locale, 'email.notYou'),
      ]),
      { type: 'heading', text: t(locale, 'email.observer.visitTitle') },
      ...paragraphs(textList(locale, 'email.observer.visit')),
      { type: 'heading', text: t(locale, 'email.observer.charterTitle') },
      { type: 'list', items: observerCharter(locale) },
      {
        type: 'paragraph',
        text: t(locale, 'email.observer.charterVersion', {
          version: record.consent.charterVersion ?? '',
        }),
      },
      ...sessionBlocks(ctx, locale),
      { type: 'heading', text: t(locale, 'email.summary') },
      // The organisation and the project, typed by hand, stay out: see the top of this file.
      summary(record),
      ...closing.blocks,
    ],
    footer: closing.footer,
  };
}

/** The welcome email of an accepted application. */
export function welcomeEmail(record: ApplicationRecord, ctx: WelcomeContext): EmailMessage {
  const doc =
    record.kind === 'volunteer' ? volunteerDocument(record, ctx) : observerDocument(record, ctx);
  return {
    to: record.email,
    subject: t(record.locale, `email.${record.kind}.subject`),
    html: renderHtml(doc),
    text: renderText(doc),
    replyTo: ctx.coordinatorEmail,
    tags: { kind: record.kind, locale: record.locale },
  };
}
