// Versions of the texts an applicant accepts, and the observers' charter itself.
// Publishing a new version: add it at the end of the list (older ones stay
// accepted for forms already open in a browser) and update the text (the
// charter's rules are `form.charter.rule.N` in src/i18n/).
import { textList } from '../../i18n/index.ts';
import type { Locale } from '../common.ts';

/** Versions of the privacy notice, oldest first; the last one is shown on the forms. */
export const privacyNoticeVersions = ['2026-11-22'] as const;

/** Versions of the Speak Out observers' charter, oldest first. */
export const observerCharterVersions = ['2026-11-22'] as const;

const last = <T>(list: readonly [T, ...T[]]): T => list[list.length - 1] ?? list[0];

export const currentPrivacyNoticeVersion = last(privacyNoticeVersions);
export const currentObserverCharterVersion = last(observerCharterVersions);

/** The rules an observer agrees to, in the current version. Shown on the form and in the email. */
export const observerCharter = (locale: Locale): string[] => textList(locale, 'form.charter.rule');
