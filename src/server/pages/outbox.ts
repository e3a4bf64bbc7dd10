// The local outbox, for a person testing the site on their machine: the list
// of emails "sent", each opening as the recipient would see it.
import type { OutboxEntry } from '../adapters/outbox-mailer.ts';
import { html } from '../markup.ts';
import { renderPage } from './layout.ts';

export const outboxPath = '/api/outbox';

export function outboxListPage(entries: readonly OutboxEntry[]): string {
  return renderPage({
    locale: 'en',
    title: 'Local outbox',
    body: html`<p>
        Emails the site would have sent, newest first. Only this machine sees them: Resend is not
        configured.
      </p>
      ${
        entries.length === 0
          ? html`<p>No email yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Text</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (e) =>
                    html`<tr>
                      <td>${e.sentAt.replace('T', ' ').slice(0, 19)}</td>
                      <td>${e.to}</td>
                      <td><a href="${outboxPath}/${e.id}">${e.subject}</a></td>
                      <td><a href="${outboxPath}/${e.id}?format=text">text</a></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  });
}
