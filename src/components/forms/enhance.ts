// With JavaScript, the sign-up forms check fields as people leave them, show an
// error summary that takes the focus, and send JSON with fetch. The rules and
// messages are the server's own (src/schemas/forms/); it checks again anyway.
import { config } from 'zod';
import { fromFormEntries } from '../../schemas/forms/form-data.ts';
import { startedAtField } from '../../schemas/forms/fields.ts';
import {
  fieldOrder,
  pickLocale,
  validateForm,
  type FieldErrors,
  type FormKind,
} from '../../schemas/forms/validate.ts';

// The site's CSP forbids eval: tell zod not to try it (it would log a violation).
config({ jitless: true });

const isKind = (value: string | undefined): value is FormKind =>
  value === 'volunteer' || value === 'observer';

export function enhanceSignupForms(root: Document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-signup]')) {
    const kind = form.dataset['signup'];
    if (isKind(kind)) enhance(form, kind);
  }
}

function enhance(form: HTMLFormElement, kind: FormKind): void {
  const locale = pickLocale(form.dataset['locale']);
  const summary = form.querySelector<HTMLElement>('.error-summary');
  const status = form.querySelector<HTMLElement>('.form-status');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const started = form.querySelector<HTMLInputElement>(`input[name="${startedAtField}"]`);
  if (started !== null) started.value = String(Date.now());
  // Our messages replace the browser's bubbles, which vary and vanish.
  form.noValidate = true;
  const touched = new Set<string>();

  const data = () => fromFormEntries(new FormData(form).entries());
  const check = () => validateForm(kind, data(), locale);

  form.addEventListener('focusout', (event) => {
    const field = fieldOf(event.target);
    if (field === undefined) return;
    // Leaving a group for another control of the same group is not leaving it.
    const next = event.relatedTarget;
    if (next instanceof Node && field.element.contains(next)) return;
    touched.add(field.name);
    const result = check();
    showFieldErrors(form, result.ok ? {} : result.errors, touched);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = check();
    if (!result.ok) {
      for (const name of Object.keys(result.errors)) touched.add(name);
      showFieldErrors(form, result.errors, touched);
      showSummary(form, kind, summary, result.errors);
      return;
    }
    showSummary(form, kind, summary, {});
    void send(form, kind, data(), { status, button, summary, touched });
  });
}

async function send(
  form: HTMLFormElement,
  kind: FormKind,
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
      for (const name of Object.keys(errors)) ui.touched.add(name);
      showFieldErrors(form, errors, ui.touched);
      showSummary(form, kind, ui.summary, errors);
      return;
    }
    throw new Error(String(response.status));
  } catch {
    setBusy(false);
    if (ui.status !== null) ui.status.textContent = form.dataset['failed'] ?? '';
  }
}

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
  kind: FormKind,
  summary: HTMLElement | null,
  errors: FieldErrors,
): void {
  if (summary === null) return;
  const list = summary.querySelector('ul');
  const names = fieldOrder[kind].filter((name) => errors[name] !== undefined);
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
