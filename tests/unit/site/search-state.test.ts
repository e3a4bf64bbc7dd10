import { describe, expect, test } from 'vitest';
import {
  excerptParts,
  fill,
  queryString,
  readQuery,
} from '../../../src/components/search/search-state.ts';

const types = ['Récit', 'Épisode', 'Programme', 'Œuvre'];

describe('readQuery', () => {
  test('reads the words and the known types from the query string', () => {
    const query = readQuery('?q=+clinique+mobile+&type=%C3%89pisode&type=R%C3%A9cit', types);

    expect(query).toEqual({ q: 'clinique mobile', types: ['Récit', 'Épisode'] });
  });

  test('drops types the page does not offer and reads a missing query as empty', () => {
    const query = readQuery('?type=Story&type=Œuvre', types);

    expect(query).toEqual({ q: '', types: ['Œuvre'] });
  });
});

describe('queryString', () => {
  test('gives back a query string that reads as the same search', () => {
    const search = { q: 'soins & droits', types: ['Récit', 'Œuvre'] };

    const text = queryString(search);

    expect(readQuery(text, types)).toEqual(search);
    expect(text.startsWith('?q=')).toBe(true);
  });

  test('is empty for an empty search', () => {
    expect(queryString({ q: '', types: [] })).toBe('');
  });
});

describe('excerptParts', () => {
  test('keeps Pagefind marks as highlighted runs', () => {
    const parts = excerptParts('une <mark>guitare</mark>, un jeu de <mark>cartes</mark>');

    expect(parts).toEqual([
      { text: 'une ', marked: false },
      { text: 'guitare', marked: true },
      { text: ', un jeu de ', marked: false },
      { text: 'cartes', marked: true },
    ]);
  });

  test('turns any other markup into visible text, never into elements', () => {
    const parts = excerptParts(
      'a &lt;img src=x onerror=alert(1)&gt; and <b>bold</b> <mark>word</mark> &amp;',
    );

    expect(parts).toEqual([
      { text: 'a <img src=x onerror=alert(1)> and <b>bold</b> ', marked: false },
      { text: 'word', marked: true },
      { text: ' &amp;', marked: false },
    ]);
  });

  test('leaves a mark without its end as text', () => {
    expect(excerptParts('open <mark>never closed')).toEqual([
      { text: 'open <mark>never closed', marked: false },
    ]);
  });
});

describe('fill', () => {
  test('puts the count and the query into a status message', () => {
    expect(fill('{count} results for “{query}”.', { count: 3, query: 'care' })).toBe(
      '3 results for “care”.',
    );
  });
});
