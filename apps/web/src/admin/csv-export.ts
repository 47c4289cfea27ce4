import { networkError, toApiError } from '../api/api-error';
import { routeUrl } from '../api/api-fetch';
import { tokenSource } from '../api/token-source';

export type ExportKind = 'referrals' | 'rewards';

/**
 * Downloads `GET /api/admin/export/<kind>.csv`. The export needs the bearer token, which a plain
 * link cannot send (the token lives in memory, not a cookie), so the file is fetched and handed
 * to the browser as a blob.
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
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `playloop-${kind}${campaignId ? `-${campaignId}` : ''}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
