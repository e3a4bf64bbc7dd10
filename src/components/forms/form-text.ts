// Words of the sign-up forms that are not field labels: buttons, the error
// summary, the script's messages. Shared by the components and their script.
import type { Locale } from '../../schemas/common.ts';

export const formText = {
  fr: {
    intro: 'Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».',
    submit: { volunteer: 'Envoyer ma candidature', observer: 'Envoyer ma demande' },
    sending: 'Envoi en cours…',
    summary: 'Le formulaire n’est pas encore envoyé. Corrigez ces points :',
    failed:
      'L’envoi n’a pas abouti. Vérifiez votre connexion, puis réessayez ; si cela se reproduit, écrivez-nous.',
    honeypot: 'Laissez ce champ vide',
    notSpoken: 'Je ne la parle pas',
    chooseOne: 'Choisissez…',
    charterTitle: 'La charte des observateurs et observatrices',
    charterVersion: 'Version du',
    privacyLink: 'Lire la politique de confidentialité',
  },
  en: {
    intro: 'All fields are required, except those marked “optional”.',
    submit: { volunteer: 'Send my application', observer: 'Send my request' },
    sending: 'Sending…',
    summary: 'The form is not sent yet. Please fix the following:',
    failed:
      'Sending did not work. Check your connection, then try again; if it happens again, write to us.',
    honeypot: 'Leave this field empty',
    notSpoken: 'I do not speak it',
    chooseOne: 'Choose…',
    charterTitle: 'The observers’ charter',
    charterVersion: 'Version of',
    privacyLink: 'Read the privacy notice',
  },
} satisfies Record<Locale, unknown>;

/** The id of a field's input (or first input of a group), for labels and summary links. */
export const fieldId = (kind: string, field: string) => `${kind}-${field}`;
