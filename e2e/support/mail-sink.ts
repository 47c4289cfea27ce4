import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * The mail relay of the e2e stack: a real SMTP server on loopback (standing in for the operator's
 * provider) that writes every message it accepts to `dir`, one file per message, named by its
 * recipient. Test workers are other processes; they read the files (`readMail`).
 */
export async function startMailSink(dir: string) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        for (const { address } of session.envelope.rcptTo)
          writeFileSync(path.join(dir, `${address}.${String(++count).padStart(4, '0')}.eml`), body);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Messages sent to `to` so far, oldest first, with quoted-printable encoding undone. */
export function readMail(dir: string, to: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(`${to}.`));
  } catch {
    return [];
  }
  return files.sort().map((f) =>
    readFileSync(path.join(dir, f), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}
