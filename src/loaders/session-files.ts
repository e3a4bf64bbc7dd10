// Reading the sessions kept as files (content/sessions/*.yaml or *.json), the
// source of the site when Airtable is not configured.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { SessionCandidate } from './validate-sessions.ts';

const sessionFile = /\.(ya?ml|json)$/;

/** One candidate per file of `dir`, in file name order; `root` makes the paths in messages short. */
export async function readSessionFiles(dir: string, root: string): Promise<SessionCandidate[]> {
  const names = (await readdir(dir)).filter((name) => sessionFile.test(name)).sort();
  const candidates: SessionCandidate[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(root, path);
    try {
      const data: unknown = parseFile(await readFile(path, 'utf8'), extname(name));
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        problems.push(`${shown}: should hold the fields of one session (key: value lines)`);
        continue;
      }
      candidates.push({ source: shown, input: data as Record<string, unknown>, filePath: shown });
    } catch (error) {
      problems.push(`${shown}: ${syntaxProblem(error)}`);
    }
  }
  if (problems.length > 0)
    throw new Error(`Session files that cannot be read:\n${problems.join('\n')}`);
  return candidates;
}

/** YAML 1.2 (the core schema): "2027-01-16T09:30" stays text, as the schema expects. */
const parseFile = (text: string, extension: string): unknown =>
  extension === '.json' ? JSON.parse(text) : parse(text);

function syntaxProblem(error: unknown): string {
  if (error instanceof YAMLParseError) {
    const line = error.linePos?.[0].line;
    return `not valid YAML${line === undefined ? '' : ` (line ${line})`}: ${error.code}`;
  }
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  throw error;
}
