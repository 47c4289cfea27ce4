import { describe, expect, it } from 'vitest';
import { categoryForStatus, checkAmount, errorForResponse, errorForTransport } from './classify.js';

describe('failure classification', () => {
  it.each([
    [401, null, 'authentication'],
    [403, null, 'authentication'],
    [429, null, 'rate_limit'],
    [408, null, 'network_timeout'],
    [500, null, 'server_error'],
    [502, null, 'server_error'],
    [503, null, 'server_error'],
    [504, null, 'server_error'],
    [402, null, 'declined'],
    [422, null, 'declined'],
    [400, 'declined', 'declined'],
    [400, null, 'bad_request'],
    [409, null, 'bad_request'],
    [404, null, 'bad_request'],
  ] as const)('HTTP %i (%s) is %s', (status, code, category) => {
    expect(categoryForStatus(status, code)).toBe(category);
  });

  it('reads Retry-After and the provider code', () => {
    const err = errorForResponse(429, { error: { code: 'slow_down' } }, '3');
    expect(err).toMatchObject({
      category: 'rate_limit',
      code: 'slow_down',
      httpStatus: 429,
      retryAfterMs: 3_000,
      transient: true,
    });
    expect(errorForResponse(500, 'oops', null)).toMatchObject({
      code: 'HTTP_500',
      retryAfterMs: null,
      transient: true,
    });
    expect(errorForResponse(402, {}, null).transient).toBe(false);
  });

  it('treats a missed deadline and a failed connection as network timeouts (the call may have landed)', () => {
    expect(
      errorForTransport(Object.assign(new Error('x'), { name: 'TimeoutError' })),
    ).toMatchObject({ category: 'network_timeout', code: 'TIMEOUT' });
    expect(
      errorForTransport(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    ).toMatchObject({ category: 'network_timeout', code: 'ECONNREFUSED' });
  });

  it('refuses an order for another amount or currency', () => {
    const order = {
      orderId: 'o',
      idempotencyKey: 'k',
      reference: null,
      status: 'fulfilled' as const,
      amountCents: 1_000,
      currency: 'EUR',
      code: null,
      createdAt: null,
    };
    expect(checkAmount(order, 1_000, 'EUR')).toBeNull();
    expect(checkAmount(order, 999, 'EUR')).toMatchObject({
      category: 'amount_mismatch',
      transient: false,
    });
    expect(checkAmount(order, 1_000, 'USD')).toMatchObject({ category: 'amount_mismatch' });
  });
});
