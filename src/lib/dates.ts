// Dates as the delegation lives them: wall-clock times in Europe/Paris,
// written out in the reader's language.
import { intlLocale } from '../i18n/index.ts';
import type { Locale } from '../schemas/common.ts';

// The zone arithmetic (DST gaps and overlaps included) lives in one tested
// module shared with the calendar feeds and invitations.
import {
  zoneOffsetMinutes as offsetMinutes,
  zonedWallTimeToInstant as zonedToInstant,
} from '../calendar/zoned-time.ts';

export { offsetMinutes, zonedToInstant };

const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');

/** ISO 8601 with the zone's offset, for <time datetime>: "2026-12-05T09:30+01:00". */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 16);
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

// Making a formatter costs far more than using one: one per language, made once.
const longDate: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(intlLocale.fr, { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(intlLocale.en, { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar date (publication, update) in words: "5 décembre 2026" / "5 December 2026". */
export const formatDate = (date: Date, locale: Locale): string => longDate[locale].format(date);

/** YYYY-MM-DD of a calendar date, for <time datetime>. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

export interface SessionTime {
  /** "samedi 5 décembre 2026" / "Saturday 5 December 2026". */
  day: string;
  /** "09:30–12:30" in the zone. */
  hours: string;
  /** Start, ISO with offset. */
  startIso: string;
  /** End, ISO with offset. */
  endIso: string;
}

/** Day and hours of a session that starts at `local` in `timeZone` and lasts `minutes`. */
export function formatSessionTime(
  local: string,
  minutes: number,
  timeZone: string,
  locale: Locale,
): SessionTime {
  const start = zonedToInstant(local, timeZone);
  const end = new Date(start.getTime() + minutes * 60_000);
  const day = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(start);
  const time = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return {
    day,
    hours: `${time.format(start)}–${time.format(end)}`,
    startIso: isoWithOffset(start, timeZone),
    endIso: isoWithOffset(end, timeZone),
  };
}

/** True while the session has not ended at `now`. */
export const isUpcoming = (local: string, minutes: number, timeZone: string, now: Date): boolean =>
  zonedToInstant(local, timeZone).getTime() + minutes * 60_000 > now.getTime();

// One formatter per language and zone: a moment is written on every session card.
const momentFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment in words at the zone's wall clock, for "registration open until"
 * and "when the site was built": "samedi 16 janvier 2027 à 09:30" /
 * "Saturday 16 January 2027 at 09:30".
 */
export function formatMoment(instant: Date, timeZone: string, locale: Locale): string {
  const key = `${locale} ${timeZone}`;
  let format = momentFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone,
      dateStyle: 'full',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    momentFormats.set(key, format);
  }
  return format.format(instant);
}
