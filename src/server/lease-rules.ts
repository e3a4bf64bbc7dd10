// The writer lease's rules, shared by its adapters (Netlify Blobs, local
// SQLite, the tests' memory): who may take it, extend it, give it up. Each
// adapter applies them to the record it read, then writes by compare-and-swap.

/** The lease as stored: its holder until `expiresAt`, or nobody. Instants in clock milliseconds. */
export interface LeaseRecord {
  /** Who holds it; null once given up. */
  holder: string | null;
  expiresAt: number;
  /** When its last holder gave it up (absent if it expired instead). */
  releasedAt?: number;
  /** Who gave it up then. */
  releasedBy?: string;
}

/** What taking the lease tells its new holder about the last one. */
export interface LeaseGrant {
  /** When the previous holder gave it up, if it did. */
  releasedAt?: number;
  /** The previous holder, if any. */
  previous?: string;
}

const isFree = (lease: LeaseRecord | null, now: number) =>
  lease === null || lease.holder === null || lease.expiresAt <= now;

/** The record after `holder` takes the lease, or null if another holds it. */
export function applyAcquire(
  lease: LeaseRecord | null,
  holder: string,
  now: number,
  ttlMs: number,
): { next: LeaseRecord; grant: LeaseGrant } | null {
  if (!isFree(lease, now)) return null;
  const previous = lease?.holder ?? lease?.releasedBy;
  return {
    next: { holder, expiresAt: now + ttlMs },
    grant: {
      ...(lease?.releasedAt === undefined ? {} : { releasedAt: lease.releasedAt }),
      ...(previous === undefined ? {} : { previous }),
    },
  };
}

/** The record after `holder` extends its lease, or null if it lost it. */
export function applyRenew(
  lease: LeaseRecord | null,
  holder: string,
  now: number,
  ttlMs: number,
): LeaseRecord | null {
  if (lease?.holder !== holder || lease.expiresAt <= now) return null;
  return { holder, expiresAt: now + ttlMs };
}

/** The record after `holder` gives the lease up, or null if it no longer holds it. */
export function applyRelease(
  lease: LeaseRecord | null,
  holder: string,
  now: number,
): LeaseRecord | null {
  if (lease?.holder !== holder) return null;
  return { holder: null, expiresAt: now, releasedAt: now, releasedBy: holder };
}
