// A key figure. Every figure carries its source and year, and the site always shows them.
import { z } from 'zod';
import { localizedText } from './common.ts';

export const figureSchema = z.object({
  /** The figure as displayed, in both languages ("€17.3 million" / "17,3 millions d'euros"). */
  value: localizedText,
  /** What it counts, in both languages. */
  label: localizedText,
  /** Who published it, e.g. "Human Rights Observers". */
  source: z.string().min(2),
  /** Year or period it refers to, as written by the source, e.g. "2020" or "2015–2016". */
  year: z.string().regex(/^(c\. )?\d{4}(–\d{4})?$/),
  /** Order on the page (smaller first). */
  order: z.number().int(),
  /** Shown on the home page when true; all figures are on the delegation page. */
  featured: z.boolean().default(false),
});
export type FigureData = z.infer<typeof figureSchema>;
