// The three shapes of the pages a signed link (erasure, cancellation, address
// confirmation) answers with: a confirm page whose buttons post the link's
// token (a GET never changes anything, because mail scanners open links), a
// page that says where things stand with a link back, and the page of a link
// that is not one of ours or too old. pages/erasure.ts and pages/registration.ts
// fill them with their words.
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/common.ts';
import { html, type SafeHtml } from '../markup.ts';
import type { LinkProblem } from '../signed-links.ts';
import { renderPage } from './layout.ts';

export interface PageLink {
  text: string;
  href: string;
}

/** A submit button; `name`/`value` tell the handler which one was pressed. */
export interface SubmitButton {
  text: string;
  name?: string;
  value?: string;
}

function buttonHtml(button: SubmitButton): SafeHtml {
  const which =
    button.name === undefined ? '' : html`name="${button.name}" value="${button.value ?? ''}"`;
  return html`<button type="submit" ${which}>${button.text}</button>`;
}

const linkHtml = (link: PageLink): SafeHtml => html`<p><a href="${link.href}">${link.text}</a></p>`;

/**
 * What the link is about (`subject`, in bold), what we hold (`access`, from
 * pages/access.ts), the paragraphs, then a form that posts the token.
 */
export function confirmPage(options: {
  locale: Locale;
  title: string;
  subject?: string;
  access?: SafeHtml | undefined;
  paragraphs: readonly string[];
  action: string;
  token: string;
  buttons: readonly SubmitButton[];
}): string {
  return renderPage({
    locale: options.locale,
    title: options.title,
    body: html`${options.subject === undefined ? '' : html`<p><strong>${options.subject}</strong></p>`}
      ${options.access ?? ''} ${options.paragraphs.map((text) => html`<p>${text}</p>`)}
      <form method="post" action="${options.action}">
        <input type="hidden" name="token" value="${options.token}" />
        ${options.buttons.map(buttonHtml)}
      </form>`,
  });
}

/** Where things stand, and the way back. `status`: announced to screen readers as news. */
export function statusPage(options: {
  locale: Locale;
  title: string;
  message: string;
  back: PageLink;
  status?: boolean;
}): string {
  const { status = true } = options;
  return renderPage({
    locale: options.locale,
    title: options.title,
    body: html`${
      status ? html`<p role="status">${options.message}</p>` : html`<p>${options.message}</p>`
    }
    ${linkHtml(options.back)}`,
  });
}

/** A link that is not one of ours, or too old: why, whom to write to, and maybe the way back. */
export function invalidLinkPage(options: {
  locale: Locale;
  reason: LinkProblem;
  contact: string;
  back?: PageLink;
}): string {
  const { locale } = options;
  return renderPage({
    locale,
    title: t(locale, 'link.invalid'),
    body: html`<p>${t(locale, options.reason === 'expired' ? 'link.expired' : 'link.malformed')}</p>
      <p>${options.contact}</p>
      ${options.back === undefined ? '' : linkHtml(options.back)}`,
  });
}
