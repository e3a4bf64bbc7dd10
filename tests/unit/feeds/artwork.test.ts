import { expect, test } from 'vitest';
import { artworkProblem } from '../../../src/schemas/podcast-show.ts';

test('accepts a square JPEG or PNG of 1,400 to 3,000 pixels a side', () => {
  expect(artworkProblem({ width: 1400, height: 1400, format: 'png' })).toBeUndefined();
  expect(artworkProblem({ width: 3000, height: 3000, format: 'jpg' })).toBeUndefined();
});

test('names what is wrong with any other picture', () => {
  expect(artworkProblem({ width: 1400, height: 1200, format: 'png' })).toMatch(/not square/);
  expect(artworkProblem({ width: 1000, height: 1000, format: 'png' })).toMatch(/1400 to 3000/);
  expect(artworkProblem({ width: 3200, height: 3200, format: 'png' })).toMatch(/1400 to 3000/);
  expect(artworkProblem({ width: 1400, height: 1400, format: 'webp' })).toMatch(/not JPEG or PNG/);
});
