import { useEffect, useState } from 'react';
import { routes, type TPublicCampaign } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';

export interface ActiveCampaign {
  /** Running campaigns, oldest first (the list's order). */
  campaigns: TPublicCampaign[];
  campaign: TPublicCampaign | null;
  select: (campaignId: string) => void;
  isLoading: boolean;
  error: ApiError | null;
  retry: () => void;
}

/**
 * The campaign whose invite link and leaderboard the player sees: the one they picked (or was
 * named in the URL), else the first running one. Campaigns change rarely, so no live updates.
 */
export function useActiveCampaign(preferredId: string | null = null): ActiveCampaign {
  const [campaigns, setCampaigns] = useState<TPublicCampaign[]>([]);
  const [picked, setPicked] = useState<string | null>(preferredId);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    apiFetch(routes.campaigns)
      .then((body) => {
        if (cancelled) return;
        setCampaigns(body.campaigns.filter((c) => c.status === 'active'));
        setError(null);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
      })
      .finally(() => !cancelled && setIsLoading(false));
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const campaign = campaigns.find((c) => c.id === picked) ?? campaigns[0] ?? null;
  const retry = () => {
    setIsLoading(true);
    setAttempt((n) => n + 1);
  };
  return { campaigns, campaign, select: setPicked, isLoading, error, retry };
}
