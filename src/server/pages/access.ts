// The right of access: the signed link of every email (erasure link of an
// application, cancellation link of a registration) also shows its holder what
// we keep about them: every field with its value, where it is kept, and until
// when (from src/lib/retention.ts). Rendered inside the link's own page.
import { formatDate } from '../../lib/dates.ts';
import { keptUntil, retentionText } from '../../lib/retention.ts';
import type { Locale } from '../../schemas/common.ts';
import { observerLabels, volunteerLabels } from '../../schemas/forms/labels.ts';
import {
  availabilitySlots,
  frequencies,
  labelOf,
  languageLevels,
  languages,
  observerProfiles,
  outputFormats,
  professions,
  referralSources,
  sites,
  type Option,
} from '../../schemas/forms/options.ts';
import { html, type SafeHtml } from '../markup.ts';
import type { ApplicationRecord, Registration } from '../ports.ts';

/** Which adapters hold the data, as services.ts picks them (see adapterNames). */
export interface AccessPlaces {
  store: 'airtable' | 'local';
  mailer: 'resend' | 'outbox';
  queue: 'blobs' | 'local';
}

const text = {
  fr: {
    title: 'Ce que nous gardons sur vous',
    intro: 'Voici, champ par champ, ce que nous avons enregistré à partir de ce formulaire.',
    where: 'Où ces données sont gardées',
    until: 'Jusqu’à quand',
    field: 'Information',
    value: 'Valeur',
    name: 'Nom et prénom',
    email: 'Adresse e-mail',
    kind: 'Candidature',
    kinds: { volunteer: 'Bénévole', observer: 'Observateur ou observatrice (Speak Out)' },
    locale: 'Langue du formulaire',
    locales: { fr: 'Français', en: 'Anglais' },
    submittedAt: 'Envoyée le',
    consent: 'Version de la politique de confidentialité acceptée',
    consentAt: 'Acceptée le',
    charter: 'Version de la charte des observateurs acceptée',
    session: 'Session',
    status: 'Statut',
    statuses: {
      pending: 'Adresse pas encore confirmée',
      confirmed: 'Place confirmée',
      waiting: 'Liste d’attente',
      cancelled: 'Annulée',
    },
    registeredAt: 'Inscription le',
    airtableApplications:
      'Airtable (États-Unis), la base où la coordination lit et suit les candidatures : toute votre candidature.',
    airtableSpam:
      'Airtable (États-Unis), à part, pour qu’une personne vérifie qu’elle ne vient pas d’un robot : toute votre candidature.',
    localStore: 'La base locale de ce serveur de développement : toute votre candidature.',
    pendingBlobs:
      'Netlify Blobs (États-Unis), en attente de transmission à la base de données : toute votre candidature.',
    pendingLocal:
      'Une file d’attente locale de ce serveur de développement : toute votre candidature.',
    ledgerBlobs:
      'Netlify Blobs (États-Unis), notre registre des places : votre inscription, qui fait foi pour les places.',
    ledgerLocal: 'Le registre des places local de ce serveur de développement : votre inscription.',
    roster:
      'Airtable (États-Unis), le tableau où les formateurs voient qui vient : nom, e-mail, session, statut.',
    resend:
      'Resend (États-Unis), qui envoie nos e-mails, en garde un journal (adresse, objet, contenu) pour la durée que fixe Resend.',
    outbox: `La boîte d’envoi locale de ce serveur de développement : les e-mails qui vous ont été envoyés, ${retentionText('localOutbox', 'fr')}.`,
    netlify:
      'Netlify (États-Unis) héberge le site et ses fonctions ; leurs journaux ne contiennent aucune donnée personnelle.',
    applicationUntil: (date: string) =>
      `${retentionText('applications', 'fr')} : le ${date} si nous n’échangeons plus d’ici là, puis tout est supprimé automatiquement.`,
    spamUntil: (date: string) =>
      `${retentionText('suspectedSpam', 'fr')}, le ${date}, puis tout est supprimé automatiquement.`,
    pendingUntil: (date: string) =>
      `Dans la file d’attente : au plus tard ${retentionText('pending', 'fr')}, le ${date}.`,
    registrationUntil: (date: string) =>
      `${retentionText('registrations', 'fr')} : le ${date}, puis tout est supprimé automatiquement.`,
  },
  en: {
    title: 'What we keep about you',
    intro: 'Here, field by field, is what we recorded from this form.',
    where: 'Where it is kept',
    until: 'Until when',
    field: 'Item',
    value: 'Value',
    name: 'Full name',
    email: 'Email address',
    kind: 'Application',
    kinds: { volunteer: 'Volunteer', observer: 'Observer (Speak Out)' },
    locale: 'Language of the form',
    locales: { fr: 'French', en: 'English' },
    submittedAt: 'Sent on',
    consent: 'Version of the privacy notice accepted',
    consentAt: 'Accepted on',
    charter: 'Version of the observers’ charter accepted',
    session: 'Session',
    status: 'Status',
    statuses: {
      pending: 'Address not confirmed yet',
      confirmed: 'Seat confirmed',
      waiting: 'Waiting list',
      cancelled: 'Cancelled',
    },
    registeredAt: 'Registered on',
    airtableApplications:
      'Airtable (United States), the database where the coordination reads and follows up applications: your whole application.',
    airtableSpam:
      'Airtable (United States), kept apart for a person to check that it does not come from a robot: your whole application.',
    localStore: 'The local database of this development server: your whole application.',
    pendingBlobs:
      'Netlify Blobs (United States), waiting to be passed on to the database: your whole application.',
    pendingLocal: 'A local queue of this development server: your whole application.',
    ledgerBlobs:
      'Netlify Blobs (United States), our seat register: your registration, which decides the seats.',
    ledgerLocal: 'The local seat register of this development server: your registration.',
    roster:
      'Airtable (United States), the table where trainers see who is coming: name, email, session, status.',
    resend:
      'Resend (United States), which sends our emails, keeps a log of them (address, subject, content) for as long as Resend sets.',
    outbox: `The local outbox of this development server: the emails sent to you, ${retentionText('localOutbox', 'en')}.`,
    netlify:
      'Netlify (United States) hosts the site and its functions; their logs hold no personal data.',
    applicationUntil: (date: string) =>
      `${retentionText('applications', 'en')}: ${date} if we have no further exchange by then; then everything is deleted automatically.`,
    spamUntil: (date: string) =>
      `${retentionText('suspectedSpam', 'en')}, ${date}; then everything is deleted automatically.`,
    pendingUntil: (date: string) =>
      `In the queue: ${retentionText('pending', 'en')} at the latest, ${date}.`,
    registrationUntil: (date: string) =>
      `${retentionText('registrations', 'en')}: ${date}; then everything is deleted automatically.`,
  },
};

