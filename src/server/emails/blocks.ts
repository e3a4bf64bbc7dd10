// An email is written once as a list of blocks of plain text, then rendered to
// HTML (every text escaped) and to plain text, so the two never drift apart.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';

export interface Link {
  text: string;
  url: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; link?: Link }
  | { type: 'list'; items: readonly (string | { text: string; link: Link })[] }
  | { type: 'facts'; rows: readonly (readonly [string, string])[] };

const colors = { text: '#1a1a1a', accent: '#b3001b', muted: '#555555', rule: '#dddddd' };

const linkHtml = (link: Link) =>
  html`<a href="${link.url}" style="color:${colors.accent}">${link.text}</a>`;

function blockHtml(block: Block): SafeHtml {
  switch (block.type) {
    case 'heading':
      return html`<h2 style="font-size:18px;margin:28px 0 8px">${block.text}</h2>`;
    case 'paragraph':
      return html`<p style="margin:0 0 14px">
        ${block.text}${block.link === undefined ? '' : html` ${linkHtml(block.link)}`}
      </p>`;
    case 'list':
      return html`<ul style="margin:0 0 14px;padding-left:22px">
        ${block.items.map((item) =>
          typeof item === 'string'
            ? html`<li style="margin-bottom:6px">${item}</li>`
            : html`<li style="margin-bottom:6px">${item.text} ${linkHtml(item.link)}</li>`,
        )}
      </ul>`;
    case 'facts':
      return html`<table role="presentation" style="border-collapse:collapse;margin:0 0 14px">
        ${block.rows.map(
          ([label, value]) =>
            html`<tr>
              <th
                scope="row"
                style="text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:${colors.muted};font-weight:normal"
              >
                ${label}
              </th>
              <td style="padding:4px 0">${value}</td>
            </tr>`,
        )}
      </table>`;
  }
}

function blockText(block: Block, locale: Locale): string {
  switch (block.type) {
    case 'heading':
      return `${block.text}\n${'-'.repeat(block.text.length)}`;
    case 'paragraph':
      return block.link === undefined ? block.text : `${block.text}\n${block.link.url}`;
    case 'list':
      return block.items
        .map((item) =>
          typeof item === 'string' ? `- ${item}` : `- ${item.text}\n  ${item.link.url}`,
        )
        .join('\n');
    case 'facts':
      // French puts a space before the colon: the dictionary holds the separator.
      return block.rows
        .map(([label, value]) => `${label}${t(locale, 'punctuation.colon')}${value}`)
        .join('\n');
  }
}

export interface Document {
  lang: Locale;
  title: string;
  blocks: readonly Block[];
  /** Small print under a rule: data and erasure. */
  footer: readonly Block[];
}

export function renderHtml(doc: Document): string {
  return html`<!doctype html>
    <html lang="${doc.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.title}</title>
      </head>
      <body style="margin:0;padding:0;background:#ffffff">
        <div
          style="max-width:600px;margin:0 auto;padding:24px 20px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:${colors.text}"
        >
          <p style="margin:0 0 24px;font-weight:bold;color:${colors.accent}">
            ${t(doc.lang, 'email.masthead')}
          </p>
          <h1 style="font-size:22px;margin:0 0 20px">${doc.title}</h1>
          ${doc.blocks.map(blockHtml)}
          <hr style="border:0;border-top:1px solid ${colors.rule};margin:32px 0 16px" />
          <div style="font-size:14px;color:${colors.muted}">${doc.footer.map(blockHtml)}</div>
        </div>
      </body>
    </html> `.value;
}

export function renderText(doc: Document): string {
  return [
    `${doc.title}\n${'='.repeat(doc.title.length)}`,
    ...doc.blocks.map((block) => blockText(block, doc.lang)),
    '--',
    ...doc.footer.map((block) => blockText(block, doc.lang)),
  ]
    .join('\n\n')
    .concat('\n');
}
