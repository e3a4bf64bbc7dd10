// The build's memo: what many pages repeat is computed once per build (and
// afresh each time under astro dev), and a picture's key tells apart every
// way of showing it.
import type { ImageMetadata } from 'astro';
import { describe, expect, test } from 'vitest';
import { buildMemo, oncePerBuild } from '../../../src/lib/once-per-build.ts';
import { pictureKey, type ContentImageProps } from '../../../src/lib/content-image.ts';

/** A compute function that counts its calls. */
const counting = () => {
  const calls: string[] = [];
  return {
    calls,
    compute: (key: string) => {
      calls.push(key);
      return Promise.resolve(`value of ${key} #${String(calls.length)}`);
    },
  };
};

describe('buildMemo', () => {
  test('computes a key once in a build and gives every later caller the same value', async () => {
    const memo = buildMemo<string>(true);
    const { calls, compute } = counting();

    const values = await Promise.all(
      ['a', 'a', 'b', 'a'].map((key) => memo(key, () => compute(key))),
    );

    expect(values).toEqual(['value of a #1', 'value of a #1', 'value of b #2', 'value of a #1']);
    expect(calls).toEqual(['a', 'b']);
  });

  test('computes afresh on every call under astro dev', async () => {
    const memo = buildMemo<string>(false);
    const { calls, compute } = counting();

    await memo('a', () => compute('a'));
    const second = await memo('a', () => compute('a'));

    expect(second).toBe('value of a #2');
    expect(calls).toEqual(['a', 'a']);
  });
});

describe('oncePerBuild', () => {
  test('calls the function once per key', async () => {
    const { calls, compute } = counting();
    const once = oncePerBuild(compute, true);

    await once('fr');
    await once('en');
    const again = await once('fr');

    expect(again).toBe('value of fr #1');
    expect(calls).toEqual(['fr', 'en']);
  });
});

describe('pictureKey', () => {
  const image = (src: string): ImageMetadata => ({ src, width: 1200, height: 800, format: 'jpg' });
  const card: ContentImageProps = {
    src: image('/_astro/dove.abc.jpg'),
    alt: 'A dove over the coast',
    sizes: '20rem',
    widths: [360, 720],
  };

  test('is the same for the same picture shown the same way', () => {
    expect(pictureKey({ ...card, src: image('/_astro/dove.abc.jpg') })).toBe(pictureKey(card));
  });

  test.each<[string, Partial<ContentImageProps>]>([
    ['another file', { src: image('/_astro/tents.def.jpg') }],
    ['another text alternative', { alt: 'Tents in the dunes' }],
    ['other sizes', { sizes: '100vw' }],
    ['other widths', { widths: [360] }],
    ['loading first', { eager: true }],
    ['a search thumbnail', { searchThumbnail: true }],
  ])('differs for %s', (_, change) => {
    expect(pictureKey({ ...card, ...change })).not.toBe(pictureKey(card));
  });

  test('differs when the widths are left to the default', () => {
    const { src, alt, sizes } = card;

    expect(pictureKey({ src, alt, sizes })).not.toBe(pictureKey(card));
  });
});
