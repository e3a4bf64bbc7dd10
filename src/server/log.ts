// A tiny structured logger. Its fields are a closed list of ids, codes and
// counts, so personal data (names, emails, free text) cannot be passed to it.

export interface LogFields {
  /** Application id (random, not personal). */
  id?: string;
  kind?: string;
  /** Short error or outcome code, e.g. "airtable_429". */
  code?: string;
  status?: number;
  count?: number;
  /** Items still waiting in the pending queue. */
  pending?: number;
  /** A training session's slug (public, in its page's URL). */
  slug?: string;
  /** A session's seats, as its trainer set them. */
  capacity?: number;
  ms?: number;
  /** Names of configuration variables, never their values. */
  variables?: readonly string[];
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Where lines go: the console by default, an array in tests. */
export type LogSink = (line: string, level: LogLevel) => void;

// Functions' stdout and stderr are the platform's logs; info goes to stdout.
const consoleSink: LogSink = (line, level) => {
  if (level === 'info') process.stdout.write(`${line}\n`);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
};

export function createLogger(
  sink: LogSink = consoleSink,
  now: () => Date = () => new Date(),
): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      sink(JSON.stringify({ time: now().toISOString(), level, event, ...fields }), level);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Error code safe to log: our own codes as they are, anything else by class name only. */
export function errorCode(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
  ) {
    return /^[\w.:-]{1,64}$/.test(error.code) ? error.code : 'invalid_code';
  }
  return error instanceof Error ? `unexpected_${error.name}` : 'unexpected';
}
