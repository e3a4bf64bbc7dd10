import { describe, expect, test } from 'vitest';
import { formatDuration, formatFileSize, isoDuration } from '../../../src/lib/format.ts';

describe('formatDuration', () => {
  test('writes seconds, minutes and hours as a listener reads them', () => {
    expect(formatDuration(53)).toBe('53 s');
    expect(formatDuration(720)).toBe('12 min');
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });
});

describe('isoDuration', () => {
  test('writes an ISO 8601 duration for machines', () => {
    expect(isoDuration(53)).toBe('PT53S');
    expect(isoDuration(725)).toBe('PT12M5S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(0)).toBe('PT0S');
  });
});

describe('formatFileSize', () => {
  test('uses French units and decimal comma in French', () => {
    expect(formatFileSize(263_496, 'fr')).toBe('263,5 ko');
    expect(formatFileSize(8_400_000, 'fr')).toBe('8,4 Mo');
  });

  test('uses English units and decimal point in English', () => {
    expect(formatFileSize(263_496, 'en')).toBe('263.5 kB');
    expect(formatFileSize(512, 'en')).toBe('512 B');
  });
});
