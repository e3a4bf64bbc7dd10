// A key figure. Every figure carries its source and year, and the site always
// shows them. Each field's description is the help the editor at /admin/ shows.
import { z } from 'zod';
import { localizedText } from './common.ts';

export const figureSchema = z.object({
  value: localizedText.describe(
    'The figure as displayed, in each language ("17,3 millions d\'euros" / "€17.3 million").',
  ),
  label: localizedText.describe('What it counts, in each language.'),
  source: z.string().min(2).describe('Who published it, e.g. "Human Rights Observers".'),
  year: z
    .string()
    .regex(/^(c\. )?\d{4}(–\d{4})?$/)
    .describe(
      'Year or period it refers to, as the source gives it: "2020", "c. 2021" or "2015–2016".',
    ),
  order: z.number().int().describe('Position on the page: smaller numbers come first.'),
  featured: z
    .boolean()
    .default(false)
    .describe('Shown on the home page when ticked; every figure is on the delegation page.'),
});
export type FigureData = z.infer<typeof figureSchema>;
