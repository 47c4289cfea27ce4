import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Order } from './orders.js';

export const publicOrder = (o: Order) => ({
  id: o.id,
  idempotencyKey: o.idempotencyKey,
  reference: o.reference,
  status: o.status,
  amount: o.amount,
  code: o.code,
  createdAt: o.createdAt,
});

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function readJson(req: IncomingMessage, limit = 65_536): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return null;
  }
}
