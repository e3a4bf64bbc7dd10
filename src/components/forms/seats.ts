// Fills in the live count of seats left on a session page: the page is static
// and shows the capacity; the count changes with every registration.
interface SeatsAnswer {
  left: number;
  waiting: number;
}

const isSeats = (value: unknown): value is SeatsAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['left'] === 'number' &&
  typeof (value as Record<string, unknown>)['waiting'] === 'number';

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
      target.hidden = false;
    } catch {
      // Offline or refused: the capacity shown by the page is enough.
    }
  }
}
