// `npm run bench -- --stories=N`: how the build scales with the staff's archive.
// Copies the project to a temporary folder, adds N synthetic stories per
// language (the shipped stories' bodies under new names, dates and themes),
// builds it, then builds a bare Astro project (MDX integration, one page per
// story, nothing else) over the same story files, and prints both times and
// their ratio. Nothing in the working copy changes.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const root = join(import.meta.dirname, '..');
/** What a copy of the project does not need (or must not share). */
const skipped = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  '.data',
  '.netlify',
  'test-results',
]);

interface Timing {
  seconds: number;
  pages: number;
}

function build(dir: string): Timing {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    process.stderr.write(run.stdout.slice(-4000) + run.stderr.slice(-4000));
    throw new Error(`astro build failed in ${dir}`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? 0);
  return { seconds, pages };
}

/** The shipped stories of a language, as [file name, text]. */
const shipped = (locale: string): [string, string][] =>
  readdirSync(join(root, 'content/stories', locale))
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => [name, readFileSync(join(root, 'content/stories', locale, name), 'utf8')]);

/** N stories per language derived from the shipped ones: new file key, slug, date and a few themes. */
function syntheticStories(count: number): Map<string, string> {
  const files = new Map<string, string>();
  for (const locale of ['fr', 'en']) {
    const models = shipped(locale);
    for (let n = 0; n < count; n++) {
      const [name, text] = models[n % models.length] ?? ['', ''];
      const key = `bench-${String(n).padStart(5, '0')}`;
      const day = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const data = parse(frontmatter) as Record<string, unknown>;
      const story = `---\n${stringify({
        ...data,
        title: `${String(data['title'])} (${String(n)})`,
        slug: `${key}-${name.replace(/\.mdx$/, '')}`,
        date: day,
        tags: [...(data['tags'] as string[]), `theme-${String(n % 40)}`],
      })}---\n${body}`;
      files.set(`${locale}/${key}.mdx`, story);
    }
  }
  return files;
}

function writeStories(contentDir: string, files: Map<string, string>) {
  for (const [path, text] of files) {
    mkdirSync(join(contentDir, path, '..'), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
}

/** A bare Astro project: MDX, one collection, one page per story, the same files. */
function bareProject(dir: string, files: Map<string, string>) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n",
  );
  mkdirSync(join(dir, 'src/pages/stories'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      'export const collections = {',
      "  stories: defineCollection({ loader: glob({ base: './content/stories', pattern: '{fr,en}/*.mdx', generateId: ({ entry }) => entry.replace(/\\.mdx$/, '') }), schema: z.object({ title: z.string() }).passthrough() }),",
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src/pages/stories/[...id].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('stories')).map((story) => ({ params: { id: story.id }, props: { story } }));",
      '}',
      'const { story } = Astro.props;',
      'const { Content } = await render(story);',
      '---',
      '<html lang="en"><head><title>{story.data.title}</title></head><body><h1>{story.data.title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
  const stories = join(dir, 'content/stories');
  for (const locale of ['fr', 'en']) {
    for (const [name, text] of shipped(locale)) {
      mkdirSync(join(stories, locale), { recursive: true });
      writeFileSync(join(stories, locale, name), text);
    }
  }
  writeStories(stories, files);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/** The two projects of the comparison, in a new temporary folder (the caller removes it). */
export function prepareProjects(count: number) {
  const work = mkdtempSync(join(tmpdir(), 'mdm-bench-stories-'));
  const project = join(work, 'project');
  cpSync(root, project, {
    recursive: true,
    filter: (source) => !skipped.has(source.slice(root.length + 1).split('/')[0] ?? ''),
  });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  const files = syntheticStories(count);
  writeStories(join(project, 'content/stories'), files);
  const bare = join(work, 'bare');
  mkdirSync(bare);
  bareProject(bare, files);
  return { work, project, bare, files };
}

export function benchStories(count: number): void {
  const { work, project, bare, files } = prepareProjects(count);
  try {
    const ours = build(project);
    const theirs = build(bare);

    const rows: [string, string][] = [
      [
        'stories',
        `${String(count)} synthetic per language, ${String(files.size + shipped('fr').length * 2)} story files in all`,
      ],
      ['this project', `${ours.seconds.toFixed(1)} s, ${String(ours.pages)} pages`],
      ['bare Astro + MDX', `${theirs.seconds.toFixed(1)} s, ${String(theirs.pages)} pages`],
      ['ratio', `${(ours.seconds / theirs.seconds).toFixed(2)} (bar: 1.5)`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
