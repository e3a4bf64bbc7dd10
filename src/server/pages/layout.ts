// The frame of the few pages the functions answer with themselves (form
// errors, erasure, local outbox): plain, readable, no script.
import { createHash } from 'node:crypto';
import type { Locale } from '../../schemas/common.ts';
import { html, SafeHtml } from '../markup.ts';

// Constant CSS of our own, so it may go in unescaped.
const style = `
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.6rem;line-height:1.25}
a{color:#a50018}
a:focus-visible,button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
button{font:inherit;min-height:2.75rem;padding:.5rem 1.25rem;border:2px solid #a50018;background:#a50018;color:#fff;border-radius:.25rem;cursor:pointer}
button.secondary{background:#fff;color:#a50018}
.alert{border-left:.3rem solid #a50018;padding:.25rem 0 .25rem 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
`;
// Built as one string so that formatting never changes the bytes the hash covers.
const styleElement = new SafeHtml(`<style>${style}</style>`);

/** The CSP source that allows this page's one <style> element and no other CSS. */
export const pageStyleSource = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;

export function renderPage(options: { locale: Locale; title: string; body: SafeHtml }): string {
  return html`<!doctype html>
    <html lang="${options.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${options.title} · Médecins du Monde Calais</title>
        ${styleElement}
      </head>
      <body>
        <main>
          <h1>${options.title}</h1>
          ${options.body}
        </main>
      </body>
    </html> `.value;
}
