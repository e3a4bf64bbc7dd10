// Use-case dependencies made of the in-memory ports, and a logger that keeps its lines.
import type { AppDeps } from '../../src/server/applications/deps.ts';
import { createLogger } from '../../src/server/log.ts';
import {
  FakeClock,
  MemoryErasureLog,
  MemoryMailer,
  MemoryQueue,
  MemoryStore,
} from './memory-ports.ts';

export interface TestDeps extends AppDeps {
  store: MemoryStore;
  mailer: MemoryMailer;
  queue: MemoryQueue;
  erasures: MemoryErasureLog;
  clock: FakeClock;
  /** Every log line written, as JSON text. */
  logLines: string[];
}

export function testDeps(overrides: Partial<AppDeps> = {}): TestDeps {
  const clock = new FakeClock();
  const logLines: string[] = [];
  let n = 0;
  return {
    store: new MemoryStore(),
    mailer: new MemoryMailer(),
    queue: new MemoryQueue(),
    erasures: new MemoryErasureLog(),
    clock,
    log: createLogger(
      (line) => logLines.push(line),
      () => new Date(clock.now()),
    ),
    logLines,
    siteUrl: 'https://calais.example.org',
    coordinatorEmail: 'coordination@example.org',
    signingSecret: 'test-secret-test-secret-test-secret-0123',
    upcomingSessions: () => Promise.resolve([]),
    newId: () => `app_test-${String(++n).padStart(4, '0')}`,
    ...overrides,
  } as TestDeps;
}
