import { useCallback } from 'react';
import type { TRewardCatalogue } from '@playloop/shared';
import { useResynced, type Resynced } from '../referrals/use-resynced';
import { rewardsApi } from './rewards-api';

/** A campaign's shop, re-read after every (re)connect and whenever the caller asks (after a redemption). */
export function useCatalogue(campaignId: string | null): Resynced<TRewardCatalogue> {
  const load = useCallback(() => rewardsApi.catalogue(campaignId as string), [campaignId]);
  return useResynced<TRewardCatalogue>(campaignId ? `catalogue:${campaignId}` : null, load);
}
