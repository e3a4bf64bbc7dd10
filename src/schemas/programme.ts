// A programme of the Calais delegation (the six of the brief).
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const programmeSchema = z.object({
  /** Programme name, e.g. "Mobile clinic". */
  title: z.string().min(2),
  /** URL segment of the programme's page in this language. */
  slug: slugSchema,
  /** One or two sentences for listings and search engines. */
  description: descriptionSchema,
  /** Order on the home page (1–6). */
  order: z.number().int().min(1),
  /** Keys of the delegations where it runs (file names in content/delegations/LOCALE/). */
  delegations: z.array(z.string()).min(1),
  /** What the team does, one line each. */
  activities: z.array(z.string().min(3)).min(1),
  /** When it happens, in plain words, e.g. "Every week, Tuesday and Thursday mornings". */
  schedule: z.string().min(3),
  /** Who it serves. */
  audience: z.string().min(3),
  /** How a reader can help. */
  howToHelp: z.string().min(3),
});
export type ProgrammeData = z.infer<typeof programmeSchema>;
