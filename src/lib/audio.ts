// What players and podcast apps need to know of an episode's audio file, measured
// from the file itself at build time so that nobody types (or mistypes) it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';

/** The audio formats an episode may use, by file extension. */
export const audioTypes = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
} as const;

export type AudioType = (typeof audioTypes)[keyof typeof audioTypes];

/** A short name of the format for people: "MP3". */
export const audioKind: Record<AudioType, string> = {
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/ogg': 'Ogg',
};

export interface AudioFacts {
  /** Root-relative URL of the file, as written in the episode: /audio/speak-out-01-fr.mp3. */
  src: string;
  /** MIME type, from the extension. */
  type: AudioType;
  /** Exact size in bytes (an RSS enclosure's `length`). */
  size: number;
  /** Length in whole seconds. */
  duration: number;
}

/** Who asks for the facts, named in the error when the file cannot be read. */
export interface AudioSource {
  /** The content file that points to the audio: content/podcast/fr/speak-out-01.mdx. */
  file: string;
  /** The field holding the path: "audio". */
  field: string;
}

/** The MIME type of an audio path, or undefined for an extension we do not publish. */
export function audioTypeOf(src: string): AudioType | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase() ?? '';
  return Object.hasOwn(audioTypes, extension)
    ? audioTypes[extension as keyof typeof audioTypes]
    : undefined;
}

// One measurement per file and version of it: a file replaced while `astro dev`
// runs has a new size or modification time, so it is measured again.
const durations = new Map<string, Promise<number>>();

async function durationOf(path: string, version: string): Promise<number> {
  const key = `${path}\n${version}`;
  let found = durations.get(key);
  if (found === undefined) {
    found = parseFile(path, { duration: true }).then(({ format }) => {
      if (format.duration === undefined || !Number.isFinite(format.duration)) {
        throw new Error('its duration cannot be read (is it an audio file?)');
      }
      return Math.round(format.duration);
    });
    durations.set(key, found);
  }
  return found;
}

/**
 * Size, duration and type of an audio file under `publicDir` (default: public/
 * of the project the build runs in). Throws an error naming the content file
 * and field when the file is missing, empty, of an unknown type or unreadable.
 */
export async function audioFacts(
  src: string,
  source: AudioSource,
  publicDir = join(process.cwd(), 'public'),
): Promise<AudioFacts> {
  const fail = (why: string): never => {
    throw new Error(`${source.file}, field "${source.field}": ${src} ${why}.`);
  };
  const type = audioTypeOf(src) ?? fail('is not an MP3, M4A, Ogg or Opus file');
  const path = join(publicDir, decodeURIComponent(src));
  const stats = await stat(path).catch(() =>
    fail(`is not in ${publicDir}: add the file there or correct the path`),
  );
  if (!stats.isFile() || stats.size === 0) fail('is empty or not a file');
  const duration = await durationOf(path, `${stats.size}:${stats.mtimeMs}`).catch(
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
  if (duration < 1) fail('lasts less than a second');
  return { src, type, size: stats.size, duration };
}
