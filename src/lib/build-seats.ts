// The seats left of each session as the build sees them, printed on the
// training list and the session pages for readers without JavaScript (the
// page's small script replaces it with the live count). A count the build
// cannot read is left out, never guessed: the page then shows the capacity.
import type { SeatCount } from '../server/ports.ts';

export interface BuildSeats {
  /** When the counts were read: the page says so. */
  at: Date;
  counts: ReadonlyMap<string, SeatCount>;
}

export interface BuildSeatsOptions {
  /** The ledger, or null when the build cannot read it. */
  ledger: { seats(slug: string, capacity: number): Promise<SeatCount> } | null;
  now?: () => Date;
  /** The whole read's time budget: a slow store must not hold up the build. Default 10 s. */
  timeoutMs?: number;
}

/** The count of every session given, by slug; sessions whose count fails are left out. */
export async function readBuildSeats(
  sessions: readonly { slug: string; capacity: number }[],
  options: BuildSeatsOptions,
): Promise<BuildSeats> {
  const at = (options.now ?? (() => new Date()))();
  const counts = new Map<string, SeatCount>();
  const { ledger } = options;
  if (ledger === null) return { at, counts };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
  });
  const reads = Promise.all(
    sessions.map(async (session) => {
      try {
        counts.set(session.slug, await ledger.seats(session.slug, session.capacity));
      } catch {
        // Unknown for this one: its card shows the capacity.
      }
    }),
  );
  await Promise.race([reads, timeout]);
  clearTimeout(timer);
  // Counts that came after the deadline are not shown: copy what was there at the time.
  return { at, counts: new Map(counts) };
}
