// The live part of the training pages, which are static: the count of seats
// left (the page shows the count read when the site was built), and the
// registration form replaced by a notice once registration closes, whether
// the server says so or the page stays open past the closing time.
interface SeatsAnswer {
  left: number;
  waiting: number;
  /** Whether the server still takes registrations (absent from older answers). */
  open?: boolean;
}

const isSeats = (value: unknown): value is SeatsAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['left'] === 'number' &&
  typeof (value as Record<string, unknown>)['waiting'] === 'number';

/** Hides the registration form of `root` and shows its notice that registration is closed. */
export function closeRegistration(root: ParentNode): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-registration-closes]')) {
    section.querySelector('form')?.setAttribute('hidden', '');
    section.querySelector<HTMLElement>('.registration-closed')?.removeAttribute('hidden');
  }
}

/** The longest wait setTimeout keeps (about 24 days); a page open longer is reloaded anyway. */
const longestTimer = 2 ** 31 - 1;

/** Closes the form when its closing time comes, if the page is still open then. */
export function closeRegistrationOnTime(root: ParentNode, now: number = Date.now()): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-registration-closes]')) {
    const closes = Date.parse(section.dataset['registrationCloses'] ?? '');
    if (Number.isNaN(closes)) continue;
    const wait = closes - now;
    if (wait <= 0) closeRegistration(root);
    else if (wait <= longestTimer) {
      setTimeout(() => {
        closeRegistration(root);
      }, wait);
    }
  }
}

export async function showSeatsLeft(root: ParentNode): Promise<void> {
  for (const target of root.querySelectorAll<HTMLElement>('[data-seats-url]')) {
    try {
      const response = await fetch(target.dataset['seatsUrl'] ?? '', {
        headers: { accept: 'application/json' },
      });
      const seats: unknown = response.ok ? await response.json() : null;
      if (!isSeats(seats)) continue;
      const template = seats.left > 0 ? target.dataset['left'] : target.dataset['full'];
      target.textContent = (template ?? '')
        .replace('{left}', String(seats.left))
        .replace('{waiting}', String(seats.waiting));
      if (seats.open === false) closeRegistration(root);
    } catch {
      // Offline or refused: the count of the build stays, and says when it was read.
    }
  }
}
