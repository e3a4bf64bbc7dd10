import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { audioFacts, audioTypeOf } from '../../../src/lib/audio.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const source = { file: 'content/podcast/fr/speak-out-09.mdx', field: 'audio' };

/** A public/ folder of its own, with an audio/ folder in it. */
function publicDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audio-facts-'));
  mkdirSync(join(dir, 'audio'));
  return dir;
}

describe('audioTypeOf', () => {
  test('names the MIME type of each accepted extension, whatever its case', () => {
    expect(audioTypeOf('/audio/a.mp3')).toBe('audio/mpeg');
    expect(audioTypeOf('/audio/a.M4A')).toBe('audio/mp4');
    expect(audioTypeOf('/audio/a.ogg')).toBe('audio/ogg');
    expect(audioTypeOf('/audio/a.opus')).toBe('audio/ogg');
  });

  test('knows no other extension', () => {
    expect(audioTypeOf('/audio/a.wav')).toBeUndefined();
    expect(audioTypeOf('/audio/mp3')).toBeUndefined();
    expect(audioTypeOf('/audio/a.toString')).toBeUndefined();
  });
});

describe('audioFacts', () => {
  test('measures the exact size and the whole seconds of an MP3', async () => {
    const dir = publicDir();
    copyFileSync(join(root, 'public/audio/speak-out-01-fr.mp3'), join(dir, 'audio/x.mp3'));

    const facts = await audioFacts('/audio/x.mp3', source, dir);

    // 53.2 s: the sample episode spoken by espeak-ng, measured once by ffprobe.
    expect(facts).toEqual({ src: '/audio/x.mp3', type: 'audio/mpeg', size: 266239, duration: 53 });
  });

  test('measures a file again once it has been replaced', async () => {
    const dir = publicDir();
    const target = join(dir, 'audio/x.mp3');
    copyFileSync(join(root, 'public/audio/speak-out-01-fr.mp3'), target);
    const before = await audioFacts('/audio/x.mp3', source, dir);

    copyFileSync(join(root, 'public/audio/speak-out-02-fr.mp3'), target);
    const after = await audioFacts('/audio/x.mp3', source, dir);

    expect(before.duration).toBe(53);
    expect(after).toMatchObject({ size: 241553, duration: 48 });
  });

  test('fails naming the episode file and field when the file is missing', async () => {
    const dir = publicDir();

    const measuring = audioFacts('/audio/missing.mp3', source, dir);

    await expect(measuring).rejects.toThrow(
      /^content\/podcast\/fr\/speak-out-09\.mdx, field "audio": \/audio\/missing\.mp3 is not in /,
    );
  });

  test('fails on a file that is not audio', async () => {
    const dir = publicDir();
    writeFileSync(join(dir, 'audio/notes.mp3'), 'these are not sounds');

    const measuring = audioFacts('/audio/notes.mp3', source, dir);

    await expect(measuring).rejects.toThrow(
      /speak-out-09\.mdx, field "audio": \/audio\/notes\.mp3/,
    );
  });

  test('fails on an empty file and on an extension it does not publish', async () => {
    const dir = publicDir();
    writeFileSync(join(dir, 'audio/empty.mp3'), '');

    await expect(audioFacts('/audio/empty.mp3', source, dir)).rejects.toThrow(/is empty/);
    await expect(audioFacts('/audio/a.wav', source, dir)).rejects.toThrow(/not an MP3/);
  });
});
