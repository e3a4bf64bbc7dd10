// Error messages of the sign-up forms, one per field and language: each says
// what to do, whatever rule failed, so the same text serves the page and the API.
import type { Locale } from '../common.ts';
import type { ObserverFormInput } from './observer.ts';
import type { VolunteerFormInput } from './volunteer.ts';

type Messages<Input> = Record<Locale, Record<keyof Input & string, string>>;

const reload = {
  fr: 'Le formulaire a changé depuis l’ouverture de la page : rechargez-la, puis envoyez-le de nouveau.',
  en: 'The form has changed since you opened this page: reload it, then send the form again.',
};

const common = {
  fr: {
    locale: reload.fr,
    name: 'Indiquez votre nom en lettres, en 2 à 100 caractères, sans caractère invisible ou de contrôle.',
    email:
      'Indiquez une adresse e-mail valide, de 254 caractères au plus dont 64 avant le « @ », par exemple prenom.nom@exemple.fr.',
    consent:
      'Cochez la case pour accepter la politique de confidentialité : sans votre accord, nous ne pouvons pas enregistrer votre candidature.',
    privacyVersion: reload.fr,
  },
  en: {
    locale: reload.en,
    name: 'Enter your name in letters, in 2 to 100 characters, with no invisible or control character.',
    email:
      'Enter a valid email address, at most 254 characters with 64 before the “@”, such as firstname.lastname@example.org.',
    consent:
      'Tick the box to accept the privacy notice: without your agreement we cannot record your application.',
    privacyVersion: reload.en,
  },
};

export const volunteerMessages: Messages<VolunteerFormInput> = {
  fr: {
    ...common.fr,
    phone:
      'Indiquez un numéro avec des chiffres, des espaces et éventuellement le signe +, ou laissez le champ vide.',
    profession: 'Choisissez votre profession dans la liste.',
    languages: 'Indiquez au moins une langue que vous parlez, avec votre niveau.',
    otherLanguages:
      'Décrivez vos autres langues en 200 caractères au plus, sans caractère invisible ou de contrôle.',
    site: 'Choisissez le lieu où vous pouvez venir.',
    availability: 'Cochez au moins un moment où vous êtes disponible.',
    frequency: 'Choisissez à quel rythme vous pouvez venir.',
    heardFrom: 'Choisissez une réponse dans la liste, ou laissez le champ vide.',
    motivation:
      'Dites-nous en quelques mots pourquoi vous voulez nous rejoindre (10 à 1 000 caractères, sans caractère invisible ou de contrôle).',
  },
  en: {
    ...common.en,
    phone: 'Enter a number using digits, spaces and possibly a + sign, or leave the field empty.',
    profession: 'Choose your profession from the list.',
    languages: 'Give at least one language you speak, with your level.',
    otherLanguages:
      'Describe your other languages in 200 characters at most, with no invisible or control character.',
    site: 'Choose where you can come.',
    availability: 'Tick at least one time when you are free.',
    frequency: 'Choose how often you can come.',
    heardFrom: 'Choose an answer from the list, or leave the field empty.',
    motivation:
      'Tell us in a few words why you want to join us (10 to 1,000 characters, with no invisible or control character).',
  },
};

export const observerMessages: Messages<ObserverFormInput> = {
  fr: {
    ...common.fr,
    profile: 'Choisissez ce qui vous décrit le mieux.',
    organisation:
      'Indiquez votre organisation en 150 caractères au plus, sans caractère invisible ou de contrôle, ou laissez le champ vide.',
    project:
      'Décrivez ce que vous prévoyez de réaliser (10 à 1 000 caractères, sans caractère invisible ou de contrôle).',
    formats: 'Cochez au moins un format.',
    dateFrom: 'Indiquez une date de début valide, aujourd’hui ou plus tard.',
    dateTo: 'Indiquez une date de fin valide, le même jour que la date de début ou après.',
    charter:
      'Cochez la case pour vous engager à respecter la charte des observateurs et observatrices.',
    charterVersion: reload.fr,
  },
  en: {
    ...common.en,
    profile: 'Choose what describes you best.',
    organisation:
      'Enter your organisation in 150 characters at most, with no invisible or control character, or leave the field empty.',
    project:
      'Describe what you plan to make (10 to 1,000 characters, with no invisible or control character).',
    formats: 'Tick at least one format.',
    dateFrom: 'Enter a valid start date, today or later.',
    dateTo: 'Enter a valid end date, on or after the start date.',
    charter: 'Tick the box to commit to the observers’ charter.',
    charterVersion: reload.en,
  },
};