type Row = [label: string, value: string];

const day = (iso: string, locale: Locale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDate(date, locale);
};

/** The option lists of the fields that hold codes, to show what the person chose. */
const optionsOf: Record<string, readonly Option[]> = {
  profession: professions,
  site: sites,
  availability: availabilitySlots,
  frequency: frequencies,
  heardFrom: referralSources,
  profile: observerProfiles,
  formats: outputFormats,
};

function fieldValue(field: string, value: unknown, locale: Locale): string {
  const options = optionsOf[field];
  const one = (item: unknown): string => {
    if (typeof item === 'string')
      return options === undefined ? item : labelOf(options, item, locale);
    if (item !== null && typeof item === 'object' && 'code' in item) {
      // A spoken language and its level.
      const { code, level } = item as { code: unknown; level: unknown };
      const name = labelOf(languages, String(code), locale);
      return typeof level === 'string'
        ? `${name} (${labelOf(languageLevels, level, locale)})`
        : name;
    }
    return JSON.stringify(item);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/** Every field of an application, in the order of its form. */
export function applicationRows(record: ApplicationRecord, locale: Locale): Row[] {
  const t = text[locale];
  const labels: Record<string, { label: string }> = (
    record.kind === 'volunteer' ? volunteerLabels : observerLabels
  )[locale];
  const rows: Row[] = [
    [t.kind, t.kinds[record.kind]],
    [t.name, record.name],
    [t.email, record.email],
  ];
  for (const [field, value] of Object.entries(record.fields)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    rows.push([labels[field]?.label ?? field, fieldValue(field, value, locale)]);
  }
  rows.push(
    [t.locale, t.locales[record.locale]],
    [t.submittedAt, day(record.submittedAt, locale)],
    [t.consent, record.consent.privacyVersion],
    [t.consentAt, day(record.consent.acceptedAt, locale)],
  );
  if (record.consent.charterVersion !== undefined)
    rows.push([t.charter, record.consent.charterVersion]);
  return rows;
}

function section(locale: Locale, rows: Row[], places: string[], until: string[]): SafeHtml {
  const t = text[locale];
  return html`<section aria-labelledby="access-title">
    <h2 id="access-title">${t.title}</h2>
    <p>${t.intro}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${t.field}</th>
          <th scope="col">${t.value}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([label, value]) =>
            html`<tr>
              <th scope="row">${label}</th>
              <td>${value}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${t.where}</h3>
    <ul>
      ${places.map((place) => html`<li>${place}</li>`)}
    </ul>
    <h3>${t.until}</h3>
    ${until.map((line) => html`<p>${line}</p>`)}
  </section>`;
}

/** What we hold of an application: stored (in the database), or still pending in the queue. */
export function applicationAccess(
  locale: Locale,
  record: ApplicationRecord,
  state: { stored: boolean; pending: boolean },
  places: AccessPlaces,
): SafeHtml {
  const t = text[locale];
  const submitted = new Date(record.submittedAt);
  const spam = record.status === 'suspected-spam';
  const where: string[] = [];
  const until: string[] = [];
  if (state.stored || !state.pending) {
    where.push(
      places.store === 'airtable' ? (spam ? t.airtableSpam : t.airtableApplications) : t.localStore,
    );
  }
  if (state.pending) {
    where.push(places.queue === 'blobs' ? t.pendingBlobs : t.pendingLocal);
    until.push(t.pendingUntil(day(keptUntil('pending', submitted).toISOString(), locale)));
  }
  where.push(places.mailer === 'resend' ? t.resend : t.outbox, t.netlify);
  until.push(
    spam
      ? t.spamUntil(day(keptUntil('suspectedSpam', submitted).toISOString(), locale))
      : t.applicationUntil(day(keptUntil('applications', submitted).toISOString(), locale)),
  );
  return section(locale, applicationRows(record, locale), where, until);
}

/** What we hold of a training registration; `sessionTitle` is empty once the session is over. */
export function registrationAccess(
  locale: Locale,
  registration: Registration,
  sessionTitle: string,
  places: AccessPlaces & { roster: boolean },
): SafeHtml {
  const t = text[locale];
  const rows: Row[] = [
    [t.session, sessionTitle === '' ? registration.sessionSlug : sessionTitle],
    [t.name, registration.name],
    [t.email, registration.email],
    [t.status, t.statuses[registration.status]],
    [t.registeredAt, day(registration.registeredAt, locale)],
    [t.locale, t.locales[registration.locale]],
    [t.consent, registration.consent.privacyVersion],
  ];
  const where = [places.queue === 'blobs' ? t.ledgerBlobs : t.ledgerLocal];
  if (places.roster) where.push(t.roster);
  where.push(places.mailer === 'resend' ? t.resend : t.outbox, t.netlify);
  const session = registration.sessionAt ?? registration.registeredAt;
  const until = [
    t.registrationUntil(day(keptUntil('registrations', new Date(session)).toISOString(), locale)),
  ];
  return section(locale, rows, where, until);
}
