// The mailer on this machine, when Resend is not configured: every email is
// written to disk (JSON + HTML + text) and listed by the /api/outbox page.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  BatchEmail,
  BatchOutcome,
  EmailMessage,
  ExpiredItem,
  Mailer,
  RetentionCutoffs,
  RetentionPurge,
} from '../ports.ts';
import { safeName, sweepTempFiles, writeFileAtomic } from './atomic-file.ts';

/** What the outbox keeps of one email, besides its HTML and text bodies. */
export interface OutboxEntry {
  id: string;
  idempotencyKey: string;
  sentAt: string;
  from: string;
  to: string;
  subject: string;
  replyTo?: string;
  tags?: Record<string, string>;
  attachments: { filename: string; contentType: string; file: string; size: number }[];
}

export interface OutboxEmail extends OutboxEntry {
  html: string;
  text: string;
}

export class OutboxMailer implements Mailer, RetentionPurge {
  readonly #dir: string;
  readonly #from: string;
  readonly #now: () => Date;

  constructor(options: { dir: string; from?: string; now?: () => Date }) {
    this.#dir = options.dir;
    this.#from = options.from ?? 'outbox@localhost';
    this.#now = options.now ?? (() => new Date());
    mkdirSync(this.#dir, { recursive: true });
    sweepTempFiles(this.#dir);
  }

  async send(message: EmailMessage, options: { idempotencyKey: string }): Promise<{ id: string }> {
    // The id derives from the key, so a second send with the same key finds the first.
    const id = `out_${createHash('sha256').update(options.idempotencyKey).digest('hex').slice(0, 24)}`;
    if ((await this.read(id)) !== null) return { id };
    const attachments = await Promise.all(
      (message.attachments ?? []).map(async (a, i) => {
        const file = `${id}-${i}${extension(a.filename)}`;
        await writeFileAtomic(join(this.#dir, file), a.content);
        return {
          filename: a.filename,
          contentType: a.contentType,
          file,
          size: a.content.byteLength,
        };
      }),
    );
    await writeFileAtomic(join(this.#dir, `${id}.html`), message.html);
    await writeFileAtomic(join(this.#dir, `${id}.txt`), message.text);
    const entry: OutboxEntry = {
      id,
      idempotencyKey: options.idempotencyKey,
      sentAt: this.#now().toISOString(),
      from: this.#from,
      to: message.to,
      subject: message.subject,
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
      ...(message.tags === undefined ? {} : { tags: message.tags }),
      attachments,
    };
    // The JSON file is written last: its presence means the email is complete.
    await writeFileAtomic(join(this.#dir, `${id}.json`), JSON.stringify(entry, null, 2));
    return { id };
  }

  /**
   * A batch is its emails, each kept under its own key: a repeated batch finds
   * them all. (Resend keys the batch instead; the outbox refuses nothing.)
   */
  async sendBatch(emails: readonly BatchEmail[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for (const { message, idempotencyKey } of emails)
      outcomes.push(await this.send(message, { idempotencyKey }));
    return outcomes;
  }

  /** Every email in the outbox, newest first. */
  async list(): Promise<OutboxEntry[]> {
    const names = (await readdir(this.#dir)).filter(
      (n) => n.endsWith('.json') && !n.startsWith('.'),
    );
    const entries = await Promise.all(names.map((n) => this.#entry(n.slice(0, -'.json'.length))));
    return entries
      .filter((e): e is OutboxEntry => e !== null)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id));
  }

  /** One email with its bodies, or null if there is none with that id. */
  async read(id: string): Promise<OutboxEmail | null> {
    if (!/^out_[0-9a-f]{24}$/.test(id)) return null;
    const entry = await this.#entry(id);
    if (entry === null) return null;
    const [html, text] = await Promise.all([
      readFile(join(this.#dir, `${id}.html`), 'utf8'),
      readFile(join(this.#dir, `${id}.txt`), 'utf8'),
    ]);
    return { ...entry, html, text };
  }

  /** Emails sent before the local outbox's cutoff: it stands in for Resend's logs, which expire too. */
  async expired(cutoffs: RetentionCutoffs): Promise<ExpiredItem[]> {
    return (await this.list())
      .filter((entry) => entry.sentAt < cutoffs.localOutbox)
      .reverse()
      .map((entry) => ({ place: 'local outbox', id: entry.id, ref: entry.id }));
  }

  /** Deletes each email with its bodies and attachments; its JSON file last, as send() wrote it. */
  async purge(items: readonly ExpiredItem[]): Promise<number> {
    let count = 0;
    for (const item of items) {
      const entry = /^out_[0-9a-f]{24}$/.test(item.ref) ? await this.#entry(item.ref) : null;
      if (entry === null) continue;
      for (const file of [
        ...entry.attachments.map((a) => basename(a.file)),
        `${entry.id}.html`,
        `${entry.id}.txt`,
        `${entry.id}.json`,
      ]) {
        await rm(join(this.#dir, file), { force: true });
      }
      count += 1;
    }
    return count;
  }

  /** The bytes of an email's attachment, by its position in the email. */
  async attachment(
    id: string,
    index: number,
  ): Promise<{ content: Uint8Array; contentType: string; filename: string } | null> {
    if (!/^out_[0-9a-f]{24}$/.test(id)) return null;
    const a = (await this.#entry(id))?.attachments[index];
    if (a === undefined) return null;
    // The file name was made by send() from the id, never from the message.
    const content = await readFile(join(this.#dir, basename(a.file)));
    return { content, contentType: a.contentType, filename: a.filename };
  }

  async #entry(id: string): Promise<OutboxEntry | null> {
    try {
      return JSON.parse(
        await readFile(join(this.#dir, `${safeName(id)}.json`), 'utf8'),
      ) as OutboxEntry;
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
        return null;
      throw error;
    }
  }
}

/** A short, safe extension for an attachment file, e.g. ".ics". */
const extension = (filename: string) =>
  /\.[a-z0-9]{1,8}$/i.exec(filename)?.[0].toLowerCase() ?? '.bin';
