// The right of access: the signed link of every email (erasure link of an
// application, cancellation link of a registration) also shows its holder what
// we keep about them: every field with its value, where it is kept, and until
// when (from src/lib/retention.ts). Rendered inside the link's own page.
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { keptUntil, retentionText, type RetentionKind } from '../../lib/retention.ts';
import type { Locale } from '../../schemas/common.ts';
import { fieldWords, type Field } from '../../schemas/forms/field.ts';
import { labelOf } from '../../schemas/forms/options.ts';
import { signupForms } from '../../schemas/forms/validate.ts';
import { html, type SafeHtml } from '../markup.ts';
import type { ApplicationRecord, Registration } from '../ports.ts';

/** Which adapters hold the data, as services.ts picks them (see adapterNames). */
export interface AccessPlaces {
  store: 'airtable' | 'local';
  mailer: 'resend' | 'outbox';
  queue: 'blobs' | 'local';
}

type Row = [label: string, value: string];

const day = (iso: string, locale: Locale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDate(date, locale);
};

/** A value as the person chose it: the label of an option, a language with its level. */
function fieldValue(field: Field | undefined, value: unknown, locale: Locale): string {
  const one = (item: unknown): string => {
    if (typeof item === 'string')
      return field?.options === undefined ? item : labelOf(field.options, item, locale);
    if (item !== null && typeof item === 'object' && 'code' in item && field?.options) {
      // A spoken language and its level.
      const { code, level } = item as { code: unknown; level: unknown };
      const name = labelOf(field.options, String(code), locale);
      const levels = field.control?.kind === 'languages' ? field.control.levels : undefined;
      return typeof level === 'string' && levels !== undefined
        ? `${name} (${labelOf(levels, level, locale)})`
        : name;
    }
    return JSON.stringify(item);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/** "24 mois après notre dernier échange : le 5 décembre 2028 …", from src/lib/retention.ts. */
const until = (
  locale: Locale,
  key:
    | 'access.applicationUntil'
    | 'access.spamUntil'
    | 'access.pendingUntil'
    | 'access.registrationUntil',
  kind: RetentionKind,
  from: Date,
) =>
  t(locale, key, {
    retention: retentionText(kind, locale),
    date: day(keptUntil(kind, from).toISOString(), locale),
  });

/** Every field of an application, in the order of its form. */
export function applicationRows(record: ApplicationRecord, locale: Locale): Row[] {
  const fields: Record<string, Field> = signupForms[record.kind].fields;
  const rows: Row[] = [
    [t(locale, 'access.kind'), t(locale, `access.kind.${record.kind}`)],
    [t(locale, 'access.name'), record.name],
    [t(locale, 'access.email'), record.email],
  ];
  for (const [name, value] of Object.entries(record.fields)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    const label = field === undefined ? name : fieldWords(field, locale).label;
    rows.push([label, fieldValue(field, value, locale)]);
  }
  rows.push(
    [t(locale, 'access.locale'), t(locale, `access.locale.${record.locale}`)],
    [t(locale, 'access.submittedAt'), day(record.submittedAt, locale)],
    [t(locale, 'access.consent'), record.consent.privacyVersion],
    [t(locale, 'access.consentAt'), day(record.consent.acceptedAt, locale)],
  );
  if (record.consent.charterVersion !== undefined)
    rows.push([t(locale, 'access.charter'), record.consent.charterVersion]);
  return rows;
}

function section(locale: Locale, rows: Row[], places: string[], until: string[]): SafeHtml {
  return html`<section aria-labelledby="access-title">
    <h2 id="access-title">${t(locale, 'access.title')}</h2>
    <p>${t(locale, 'access.intro')}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${t(locale, 'access.field')}</th>
          <th scope="col">${t(locale, 'access.value')}</th>
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
    <h3>${t(locale, 'access.where')}</h3>
    <ul>
      ${places.map((place) => html`<li>${place}</li>`)}
    </ul>
    <h3>${t(locale, 'access.until')}</h3>
    ${until.map((line) => html`<p>${line}</p>`)}
  </section>`;
}

/** Where the emails are: Resend's log, or the local outbox. */
const mailPlace = (locale: Locale, places: AccessPlaces) =>
  places.mailer === 'resend'
    ? t(locale, 'access.resend')
    : t(locale, 'access.outbox', { retention: retentionText('localOutbox', locale) });

/** What we hold of an application: stored (in the database), or still pending in the queue. */
export function applicationAccess(
  locale: Locale,
  record: ApplicationRecord,
  state: { stored: boolean; pending: boolean },
  places: AccessPlaces,
): SafeHtml {
  const submitted = new Date(record.submittedAt);
  const spam = record.status === 'suspected-spam';
  const where: string[] = [];
  const untilLines: string[] = [];
  if (state.stored || !state.pending) {
    const store =
      places.store === 'airtable'
        ? spam
          ? 'access.airtableSpam'
          : 'access.airtableApplications'
        : 'access.localStore';
    where.push(t(locale, store));
  }
  if (state.pending) {
    where.push(t(locale, places.queue === 'blobs' ? 'access.pendingBlobs' : 'access.pendingLocal'));
    untilLines.push(until(locale, 'access.pendingUntil', 'pending', submitted));
  }
  where.push(mailPlace(locale, places), t(locale, 'access.netlify'));
  untilLines.push(
    spam
      ? until(locale, 'access.spamUntil', 'suspectedSpam', submitted)
      : until(locale, 'access.applicationUntil', 'applications', submitted),
  );
  return section(locale, applicationRows(record, locale), where, untilLines);
}

/** What we hold of a training registration; `sessionTitle` is empty once the session is over. */
export function registrationAccess(
  locale: Locale,
  registration: Registration,
  sessionTitle: string,
  places: AccessPlaces & { roster: boolean },
): SafeHtml {
  const rows: Row[] = [
    [t(locale, 'access.session'), sessionTitle === '' ? registration.sessionSlug : sessionTitle],
    [t(locale, 'access.name'), registration.name],
    [t(locale, 'access.email'), registration.email],
    [t(locale, 'access.status'), t(locale, `access.status.${registration.status}`)],
    [t(locale, 'access.registeredAt'), day(registration.registeredAt, locale)],
    [t(locale, 'access.locale'), t(locale, `access.locale.${registration.locale}`)],
    [t(locale, 'access.consent'), registration.consent.privacyVersion],
  ];
  const where = [t(locale, places.queue === 'blobs' ? 'access.ledgerBlobs' : 'access.ledgerLocal')];
  if (places.roster) where.push(t(locale, 'access.roster'));
  where.push(mailPlace(locale, places), t(locale, 'access.netlify'));
  const session = new Date(registration.sessionAt ?? registration.registeredAt);
  return section(locale, rows, where, [
    until(locale, 'access.registrationUntil', 'registrations', session),
  ]);
}
