// Where the session feeds are published and what calendars call them. The
// endpoint files under src/pages/ serve exactly these paths.
import { t } from '../i18n/index.ts';
import type { Locale } from '../schemas/common.ts';

const folder: Record<Locale, { dir: string; file: string }> = {
  fr: { dir: '/formations/', file: 'calendrier' },
  en: { dir: '/en/training/', file: 'calendar' },
};

/** Root-relative path of the feed of all sessions, or of one delegation's (by its key). */
export const feedPath = (locale: Locale, delegation?: string): string =>
  `${folder[locale].dir}${folder[locale].file}${delegation === undefined ? '' : `-${delegation}`}.ics`;

/** The same feed as a webcal: link, which Apple Calendar and Outlook open as "subscribe". */
export const webcalUrl = (absoluteUrl: string): string =>
  absoluteUrl.replace(/^https?:/, 'webcal:');

/** The calendar's name in a subscriber's list: "Médecins du Monde Calais – formations", or "… – formations, Grande-Synthe". */
export const feedName = (locale: Locale, delegationName?: string): string =>
  delegationName === undefined
    ? t(locale, 'calendar.feedName')
    : t(locale, 'calendar.feedName.delegation', { delegation: delegationName });
