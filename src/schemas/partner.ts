// A partner organisation or funder.
import { z } from 'zod';
import { localizedText } from './common.ts';

export const partnerSchema = z.object({
  /** Name of the organisation. */
  name: z.string().min(2),
  /** Its website (https), if any. */
  url: z.url({ protocol: /^https$/ }).optional(),
  /** Kind of partnership. */
  kind: z.enum(['medical', 'funder', 'association', 'artist']),
  /** Year the partnership began; leave it out when nobody knows it for sure. */
  since: z.number().int().min(1980).max(2100).optional(),
  /** What the partnership is, in both languages. */
  description: localizedText,
  /** Order on the page (smaller first). */
  order: z.number().int().default(0),
});
export type PartnerData = z.infer<typeof partnerSchema>;
