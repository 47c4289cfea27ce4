import { useEffect } from 'react';
import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import { forgetInvite, isDeadInviteError, readInvite } from '../invite/invite-storage';

/**
 * An invite still stored once the player is signed in was not sent with a Playloop sign-up: they
 * signed up through Supabase, or confirmed their email first. Name the inviter now (the api only
 * accepts it for new accounts, once), then forget the invite whatever the answer, except a
 * passing failure, which the next visit retries.
 */
export function useClaimStoredInvite(): void {
  useEffect(() => {
    const stored = readInvite();
    if (!stored) return;
    apiFetch(routes.attribute, {
      body: { code: stored.code },
      idempotencyKey: `attribute:${stored.code}:${stored.storedAt}`,
    })
      .then(() => forgetInvite())
      .catch((err: unknown) => {
        const isFinal =
          err instanceof ApiError &&
          (isDeadInviteError(err.code) ||
            err.code === 'CONFLICT' ||
            err.code === 'VALIDATION_FAILED');
        if (isFinal) forgetInvite();
      });
  }, []);
}
