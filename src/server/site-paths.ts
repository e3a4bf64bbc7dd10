// Paths of the site's pages that the functions link to. They mirror
// src/lib/urls.ts, which the functions cannot import (it needs astro:i18n);
// tests/unit/server/site-paths.test.ts checks that the two agree.
import type { Locale } from '../schemas/common.ts';

const paths = {
  home: { fr: '/', en: '/en/' },
  join: { fr: '/nous-rejoindre/', en: '/en/join-us/' },
  thankYou: { fr: '/nous-rejoindre/merci/', en: '/en/join-us/thank-you/' },
  training: { fr: '/formations/', en: '/en/training/' },
  checkEmail: {
    fr: '/formations/inscription/verifiez-vos-emails/',
    en: '/en/training/registration/check-your-email/',
  },
  registered: {
    fr: '/formations/inscription/confirmee/',
    en: '/en/training/registration/confirmed/',
  },
  waitingList: {
    fr: '/formations/inscription/liste-d-attente/',
    en: '/en/training/registration/waiting-list/',
  },
} as const;

export type SitePage = keyof typeof paths;

export const sitePath = (page: SitePage, locale: Locale): string => paths[page][locale];

/** The page of one training session. */
export const sessionPath = (slug: string, locale: Locale): string =>
  `${paths.training[locale]}${slug}/`;
