import { routes } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { ApiError } from '../api/api-error';
import type { AuthBackend } from './auth-backend';

/**
 * Playloop's own auth. The refresh token lives in an httpOnly, SameSite=Strict cookie scoped to
 * /api/auth, which this code never sees; the short-lived access token stays in memory.
 */
export const playloopBackend: AuthBackend = {
  kind: 'playloop',

  resume() {
    return playloopBackend.refresh();
  },

  async signUp(body) {
    return apiFetch(routes.signup, { body });
  },

  async logIn(body) {
    return apiFetch(routes.login, { body });
  },

  async refresh() {
    try {
      return await apiFetch(routes.refresh);
    } catch (err) {
      // 401: no cookie, or it was revoked or reused. Anything else is trouble worth surfacing.
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },

  passwords: {
    async requestReset(email) {
      await apiFetch(routes.requestPasswordReset, { body: { email } });
    },
    reset(body) {
      return apiFetch(routes.resetPassword, { body });
    },
    change(body) {
      return apiFetch(routes.changePassword, { body });
    },
  },

  async logOut() {
    try {
      await apiFetch(routes.logout);
    } catch (err) {
      // Already signed out on the server: nothing left to revoke.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
  },
};
