// The UID of a session in every calendar object the delegation sends or
// publishes: an invitation, its cancellation and the subscribable feeds name
// the same event, so calendar software updates it instead of adding a copy.
// It derives from the slug and the site's domain only: changing either after
// publication makes calendars see a new event.

/** "session-2027-01-16-accueil@example.org". */
export const sessionUid = (slug: string, domain: string): string => `session-${slug}@${domain}`;

/** The domain part of the UIDs: the host name of the site's public address. */
export const uidDomainOf = (siteUrl: string | URL): string => new URL(siteUrl).hostname;
