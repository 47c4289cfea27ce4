import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYOUT_POLICY, isTransientCategory, ZPayoutPolicy } from './policy.js';

describe('the payout policy schema', () => {
  it('accepts the default', () => {
    expect(ZPayoutPolicy.parse(DEFAULT_PAYOUT_POLICY)).toEqual(DEFAULT_PAYOUT_POLICY);
  });

  it('only lets transient failures retry, and always escalates an amount mismatch', () => {
    const issues = (patch: object) =>
      ZPayoutPolicy.safeParse({ ...DEFAULT_PAYOUT_POLICY, ...patch }).error?.issues.map((i) =>
        i.path.join('.'),
      ) ?? [];
    expect(
      issues({
        actions: {
          ...DEFAULT_PAYOUT_POLICY.actions,
          authentication: 'retry',
          bad_request: 'retry',
        },
      }),
    ).toEqual(['actions.authentication', 'actions.bad_request']);
    expect(
      issues({ actions: { ...DEFAULT_PAYOUT_POLICY.actions, amount_mismatch: 'fail' } }),
    ).toEqual(['actions.amount_mismatch']);
    expect(issues({ providers: { acme: { secondary: 'acme' } } })).toEqual([
      'providers.acme.secondary',
    ]);
    expect(issues({ retry: { ...DEFAULT_PAYOUT_POLICY.retry, maxAttempts: 0 } })).toEqual([
      'retry.maxAttempts',
    ]);
  });

  it('knows which categories are transient', () => {
    expect(
      ['network_timeout', 'server_error', 'rate_limit'].every((c) =>
        isTransientCategory(c as never),
      ),
    ).toBe(true);
    expect(
      ['authentication', 'declined', 'bad_request', 'amount_mismatch'].some((c) =>
        isTransientCategory(c as never),
      ),
    ).toBe(false);
  });
});
