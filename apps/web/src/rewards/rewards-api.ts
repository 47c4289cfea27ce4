import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';

/** The shop's REST calls, typed and validated by the shared contract. */
export const rewardsApi = {
  catalogue: (campaignId: string) => apiFetch(routes.rewardCatalogue, { query: { campaignId } }),
  /** The key makes the call safe to repeat: a retried redemption returns the first one, never a second. */
  redeem: (itemId: string, idempotencyKey: string) =>
    apiFetch(routes.redeemReward, { params: { itemId }, idempotencyKey }),
  mine: () => apiFetch(routes.myRewards),
};

/** A fresh key per redemption intent (not per HTTP attempt: retries reuse it). */
export function newIdempotencyKey(): string {
  return `web-${globalThis.crypto.randomUUID()}`;
}
