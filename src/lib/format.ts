// Numbers shown beside media: running times and file sizes, in the reader's language.
import { intlLocale, textList } from '../i18n/index.ts';
import type { Locale } from '../schemas/common.ts';

/** A running time, read the same in French and English: "12 min 5 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes === 0) return `${secs} s`;
  return secs === 0 ? `${minutes} min` : `${minutes} min ${secs} s`;
}

/** ISO 8601 duration for <time datetime> and machine readers: "PT12M5S". */
export function isoDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${secs > 0 || whole === 0 ? `${secs}S` : ''}`;
}

/** A file size in decimal units: "8,4 Mo" in French, "8.4 MB" in English. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const units = textList(locale, 'format.sizeUnit');
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit] ?? ''}`;
}
