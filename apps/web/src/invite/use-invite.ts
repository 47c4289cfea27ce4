import { useEffect, useState } from 'react';
import { routes, ZReferralCode, type TInvite } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';

export interface InviteState {
  invite: TInvite | null;
  error: ApiError | null;
  retry: () => void;
}

/** What the api says about an invite code; a code that cannot exist is not worth a request. */
export function useInvite(code: string): InviteState {
  const [invite, setInvite] = useState<TInvite | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setInvite(null);
    setError(null);
    if (!ZReferralCode.safeParse(code).success) {
      setError(new ApiError('INVITE_NOT_FOUND', 404, 'Not an invite code.'));
      return;
    }
    let cancelled = false;
    apiFetch(routes.invite, { params: { code } })
      .then((body) => !cancelled && setInvite(body))
      .catch((err: unknown) => {
        if (!cancelled)
          setError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
      });
    return () => {
      cancelled = true;
    };
  }, [code, attempt]);

  return { invite, error, retry: () => setAttempt((n) => n + 1) };
}
