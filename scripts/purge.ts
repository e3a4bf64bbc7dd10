// `npm run purge -- --dry-run`: lists what has outlived the retention periods
// of the privacy page (src/lib/retention.ts), wherever the configuration in
// the environment (or .env) keeps it: the local adapters, or Airtable. Without
// --dry-run it deletes it, as the daily scheduled function `purge-expired` does.
// Prints counts and ids only, never a name or an address.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/server/config.ts';
import { createLogger } from '../src/server/log.ts';
import { purgeExpired, type PurgeReport } from '../src/server/purge.ts';
import { systemClock, type Clock } from '../src/server/retry.ts';
import { createServices } from '../src/server/services.ts';

export interface PurgeArgs {
  dryRun: boolean;
  /** The instant to purge as of (a fixed clock, to see what a later day would delete). */
  now?: Date;
}

export const usage = [
  'Usage: npm run purge -- [--dry-run] [--now=2027-06-01T00:00:00Z]',
  '  --dry-run   list what is past its retention period; delete nothing',
  '  --now=ISO   purge as of this instant instead of now',
  'Uses the same environment as the functions (.env is read): the local store in',
  'LOCAL_DATA_DIR (default .data) or, with AIRTABLE_API_KEY and AIRTABLE_BASE_ID, Airtable.',
];

export function parsePurgeArgs(argv: readonly string[]): PurgeArgs | { error: string } {
  const args: PurgeArgs = { dryRun: false };
  for (const arg of argv) {
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg.startsWith('--now=')) {
      const now = new Date(arg.slice('--now='.length));
      if (Number.isNaN(now.getTime())) return { error: `not a date: ${arg}` };
      args.now = now;
    } else return { error: `unknown option: ${arg}` };
  }
  return args;
}

export function formatPurgeReport(report: PurgeReport): string[] {
  const c = report.cutoffs;
  const lines = [
    report.dryRun
      ? `Retention purge as of ${c.now}: dry run, nothing is deleted.`
      : `Retention purge as of ${c.now}.`,
    `  applications last contacted before ${c.applications}`,
    `  suspected spam sent before ${c.suspectedSpam}`,
    `  registrations for sessions before ${c.registrations}`,
    `  pending applications sent before ${c.pending}`,
    `  local outbox emails sent before ${c.localOutbox}`,
    `  erasure records past their date`,
  ];
  for (const place of report.places) {
    const verb = report.dryRun ? 'would go' : `deleted ${String(place.deleted)}`;
    lines.push(`${place.place}: ${String(place.ids.length)} ${verb}`);
    for (const id of place.ids) lines.push(`  ${id}`);
  }
  if (report.places.length === 0) lines.push('Nothing is past its retention period.');
  for (const code of report.failures) lines.push(`✗ failed: ${code} (tried again next run)`);
  return lines;
}

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const args = parsePurgeArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`✗ ${args.error}`);
    for (const line of usage) console.error(line);
    return 2;
  }
  // Log lines (ids and counts) go to stderr, the report to stdout.
  const log = createLogger((line) => process.stderr.write(`${line}\n`));
  const services = createServices(loadConfig(), log);
  const at = args.now;
  const clock: Clock = at === undefined ? systemClock : { ...systemClock, now: () => at.getTime() };
  const report = await purgeExpired(
    { places: services.retention, clock, log },
    { dryRun: args.dryRun },
  );
  for (const line of formatPurgeReport(report)) console.log(line);
  return report.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
