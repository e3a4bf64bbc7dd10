// The choices offered by the sign-up forms, with their labels in both languages.
// Values are stable codes stored in Airtable; labels may change freely.
import type { Locale } from '../common.ts';

/** A choice: the stored value and what the applicant reads. */
export interface Option<V extends string = string> {
  value: V;
  label: Record<Locale, string>;
}

const option = <V extends string>(value: V, fr: string, en: string): Option<V> => ({
  value,
  label: { fr, en },
});

export const professions = [
  option('doctor', 'Médecin', 'Doctor'),
  option('nurse', 'Infirmier ou infirmière', 'Nurse'),
  option('midwife', 'Sage-femme', 'Midwife'),
  option('psychologist', 'Psychologue', 'Psychologist'),
  option('social-worker', 'Travailleur ou travailleuse social·e', 'Social worker'),
  option('interpreter', 'Interprète', 'Interpreter'),
  option('other', 'Autre', 'Other'),
] as const;

/** Languages most useful on the camps; anything else goes in a free field. */
export const languages = [
  option('ar', 'Arabe', 'Arabic'),
  option('ps', 'Pachto', 'Pashto'),
  option('fa', 'Dari / farsi', 'Dari / Farsi'),
  option('ti', 'Tigrinya', 'Tigrinya'),
  option('am', 'Amharique', 'Amharic'),
  option('ckb', 'Kurde sorani', 'Kurdish Sorani'),
  option('om', 'Oromo', 'Oromo'),
  option('so', 'Somali', 'Somali'),
  option('en', 'Anglais', 'English'),
  option('fr', 'Français', 'French'),
] as const;

/** How well the applicant speaks a language; "none" exists only in the form. */
export const languageLevels = [
  option('basic', 'Notions', 'Basic'),
  option('fluent', 'Courant', 'Fluent'),
  option('native', 'Langue maternelle', 'Native'),
] as const;

export const sites = [
  option('calais', 'Calais', 'Calais'),
  option('grande-synthe', 'Grande-Synthe', 'Grande-Synthe'),
  option('either', 'L’un ou l’autre', 'Either'),
] as const;

export const availabilitySlots = [
  option('weekdays', 'En semaine, en journée', 'Weekdays, daytime'),
  option('evenings', 'En soirée', 'Evenings'),
  option('weekends', 'Le week-end', 'Weekends'),
] as const;

export const frequencies = [
  option('weekly', 'Chaque semaine', 'Every week'),
  option('fortnightly', 'Toutes les deux semaines', 'Every other week'),
  option('monthly', 'Une fois par mois', 'Once a month'),
  option('occasionally', 'De temps en temps', 'Now and then'),
] as const;

export const referralSources = [
  option('friend', 'Par une personne de mon entourage', 'From someone I know'),
  option('social-media', 'Sur les réseaux sociaux', 'On social media'),
  option('press', 'Par la presse, la radio ou la télévision', 'From the press, radio or TV'),
  option(
    'mdm',
    'Par Médecins du Monde (site, événement)',
    'From Médecins du Monde (website, event)',
  ),
  option('school', 'Par mon école ou mon employeur', 'From my school or employer'),
  option('other', 'Autrement', 'Another way'),
] as const;

export const observerProfiles = [
  option('researcher', 'Chercheur ou chercheuse', 'Researcher'),
  option('journalist', 'Journaliste', 'Journalist'),
  option('teacher', 'Enseignant ou enseignante', 'Teacher'),
  option('artist', 'Artiste', 'Artist'),
  option('culture', 'Acteur ou actrice de la culture', 'Working in culture'),
  option('other', 'Autre', 'Other'),
] as const;

export const outputFormats = [
  option('article', 'Article ou reportage écrit', 'Article or written report'),
  option('academic', 'Travail de recherche', 'Research work'),
  option('audio', 'Podcast ou radio', 'Podcast or radio'),
  option('video', 'Film ou vidéo', 'Film or video'),
  option('drawing', 'Dessin, bande dessinée, carnet', 'Drawing, comic, sketchbook'),
  option('stage', 'Spectacle, exposition, lecture', 'Show, exhibition, reading'),
  option('teaching', 'Cours ou atelier', 'Class or workshop'),
  option('other', 'Autre format', 'Another format'),
] as const;

type Values<T extends readonly Option[]> = T[number]['value'];
/** The values of a list of options, as a non-empty tuple for z.enum(). */
export const valuesOf = <T extends readonly [Option, ...Option[]]>(options: T) =>
  options.map((o) => o.value) as [Values<T>, ...Values<T>[]];

/** The label of a stored value, or the value itself if it is not a known one. */
export const labelOf = (options: readonly Option[], value: string, locale: Locale): string =>
  options.find((o) => o.value === value)?.label[locale] ?? value;
