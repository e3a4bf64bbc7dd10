// A partner organisation or funder. Each field's description is the help the
// editor at /admin/ shows beside it.
import { z } from 'zod';
import { localizedText } from './common.ts';

export const partnerSchema = z.object({
  name: z.string().min(2).describe('Name of the organisation.'),
  url: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe('Its website, starting with https://, if it has one.'),
  kind: z.enum(['medical', 'funder', 'association', 'artist']).describe('Kind of partnership.'),
  since: z
    .number()
    .int()
    .min(1980)
    .max(2100)
    .optional()
    .describe('Year the partnership began; leave it empty when nobody knows it for sure.'),
  description: localizedText.describe('What the partnership is, in each language.'),
  order: z.number().int().default(0).describe('Position on the page: smaller numbers come first.'),
});
export type PartnerData = z.infer<typeof partnerSchema>;
