// The media that content entries point to: each podcast episode's audio file
// exists and the build's measurements of it (src/lib/audio.ts, which feeds and
// players rely on) agree with an independent reading of its MPEG frames; the
// film's video and captions exist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { audioFacts } from '../../src/lib/audio.ts';

const root = join(import.meta.dirname, '..', '..');

type Frontmatter = Record<string, unknown>;

const readFrontmatter = (file: string): Frontmatter => {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`${file} has no frontmatter`);
  return parse(match[1]) as Frontmatter;
};

const entriesOf = (collection: string): string[] =>
  ['fr', 'en'].flatMap((locale) => {
    const folder = join(root, 'content', collection, locale);
    return existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
          .map((name) => join(folder, name))
      : [];
  });

const publicFile = (src: string): string => join(root, 'public', src);

const bitratesKbps = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
/** Sample rates by the header's two version bits (1 is reserved). */
const sampleRatesByVersion: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/**
 * Length of an MPEG Layer III file in seconds, summed frame by frame from the
 * headers, so that no external binary is needed. The Xing/Info frame some
 * encoders put first holds no audio and is not counted.
 */
const mp3DurationSeconds = (bytes: Uint8Array): number => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number): string =>
    at + length <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + length)) : '';
  let offset = 0;
  if (ascii(0, 3) === 'ID3') {
    const size =
      ((view.getUint8(6) & 0x7f) << 21) |
      ((view.getUint8(7) & 0x7f) << 14) |
      ((view.getUint8(8) & 0x7f) << 7) |
      (view.getUint8(9) & 0x7f);
    const hasFooter = (view.getUint8(5) & 0x10) !== 0;
    offset = 10 + size + (hasFooter ? 10 : 0);
  }
  let seconds = 0;
  let first = true;
  while (offset + 4 <= bytes.length) {
    if (ascii(offset, 3) === 'TAG') break;
    const header = view.getUint32(offset);
    const isLayer3Sync = header >>> 21 === 0x7ff && ((header >>> 17) & 0x3) === 1;
    const version = (header >>> 19) & 0x3;
    const bitrateIndex = (header >>> 12) & 0xf;
    const rateIndex = (header >>> 10) & 0x3;
    const sampleRate = sampleRatesByVersion[version]?.[rateIndex];
    const bitrate = (version === 3 ? bitratesKbps.mpeg1 : bitratesKbps.mpeg2)[bitrateIndex];
    if (!isLayer3Sync || sampleRate === undefined || !bitrate) {
      throw new Error(`no MPEG Layer III frame at byte ${offset}`);
    }
    const samples = version === 3 ? 1152 : 576;
    const padding = (header >>> 9) & 0x1;
    const frameLength = Math.floor(((samples / 8) * bitrate * 1000) / sampleRate) + padding;
    const mono = ((header >>> 6) & 0x3) === 3;
    const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
    const tag = ascii(offset + 4 + sideInfo, 4);
    if (!(first && (tag === 'Xing' || tag === 'Info'))) seconds += samples / sampleRate;
    first = false;
    offset += frameLength;
  }
  return seconds;
};

type Episode = { audio: string };
type Film = { video: { src: string }; captions: { src: string }[] };

describe('podcast episode audio', () => {
  const episodes = entriesOf('podcast');
  const measure = (file: string) =>
    audioFacts((readFrontmatter(file) as Episode).audio, { file, field: 'audio' });

  it('finds episodes to check', () => {
    expect(episodes.length).toBeGreaterThan(0);
  });

  it.each(episodes)('%s points to an MP3 file that exists in public/', (file) => {
    const { audio } = readFrontmatter(file) as Episode;

    const exists = existsSync(publicFile(audio));

    expect(exists).toBe(true);
    expect(audio).toMatch(/\.mp3$/);
  });

  it.each(episodes)('%s is measured at the exact byte size of its audio', async (file) => {
    const { audio } = readFrontmatter(file) as Episode;

    const facts = await measure(file);

    expect(facts.size).toBe(statSync(publicFile(audio)).size);
    expect(facts.type).toBe('audio/mpeg');
  });

  it.each(episodes)('%s is measured at its duration, rounded to the second', async (file) => {
    const { audio } = readFrontmatter(file) as Episode;

    const facts = await measure(file);
    const seconds = mp3DurationSeconds(readFileSync(publicFile(audio)));

    expect(Number.isInteger(facts.duration)).toBe(true);
    expect(facts.duration).toBe(Math.round(seconds));
  });
});

describe('film media', () => {
  const films = entriesOf('films');

  it('finds films to check', () => {
    expect(films.length).toBeGreaterThan(0);
  });

  it.each(films)('%s points to a video file that exists', (file) => {
    const { video } = readFrontmatter(file) as Film;

    const exists = existsSync(publicFile(video.src));

    expect(exists).toBe(true);
  });

  it.each(films)('%s has caption files that exist and are WebVTT', (file) => {
    const { captions } = readFrontmatter(file) as Film;

    const texts = captions.map(({ src }) => readFileSync(publicFile(src), 'utf8'));

    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.startsWith('WEBVTT')).toBe(true);
  });
});

describe('MP3 duration reader', () => {
  it('sums the frames of a constant bitrate stream and skips an ID3 tag', () => {
    // Two MPEG-2 Layer III mono frames at 40 kbit/s, 22.05 kHz: 130 bytes each.
    const frame = new Uint8Array(130);
    frame.set([0xff, 0xf3, 0x50, 0xc0]);
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 2, 0, 0]);
    const file = new Uint8Array([...id3, ...frame, ...frame]);

    const seconds = mp3DurationSeconds(file);

    expect(seconds).toBeCloseTo((2 * 576) / 22050, 6);
  });
});
