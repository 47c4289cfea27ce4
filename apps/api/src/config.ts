import { z } from 'zod';
import { envHelpers, parseEnv, ZCommonEnv, ZPayoutsEnv } from '@playloop/core';
import { admissionEnvShape } from './admission/config.js';

export const ZApiEnv = ZCommonEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Origins allowed to call the api from a browser (CORS and the Origin check on writes). */
  CORS_ORIGINS: envHelpers.csv.default(['http://localhost:3000', 'http://localhost:5173']),
  /** Where players open the app; invite links are built on it. */
  PUBLIC_APP_URL: z.url().default('http://localhost:3000'),
  /** The Socket.IO URL the SPA should connect to. */
  PUBLIC_REALTIME_URL: z.url().default('http://localhost:3001'),
  /** Serve the built SPA from here (one origin for SPA and api). Unset: api only. */
  WEB_DIST_DIR: z.string().optional(),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** Secure cookies; defaults to on in production. */
  COOKIE_SECURE: envHelpers.boolish.optional(),
  /** Express `trust proxy` (hops). 1 behind one OpenShift router. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Waiting room, per-route-class rate limits and load shedding: see admission/config.ts. */
  ...admissionEnvShape,
  ...ZPayoutsEnv.shape,
});
export type ApiConfig = z.infer<typeof ZApiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ZApiEnv, env);
}

export function isSecureCookies(cfg: ApiConfig): boolean {
  return cfg.COOKIE_SECURE ?? cfg.NODE_ENV === 'production';
}
