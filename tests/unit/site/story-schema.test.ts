// A story's schema is made once per story file (Astro's image() belongs to the
// file): the fields that do not depend on the file are made once and shared,
// and the schema still reads, checks and describes a story as before.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { storySchema } from '../../../src/schemas/story.ts';

const reference = () => z.string();
const story = {
  title: 'Une matinée avec la clinique',
  slug: 'une-matinee',
  description:
    'Une matinée avec l’équipe de la clinique mobile, de l’arrivée au dernier patient reçu.',
  author: 'Équipe Calais',
  date: '2026-03-02',
  tags: ['clinique-mobile'],
  programme: 'clinique-mobile',
  hero: { image: 'matin.jpg', alt: 'Le camion de la clinique au petit matin' },
};

describe('storySchema', () => {
  test('shares the fields that do not depend on the file between stories', () => {
    const first = storySchema({ image: () => z.string(), reference });
    const second = storySchema({ image: () => z.string(), reference });

    expect(second.shape.title).toBe(first.shape.title);
    expect(second.shape.programme).toBe(first.shape.programme);
    expect(second.shape.hero).not.toBe(first.shape.hero);
  });

  test('keeps the fields in the order the editor shows them, with their help', () => {
    const schema = storySchema({ image: () => z.string(), reference });

    expect(Object.keys(schema.shape)).toEqual([
      'title',
      'slug',
      'description',
      'author',
      'date',
      'tags',
      'programme',
      'hero',
      'draft',
    ]);
    expect(schema.shape.hero.description).toBe(
      'Picture at the top of the story, with its text alternative.',
    );
    expect(schema.shape.hero.shape.image.description).toBe(
      'The picture at the top of the story (JPEG, PNG or WebP).',
    );
  });

  test('reads a story with each file’s own picture field, and still refuses a short alt text', () => {
    const withImage = (name: string) =>
      storySchema({ image: () => z.string().transform((file) => `${name}/${file}`), reference });

    const parsed = withImage('fr').parse(story);
    const other = withImage('en').parse(story);
    const refused = withImage('fr').safeParse({ ...story, hero: { image: 'a.jpg', alt: 'court' } });

    expect(parsed.hero.image).toBe('fr/matin.jpg');
    expect(other.hero.image).toBe('en/matin.jpg');
    expect(parsed.draft).toBe(false);
    expect(parsed.date).toEqual(new Date('2026-03-02'));
    expect(refused.success).toBe(false);
  });
});
