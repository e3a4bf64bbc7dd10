import { describe, expect, it } from 'vitest';
import { localDateTimeSchema, slugSchema } from '../../src/schemas/common.ts';

describe('common content fields', () => {
  it('accepts a lower-case hyphenated slug and refuses accents and spaces', () => {
    expect(slugSchema.safeParse('clinique-mobile').success).toBe(true);
    expect(slugSchema.safeParse('clinique mobile').success).toBe(false);
    expect(slugSchema.safeParse('défi').success).toBe(false);
  });

  it('accepts a local date-time without offset only', () => {
    expect(localDateTimeSchema.safeParse('2026-12-05T09:30').success).toBe(true);
    expect(localDateTimeSchema.safeParse('2026-12-05T09:30:00Z').success).toBe(false);
  });
});
