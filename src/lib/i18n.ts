// Kept only for the files that other work in progress still changes
// (TrainingView, SessionView, SessionFacts): they move to '../i18n/index.ts',
// then this file goes. New code imports src/i18n/index.ts.
export { htmlLang, locales, otherLocale, t as translate, useTranslations } from '../i18n/index.ts';
export type { TextKey as UiKey } from '../i18n/index.ts';
