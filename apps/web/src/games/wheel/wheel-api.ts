import { routes } from '@playloop/shared';
import { apiFetch } from '../../api/api-fetch';

/** The wheel's REST calls, typed and validated by the shared contract. */
export const wheelApi = {
  state: (campaignId: string) => apiFetch(routes.wheel, { params: { campaignId } }),
  setClientSeed: (campaignId: string, clientSeed: string) =>
    apiFetch(routes.wheelClientSeed, { params: { campaignId }, body: { clientSeed } }),
  rotateSeed: (campaignId: string) => apiFetch(routes.wheelRotateSeed, { params: { campaignId } }),
  claimDailySpin: (campaignId: string) =>
    apiFetch(routes.wheelDailySpin, { params: { campaignId } }),
  history: (campaignId: string) => apiFetch(routes.wheelSpins, { params: { campaignId } }),
  spin: (spinId: string) => apiFetch(routes.wheelSpin, { params: { spinId } }),
  campaigns: () => apiFetch(routes.campaigns),
};
