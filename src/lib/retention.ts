// How long we keep each kind of personal data: the one place that the privacy
// page (its MDX writes {props.retention.applications}, see ProsePageView), the sign-up forms, the "what we hold" page of the email links and the
// purge (src/server/retention/purge.ts) all read, so that what we promise and
// what the code deletes cannot drift apart. Its words are `retention.*` in
// src/i18n/.
import { t } from '../i18n/index.ts';
import type { Locale } from '../schemas/common.ts';

export type RetentionPeriod = { months: number } | { days: number };

/** What each period counts from, in the visitor's words. */
export const retentionPeriods = {
  /** Volunteer and observer applications: after our last exchange with the person. */
  applications: { months: 24 },
  /** Training registrations: after the session. */
  registrations: { months: 12 },
  /** Applications the site flagged as likely spam, kept apart for a person to review. */
  suspectedSpam: { days: 30 },
  /** Applications waiting in Netlify Blobs to reach the database. */
  pending: { days: 7 },
  /**
   * The keyed hash of an erased id, kept so that no delivery started before an
   * erasure can write the data back: longer than any pending item can live.
   */
  erasureRecords: { days: 30 },
  /** The local outbox (development only), which stands in for Resend's logs. */
  localOutbox: { days: 30 },
} as const satisfies Record<string, RetentionPeriod>;

export type RetentionKind = keyof typeof retentionPeriods;

/** The instant `period` after `from` (calendar months in UTC, so "24 months" is two years to the day). */
export function addPeriod(from: Date, period: RetentionPeriod): Date {
  const end = new Date(from.getTime());
  if ('months' in period) end.setUTCMonth(end.getUTCMonth() + period.months);
  else end.setUTCDate(end.getUTCDate() + period.days);
  return end;
}

/** The instant before which data of this kind has outlived its period, seen at `now`. */
export function cutoff(kind: RetentionKind, now: Date): Date {
  const period: RetentionPeriod = retentionPeriods[kind];
  const start = new Date(now.getTime());
  if ('months' in period) start.setUTCMonth(start.getUTCMonth() - period.months);
  else start.setUTCDate(start.getUTCDate() - period.days);
  return start;
}

/** Until when data of this kind is kept, counted from `from` (its last contact, session, …). */
export const keptUntil = (kind: RetentionKind, from: Date): Date =>
  addPeriod(from, retentionPeriods[kind]);

/** "24 mois" / "24 months", "7 jours" / "7 days". */
export function periodText(period: RetentionPeriod, locale: Locale): string {
  const [count, unit] =
    'months' in period ? [period.months, 'months' as const] : [period.days, 'days' as const];
  return t(locale, `retention.${unit}.${count === 1 ? 'one' : 'many'}`, { count });
}

/** The whole rule in words: "24 mois après notre dernier échange" / "24 months after our last exchange". */
export const retentionText = (kind: RetentionKind, locale: Locale): string =>
  `${periodText(retentionPeriods[kind], locale)} ${t(locale, `retention.after.${kind}`)}`;

/** Every rule in words, for the prose pages' MDX (`{props.retention.registrations}`). */
export const retentionTexts = (locale: Locale): Record<RetentionKind, string> => ({
  applications: retentionText('applications', locale),
  registrations: retentionText('registrations', locale),
  suspectedSpam: retentionText('suspectedSpam', locale),
  pending: retentionText('pending', locale),
  erasureRecords: retentionText('erasureRecords', locale),
  localOutbox: retentionText('localOutbox', locale),
});
