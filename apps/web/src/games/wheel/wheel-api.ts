import { routes, type RouteContract } from '@playloop/shared';
import { apiFetch } from '../../api/api-fetch';

/** The contract's route with its `:params` filled in (encoded), everything else unchanged. */
function at<R extends RouteContract>(route: R, params: Record<string, string>): R {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return { ...route, path };
}

/** The wheel's REST calls, typed and validated by the shared contract. */
export const wheelApi = {
  state: (campaignId: string) => apiFetch(at(routes.wheel, { campaignId })),
  setClientSeed: (campaignId: string, clientSeed: string) =>
    apiFetch(at(routes.wheelClientSeed, { campaignId }), { body: { clientSeed } }),
  rotateSeed: (campaignId: string) => apiFetch(at(routes.wheelRotateSeed, { campaignId })),
  claimDailySpin: (campaignId: string) => apiFetch(at(routes.wheelDailySpin, { campaignId })),
  history: (campaignId: string) => apiFetch(at(routes.wheelSpins, { campaignId })),
  spin: (spinId: string) => apiFetch(at(routes.wheelSpin, { spinId })),
  campaigns: () => apiFetch(routes.campaigns),
};
