// Labels of the sign-up fields and, for each, why we ask it: shown on the forms
// and on the server's error page. Free-text hints warn against sensitive data.
import { retentionText } from '../../lib/retention.ts';
import type { Locale } from '../common.ts';
import type { ObserverFormInput } from './observer.ts';
import type { VolunteerFormInput } from './volunteer.ts';

export interface FieldText {
  label: string;
  /** Why the field is asked, or how to fill it. */
  hint?: string;
}

type Hidden = 'locale' | 'privacyVersion' | 'charterVersion';
type Labels<Input> = Record<Locale, Record<Exclude<keyof Input & string, Hidden>, FieldText>>;

/** How long applications are kept, from the one module the privacy page and the purge read. */
export const retention: Record<Locale, string> = {
  fr: retentionText('applications', 'fr'),
  en: retentionText('applications', 'en'),
};

const noSensitive = {
  fr: 'N’écrivez rien sur votre santé ni sur une situation administrative (titre de séjour, demande d’asile) : nous n’en avons pas besoin.',
  en: 'Do not write anything about your health or about residence status (permits, asylum claims): we do not need it.',
};

const common = {
  fr: {
    name: { label: 'Nom et prénom', hint: 'Pour savoir comment vous appeler.' },
    email: {
      label: 'Adresse e-mail',
      hint: 'Pour vous envoyer la confirmation et vous recontacter, rien d’autre.',
    },
    consent: {
      label:
        'J’accepte que Médecins du Monde conserve ces informations pour traiter ma candidature, comme l’explique la politique de confidentialité.',
      hint: `Elles sont enregistrées dans Airtable, l’e-mail de confirmation est envoyé par Resend et le site est hébergé par Netlify. Nous les gardons ${retention.fr}. Le lien de l’e-mail de confirmation permet de les effacer.`,
    },
  },
  en: {
    name: { label: 'Full name', hint: 'So that we know what to call you.' },
    email: {
      label: 'Email address',
      hint: 'To send you the confirmation and get back to you, nothing else.',
    },
    consent: {
      label:
        'I agree that Médecins du Monde keeps this information to process my application, as the privacy notice explains.',
      hint: `It is stored in Airtable, the confirmation email is sent by Resend and the site is hosted by Netlify. We keep it for ${retention.en}. The link in the confirmation email lets you erase it.`,
    },
  },
};

export const volunteerLabels: Labels<VolunteerFormInput> = {
  fr: {
    ...common.fr,
    phone: {
      label: 'Téléphone (facultatif)',
      hint: 'Seulement si vous préférez un appel : la coordination pourra vous joindre plus vite.',
    },
    profession: {
      label: 'Profession',
      hint: 'Pour vous proposer le programme où vos compétences servent le plus. Toutes les professions sont bienvenues.',
    },
    languages: {
      label: 'Langues parlées',
      hint: 'Beaucoup de personnes exilées ne parlent ni français ni anglais : vos langues nous aident à organiser l’interprétariat. Donnez votre niveau pour chaque langue que vous parlez.',
    },
    otherLanguages: {
      label: 'Autres langues (facultatif)',
      hint: 'Langue et niveau, par exemple « kurmanji, courant ».',
    },
    site: {
      label: 'Lieu',
      hint: 'La délégation agit à Calais et à Grande-Synthe, près de Dunkerque.',
    },
    availability: {
      label: 'Disponibilités',
      hint: 'Pour vous proposer des activités quand vous êtes libre. Cochez tout ce qui vous convient.',
    },
    frequency: { label: 'Rythme', hint: 'Pour prévoir les plannings ; vous pourrez en changer.' },
    heardFrom: {
      label: 'Comment nous avez-vous connus ? (facultatif)',
      hint: 'Pour savoir où faire connaître le programme.',
    },
    motivation: {
      label: 'Votre motivation',
      hint: `Quelques phrases sur ce qui vous amène. ${noSensitive.fr}`,
    },
  },
  en: {
    ...common.en,
    phone: {
      label: 'Phone (optional)',
      hint: 'Only if you would rather be called: the coordination can reach you faster.',
    },
    profession: {
      label: 'Profession',
      hint: 'To offer you the programme where your skills help most. Every profession is welcome.',
    },
    languages: {
      label: 'Languages you speak',
      hint: 'Many exiled people speak neither French nor English: your languages help us arrange interpreting. Give your level for each language you speak.',
    },
    otherLanguages: {
      label: 'Other languages (optional)',
      hint: 'Language and level, for example “Kurmanji, fluent”.',
    },
    site: {
      label: 'Site',
      hint: 'The delegation works in Calais and in Grande-Synthe, near Dunkirk.',
    },
    availability: {
      label: 'Availability',
      hint: 'To offer you activities when you are free. Tick everything that suits you.',
    },
    frequency: { label: 'How often', hint: 'To plan rotas; you can change it later.' },
    heardFrom: {
      label: 'How did you hear of us? (optional)',
      hint: 'To know where to make the programme known.',
    },
    motivation: {
      label: 'Why you want to join',
      hint: `A few sentences on what brings you. ${noSensitive.en}`,
    },
  },
};

export const observerLabels: Labels<ObserverFormInput> = {
  fr: {
    ...common.fr,
    profile: { label: 'Vous êtes', hint: 'Pour préparer la venue selon ce que vous faites.' },
    organisation: {
      label: 'Organisation, média ou établissement (facultatif)',
      hint: 'Pour savoir au nom de qui vous venez, le cas échéant.',
    },
    project: {
      label: 'Ce que vous prévoyez de réaliser',
      hint: `Votre projet de témoignage en quelques phrases. ${noSensitive.fr}`,
    },
    formats: { label: 'Sous quelle forme ?', hint: 'Cochez un ou plusieurs formats.' },
    dateFrom: {
      label: 'Disponible à partir du',
      hint: 'Pour trouver avec vous un jour où l’équipe peut vous accueillir.',
    },
    dateTo: { label: 'Jusqu’au' },
    charter: {
      label: 'Je m’engage à respecter la charte des observateurs et observatrices ci-dessus.',
    },
  },
  en: {
    ...common.en,
    profile: { label: 'You are', hint: 'To prepare the visit around what you do.' },
    organisation: {
      label: 'Organisation, media or school (optional)',
      hint: 'To know on whose behalf you come, if anyone’s.',
    },
    project: {
      label: 'What you plan to make',
      hint: `Your testimony project in a few sentences. ${noSensitive.en}`,
    },
    formats: { label: 'In what format?', hint: 'Tick one or more formats.' },
    dateFrom: {
      label: 'Available from',
      hint: 'To find a day with you when the team can welcome you.',
    },
    dateTo: { label: 'Until' },
    charter: { label: 'I commit to the observers’ charter above.' },
  },
};
