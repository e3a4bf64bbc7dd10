// With JavaScript, the sign-up forms check fields as people leave them, show an
// error summary that takes the focus, and send JSON with fetch. The rules and
// messages are the server's own, derived from src/schemas/forms/ at build time
// and carried by the page as JSON, so no zod is sent; the server checks again.
import {
  fromFormEntries,
  startedAtField,
  submissionIdField,
} from '../../schemas/forms/form-data.ts';
import { checkForm, type FieldErrors, type FormRules } from '../../schemas/forms/page-checks.ts';

export function enhanceSignupForms(root: Document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-signup]')) {
    const rules = form.querySelector('script[data-rules]')?.textContent;
    // Written by FormShell.astro from the schemas: trusted as the page's own code is.
    if (rules !== undefined) enhance(form, JSON.parse(rules) as FormRules);
  }
}

function enhance(form: HTMLFormElement, rules: FormRules): void {
  const summary = form.querySelector<HTMLElement>('.error-summary');
  const status = form.querySelector<HTMLElement>('.form-status');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const started = form.querySelector<HTMLInputElement>(`input[name="${startedAtField}"]`);
  if (started !== null) started.value = String(Date.now());
  const submissionId = viewSubmissionId(form.dataset['signup'] ?? 'form');
  // Back from the thank-you page out of the back/forward cache: not sending any more.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    if (button !== null) button.disabled = false;
    form.setAttribute('aria-busy', 'false');
    if (status !== null) status.textContent = '';
  });
  // Our messages replace the browser's bubbles, which vary and vanish.
  form.noValidate = true;
  const touched = new Set<string>();

  const data = () => fromFormEntries(new FormData(form).entries());
  const check = () => checkForm(rules, data());

  form.addEventListener('focusout', (event) => {
    const field = fieldOf(event.target);
    if (field === undefined) return;
    // Leaving a group for another control of the same group is not leaving it.
    const next = event.relatedTarget;
    if (next instanceof Node && field.element.contains(next)) return;
    touched.add(field.name);
    showFieldErrors(form, check(), touched);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const errors = check();
    if (Object.keys(errors).length > 0) {
      for (const name of Object.keys(errors)) touched.add(name);
      showFieldErrors(form, errors, touched);
      showSummary(form, rules, summary, errors);
      return;
    }
    showSummary(form, rules, summary, {});
    const body =
      submissionId === undefined ? data() : { ...data(), [submissionIdField]: submissionId };
    void send(form, rules, body, { status, button, summary, touched });
  });
}

async function send(
  form: HTMLFormElement,
  rules: FormRules,
  body: Record<string, unknown>,
  ui: {
    status: HTMLElement | null;
    button: HTMLButtonElement | null;
    summary: HTMLElement | null;
    touched: Set<string>;
  },
): Promise<void> {
  const setBusy = (busy: boolean) => {
    if (ui.button !== null) ui.button.disabled = busy;
    form.setAttribute('aria-busy', String(busy));
    if (ui.status !== null) ui.status.textContent = busy ? (form.dataset['sending'] ?? '') : '';
  };
  setBusy(true);
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 201) {
      const { next } = (await response.json()) as { next: string };
      window.location.assign(next);
      return;
    }
    setBusy(false);
    if (response.status === 422) {
      const { errors } = (await response.json()) as { errors: FieldErrors };
      // Nothing the applicant can fix (a malformed submission id): say it failed.
      if (!Object.keys(errors).some((name) => name in rules.fields)) throw new Error('422');
      for (const name of Object.keys(errors)) ui.touched.add(name);
      showFieldErrors(form, errors, ui.touched);
      showSummary(form, rules, ui.summary, errors);
      return;
    }
    throw new Error(String(response.status));
  } catch {
    setBusy(false);
    if (ui.status !== null) ui.status.textContent = form.dataset['failed'] ?? '';
  }
}

/**
 * One id per form view, sent with every attempt, so that the server answers a
 * retry (lost answer, flaky connection, back from the thank-you page) with the
 * application it already has. It lives in the history entry's state: coming
 * back to this view finds it again, a fresh visit starts without one.
 */
function viewSubmissionId(kind: string): string | undefined {
  // Only secure contexts have it; without it the server makes a random id, as without JavaScript.
  if (typeof crypto.randomUUID !== 'function') return undefined;
  const key = `${submissionIdField}:${kind}`;
  const state: unknown = history.state;
  const saved = isRecord(state) ? state[key] : undefined;
  if (typeof saved === 'string') return saved;
  const id = crypto.randomUUID();
  history.replaceState({ ...(isRecord(state) ? state : {}), [key]: id }, '');
  return id;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The field (by its data-field container) an element belongs to. */
function fieldOf(target: EventTarget | null): { name: string; element: HTMLElement } | undefined {
  if (!(target instanceof Element)) return undefined;
  const element = target.closest<HTMLElement>('[data-field]');
  const name = element?.dataset['field'];
  return element === null || name === undefined ? undefined : { name, element };
}

function controlsOf(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('input, select, textarea')];
}

function showFieldErrors(form: HTMLFormElement, errors: FieldErrors, touched: Set<string>): void {
  for (const container of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const name = container.dataset['field'] ?? '';
    const message = touched.has(name) ? errors[name] : undefined;
    const slot = container.querySelector<HTMLElement>('.field-error');
    if (slot !== null) {
      slot.textContent = message ?? '';
      slot.hidden = message === undefined;
    }
    for (const control of controlsOf(container)) {
      if (message === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    }
  }
}

function showSummary(
  form: HTMLFormElement,
  rules: FormRules,
  summary: HTMLElement | null,
  errors: FieldErrors,
): void {
  if (summary === null) return;
  const list = summary.querySelector('ul');
  const names = Object.keys(rules.fields).filter((name) => errors[name] !== undefined);
  list?.replaceChildren(
    ...names.map((name) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      const target = firstControl(form, name);
      link.href = target === null ? '#' : `#${target.id}`;
      link.textContent = errors[name] ?? '';
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target?.focus();
      });
      item.append(link);
      return item;
    }),
  );
  summary.hidden = names.length === 0;
  if (names.length > 0) summary.focus();
}

function firstControl(form: HTMLFormElement, name: string): HTMLElement | null {
  const container = form.querySelector(`[data-field="${name}"]`);
  return container === null ? null : (controlsOf(container)[0] ?? null);
}
