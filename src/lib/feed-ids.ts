// Identifiers that podcast apps and feed readers keep forever. An item's id must
// never change once published, or every subscriber gets it again as new: so it
// comes from the content file's name (its key) and language, never from the
// site's address, the title or the slug, which may all change.
import type { Locale } from '../schemas/common.ts';
import { uuidv5 } from './uuid.ts';

/** Podcasting 2.0's namespace for `podcast:guid` (podcastindex.org/namespace/1.0). */
export const podcastGuidNamespace = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/**
 * A show's `podcast:guid`: the UUIDv5 of its feed URL without the scheme and
 * without trailing slashes ("calais.example.org/podcast/flux.xml").
 */
export const podcastGuid = (feedUrl: string): string =>
  uuidv5(feedUrl.replace(/^[a-z][a-z\d+.-]*:\/\//i, '').replace(/\/+$/, ''), podcastGuidNamespace);

/** An episode's `guid`: "mdm-calais:podcast:speak-out-01:fr" for content/podcast/fr/speak-out-01.mdx. */
export const episodeGuid = (key: string, locale: Locale): string =>
  `mdm-calais:podcast:${key}:${locale}`;

/** A story's id in the stories feeds: "mdm-calais:story:KEY:fr". */
export const storyGuid = (key: string, locale: Locale): string =>
  `mdm-calais:story:${key}:${locale}`;
