// A programme of the Calais delegation (the six of the brief). Each field's
// description is the help the editor at /admin/ shows beside it.
import { z } from 'zod';
import { descriptionSchema, slugSchema } from './common.ts';

export const programmeSchema = z.object({
  title: z.string().min(2).describe('Programme name, e.g. "Mobile clinic".'),
  slug: slugSchema.describe(
    "The end of the programme page's address in this language: lower-case letters, digits and hyphens.",
  ),
  description: descriptionSchema.describe(
    'One or two sentences (50 to 180 characters) for lists and search engines.',
  ),
  order: z.number().int().min(1).describe('Position on the home page, from 1 to 6.'),
  delegations: z
    .array(z.string())
    .min(1)
    .describe('Where it runs: "calais", "grande-synthe" or both (one per line).'),
  activities: z.array(z.string().min(3)).min(1).describe('What the team does, one line each.'),
  schedule: z
    .string()
    .min(3)
    .describe('When it happens, in plain words, e.g. "Every week, Tuesday and Thursday mornings".'),
  audience: z.string().min(3).describe('Who it serves.'),
  howToHelp: z.string().min(3).describe('How a reader can help.'),
});
export type ProgrammeData = z.infer<typeof programmeSchema>;
