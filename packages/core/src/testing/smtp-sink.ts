import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  to: string[];
  /** The message as sent, with quoted-printable soft breaks and escapes undone. */
  body: string;
}

const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * A real SMTP server on loopback standing in for the operator's mail relay, the one third party
 * the verification flow talks to. It accepts every message and keeps it; with `dir`, it also
 * writes each one to a file named by its recipient, for readers in other processes (`readMail`).
 */
export async function startSmtpSink(opts: { dir?: string } = {}) {
  const messages: SinkMessage[] = [];
  if (opts.dir) mkdirSync(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address);
        messages.push({ to, body: decodeQuotedPrintable(raw) });
        if (opts.dir)
          for (const address of to)
            writeFileSync(
              path.join(opts.dir, `${address}.${String(messages.length).padStart(4, '0')}.eml`),
              raw,
            );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The `n`th message (0-based) to `to`, waiting up to `ms` for it. */
    async nthTo(to: string, n = 0, ms = 10_000): Promise<SinkMessage> {
      const until = Date.now() + ms;
      for (;;) {
        const found = messages.filter((m) => m.to.includes(to))[n];
        if (found) return found;
        if (Date.now() > until) throw new Error(`no message #${n} to ${to} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Bodies of the messages a sink with `dir` wrote for `to`, oldest first. */
export function readMail(dir: string, to: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(`${to}.`));
  } catch {
    return [];
  }
  return files.sort().map((f) => decodeQuotedPrintable(readFileSync(path.join(dir, f), 'utf8')));
}
