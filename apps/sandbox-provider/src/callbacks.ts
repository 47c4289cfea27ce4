import { createHmac, randomBytes } from 'node:crypto';
import type { Order } from './orders.js';

export type CallbackType = 'order.processing' | 'order.fulfilled' | 'order.failed';

export interface SentCallback {
  event: { id: string; type: CallbackType; createdAt: string; data: Record<string, unknown> };
  body: string;
  signature: string;
  status: number | null;
}

const sign = (secret: string, body: string) => {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
};

/**
 * Posts signed order events to the configured callback URL, a few times with backoff if it does
 * not answer 2xx, and keeps every event sent so tests can replay them.
 */
export class CallbackSender {
  readonly sent: SentCallback[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly opts: {
      url: string | null;
      secret: string;
      log: (line: Record<string, unknown>) => void;
    },
  ) {}

  send(type: CallbackType, order: Order, failureCode?: string, copies = 1): void {
    if (!this.opts.url) return;
    const event = {
      id: `evt_${randomBytes(10).toString('hex')}`,
      type,
      createdAt: new Date().toISOString(),
      data: {
        orderId: order.id,
        idempotencyKey: order.idempotencyKey,
        reference: order.reference,
        status: order.status,
        amount: order.amount,
        code: order.code,
        ...(failureCode ? { failureCode } : {}),
      },
    };
    const body = JSON.stringify(event);
    for (let i = 0; i < copies; i++) {
      const record: SentCallback = {
        event,
        body,
        signature: sign(this.opts.secret, body),
        status: null,
      };
      this.sent.push(record);
      void this.deliver(record, 0);
    }
  }

  after(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  private async deliver(record: SentCallback, attempt: number): Promise<void> {
    try {
      const res = await fetch(this.opts.url as string, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': sign(this.opts.secret, record.body),
        },
        body: record.body,
        signal: AbortSignal.timeout(5_000),
      });
      record.status = res.status;
      await res.body?.cancel();
      if (res.ok || attempt >= 4) return;
    } catch (err) {
      if (attempt >= 4) {
        this.opts.log({
          msg: 'callback not delivered',
          eventId: record.event.id,
          err: (err as Error).message,
        });
        return;
      }
    }
    this.after(200 * 2 ** attempt, () => void this.deliver(record, attempt + 1));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
