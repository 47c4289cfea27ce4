import { createAuthenticatorFromEnv, type Pool } from '@playloop/core';
import type { RealtimeConfig } from '../config.js';
import type { Authenticate } from '../types.js';

/**
 * Token → principal through core's authenticator, exactly as the api does: Playloop tokens cost
 * no I/O; a Supabase token's subject is mapped to (and on first sight provisioned as) a Playloop user.
 */
export function createAuthenticate(config: RealtimeConfig, pool: Pool): Authenticate {
  return createAuthenticatorFromEnv(config, pool);
}
