import { networkError, toApiError } from '../api/api-error';
import { routeUrl } from '../api/api-fetch';
import { saveBlob } from '../api/save-file';
import { tokenSource } from '../api/token-source';

export type ExportKind = 'referrals' | 'rewards';

/**
 * Downloads `GET /api/admin/export/<kind>.csv` (fetched with the bearer token, then saved).
 */
export async function downloadCsv(kind: ExportKind, campaignId?: string): Promise<void> {
  const url = routeUrl(`/api/admin/export/${kind}.csv`, {}, { campaignId });
  const send = (token: string | null) =>
    window
      .fetch(url, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        credentials: 'same-origin',
      })
      .catch((err: unknown) => {
        throw networkError(err);
      });
  let res = await send(tokenSource().getAccessToken());
  if (res.status === 401) {
    const fresh = await tokenSource().refreshAccessToken();
    if (!fresh) throw await toApiError(res);
    res = await send(fresh);
  }
  if (!res.ok) throw await toApiError(res);
  saveBlob(await res.blob(), `playloop-${kind}${campaignId ? `-${campaignId}` : ''}.csv`);
}
