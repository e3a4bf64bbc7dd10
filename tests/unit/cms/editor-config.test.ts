import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { Collection, Field } from '@sveltia/cms';
import { collections } from '../../../src/cms/collections.ts';
import { editorConfig, editorSettingsFromEnv } from '../../../src/cms/config.ts';
import { inputJsonSchema } from '../../../src/cms/fields.ts';
import { episodeSchema } from '../../../src/schemas/episode.ts';
import { figureSchema } from '../../../src/schemas/figure.ts';
import { partnerSchema } from '../../../src/schemas/partner.ts';
import { storySchema } from '../../../src/schemas/story.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const byName = (name: string) => {
  const found = collections.find((collection) => collection.name === name);
  if (found === undefined) throw new Error(`no collection ${name}`);
  return found;
};
const fieldsOfCollection = (collection: Collection): Field[] =>
  'fields' in collection ? collection.fields : (collection.files[0]?.fields ?? []);
const find = (fields: Field[], name: string) => fields.find((field) => field.name === name);
const subfields = (field: Field | undefined): Field[] =>
  field !== undefined && 'fields' in field && Array.isArray(field.fields)
    ? (field.fields as Field[])
    : [];
const required = (field: Field | undefined) =>
  field !== undefined && !('required' in field && field.required === false);

/** The story schema as the editor reads it (files and entries are plain strings there). */
const storyShape = storySchema({ image: () => z.string(), reference: () => z.string() });

describe('the editor configuration, generated from the content schemas', () => {
  it('asks for every field the build requires, and marks the others optional', () => {
    const cases: [string, z.ZodType][] = [
      ['stories', storyShape],
      ['episodes', episodeSchema],
      ['figures', figureSchema],
      ['partners', partnerSchema],
    ];
    for (const [name, schema] of cases) {
      const json = inputJsonSchema(schema) as { properties: object; required?: string[] };
      const fields = fieldsOfCollection(byName(name));
      for (const property of Object.keys(json.properties)) {
        const field = find(fields, property);
        expect(field, `${name}.${property}`).toBeDefined();
        expect(required(field), `${name}.${property} required`).toBe(
          (json.required ?? []).includes(property),
        );
      }
    }
  });

  it('gives the same choices as the schema', () => {
    const partnerKind = find(fieldsOfCollection(byName('partners')), 'kind');
    const episodeType = find(fieldsOfCollection(byName('episodes')), 'type');

    expect(partnerKind).toMatchObject({
      widget: 'select',
      options: partnerSchema.shape.kind.options,
    });
    expect(episodeType).toMatchObject({ widget: 'select', options: ['full', 'trailer', 'bonus'] });
  });

  it('shows each field with the help written in its schema', () => {
    const withoutHelp = collections.flatMap((collection) => {
      const walk = (fields: Field[], prefix: string): string[] =>
        fields.flatMap((field) => [
          ...('hint' in field && typeof field.hint === 'string' && field.hint.length > 0
            ? []
            : [`${prefix}${field.name}`]),
          ...walk(subfields(field), `${prefix}${field.name}.`),
        ]);
      return walk(fieldsOfCollection(collection), `${collection.name}: `);
    });

    expect(withoutHelp).toEqual([]);
    expect(find(fieldsOfCollection(byName('stories')), 'title')).toMatchObject({
      hint: storyShape.shape.title.description,
      minlength: 5,
      maxlength: 120,
    });
  });

  it('requires the alt text of every picture, and the transcript of every episode', () => {
    const hero = find(fieldsOfCollection(byName('stories')), 'hero');
    const artwork = fieldsOfCollection(byName('artworks'));
    const transcript = find(fieldsOfCollection(byName('episodes')), 'transcript');

    expect(subfields(hero).map((f) => [f.name, required(f)])).toEqual([
      ['image', true],
      ['alt', true],
    ]);
    expect(required(find(artwork, 'alt'))).toBe(true);
    expect(find(artwork, 'image')).toMatchObject({ widget: 'image' });
    expect(transcript).toMatchObject({ widget: 'list', min: 1 });
  });

  it('uploads the audio and never asks for its size or duration', () => {
    const fields = fieldsOfCollection(byName('episodes'));

    expect(find(fields, 'audio')).toMatchObject({ widget: 'file' });
    expect(fields.map((field) => field.name)).not.toEqual(
      expect.arrayContaining(['size', 'duration']),
    );
    expect(byName('episodes')).toMatchObject({
      media_folder: '/public/audio',
      public_folder: '/audio',
    });
  });

  it('writes translations where the site reads them: content/TYPE/fr/KEY.mdx and en/KEY.mdx', () => {
    const config = editorConfig({ repo: 'org/site', branch: 'main', siteUrl: 'https://x.org' });

    expect(config.i18n).toMatchObject({ structure: 'multiple_folders', locales: ['fr', 'en'] });
    for (const collection of collections) {
      if ('folder' in collection) {
        expect(existsSync(join(root, collection.folder)), collection.folder).toBe(true);
        if (collection.i18n === true) {
          expect(existsSync(join(root, collection.folder, 'fr')), collection.name).toBe(true);
          expect(existsSync(join(root, collection.folder, 'en')), collection.name).toBe(true);
        }
      } else {
        for (const file of collection.files) expect(existsSync(join(root, file.file))).toBe(true);
      }
    }
    expect(parse(stringify(config))).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it('shares between languages only what is the same in both', () => {
    const fields = fieldsOfCollection(byName('stories'));
    const i18n = Object.fromEntries(fields.map((field) => [field.name, field.i18n]));

    expect(i18n).toMatchObject({
      title: 'translate',
      slug: 'translate',
      tags: 'translate',
      date: 'duplicate',
      programme: 'duplicate',
    });
    expect(find(fields, 'programme')).toMatchObject({
      widget: 'relation',
      collection: 'programmes',
      value_field: '{{locale}}/{{slug}}',
    });
  });
});

describe('where the editor publishes', () => {
  it('takes the repository from CMS_GITHUB_REPO, trimmed', () => {
    const settings = editorSettingsFromEnv({ CMS_GITHUB_REPO: ' mdm/calais \n' }, 'https://x.org');

    expect(settings).toEqual({ repo: 'mdm/calais', branch: 'main', siteUrl: 'https://x.org' });
  });

  it('falls back to the GitHub repository Netlify builds from', () => {
    const https = editorSettingsFromEnv(
      { REPOSITORY_URL: 'https://github.com/mdm/calais-site', CMS_BRANCH: 'live' },
      'https://x.org',
    );
    const ssh = editorSettingsFromEnv({ REPOSITORY_URL: 'git@github.com:mdm/calais-site.git' }, '');

    expect(https).toMatchObject({ repo: 'mdm/calais-site', branch: 'live' });
    expect(ssh.repo).toBe('mdm/calais-site');
  });

  it('refuses a repository that is not owner/name, naming the variable', () => {
    expect(() => editorSettingsFromEnv({ CMS_GITHUB_REPO: 'https://github.com/x' }, '')).toThrow(
      /CMS_GITHUB_REPO/,
    );
  });
});
