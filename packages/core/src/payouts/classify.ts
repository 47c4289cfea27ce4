import { parseRetryAfter, type TFailureCategory } from '@playloop/shared';
import { ProviderError, type PayoutOrder } from './provider.js';

/** Maps an HTTP answer that is not a success to its failure category. */
export function categoryForStatus(status: number, providerCode: string | null): TFailureCategory {
  if (status === 401 || status === 403) return 'authentication';
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'network_timeout';
  if (status >= 500) return 'server_error';
  if (status === 402 || status === 422 || providerCode === 'declined') return 'declined';
  return 'bad_request';
}

/** The error for a non-2xx provider answer, with `Retry-After` read into milliseconds. */
export function errorForResponse(
  status: number,
  body: unknown,
  retryAfter: string | null,
  now = Date.now(),
): ProviderError {
  const providerCode = readProviderCode(body);
  const category = categoryForStatus(status, providerCode);
  return new ProviderError(
    category,
    providerCode ?? `HTTP_${status}`,
    `provider answered ${status}${providerCode ? ` (${providerCode})` : ''}`,
    {
      httpStatus: status,
      retryAfterMs: parseRetryAfter(retryAfter, now),
    },
  );
}

/** No answer at all: our deadline passed (timeout) or the connection failed. Both may have reached the provider. */
export function errorForTransport(err: unknown): ProviderError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProviderError('network_timeout', 'TIMEOUT', 'provider did not answer in time', {
      cause: err,
    });
  }
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  return new ProviderError(
    'network_timeout',
    cause?.code ?? 'NETWORK_ERROR',
    'provider could not be reached',
    { cause: err },
  );
}

/** A fulfilled order for another amount than asked is refused: money may have moved, a person decides. */
export function checkAmount(
  order: PayoutOrder,
  amountCents: number,
  currency: string,
): ProviderError | null {
  if (order.amountCents === amountCents && order.currency === currency) return null;
  return new ProviderError(
    'amount_mismatch',
    'AMOUNT_MISMATCH',
    `provider recorded ${order.amountCents} ${order.currency}, payout is ${amountCents} ${currency}`,
    { order },
  );
}

function readProviderCode(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  ) {
    return (error as { code: string }).code.slice(0, 100);
  }
  return null;
}
