import { z } from 'zod';
import { ZLoginBody, ZMeResponse, ZOkResponse, ZSession, ZSignupBody } from '../auth/schemas.js';
import { ZCampaignList } from '../campaigns/schemas.js';
import { ZNotificationList } from '../notifications/schemas.js';
import { ZWalletResponse } from '../ledger/schemas.js';
import {
  ZAccepted, ZAttributeBody, ZCustomEventBody, ZFlaggedList, ZInvite, ZLeaderboard, ZMyLink, ZMyLinkQuery, ZReferralList, ZReviewBody, ZReviewResult,
} from '../referrals/schemas.js';

export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path (`/api/things/:id`); the OpenAPI document rewrites params. */
  path: string;
  summary: string;
  tag: string;
  /** `access`: a bearer access token; `refresh`: the httpOnly refresh cookie; `apiKey`: X-Api-Key; `none`: public. */
  auth: 'none' | 'access' | 'refresh' | 'apiKey';
  /** Roles allowed (admin always is); absent: any signed-in user. */
  roles?: readonly ('marketing' | 'support')[];
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Status of the success response. */
  status?: number;
}

export const ZPublicConfig = z.object({
  realtimeUrl: z.string(),
  supabase: z.object({ url: z.string(), anonKey: z.string() }).nullable(),
});
export type TPublicConfig = z.infer<typeof ZPublicConfig>;

/**
 * Every REST route the api serves. The api mounts handlers against these entries and the
 * OpenAPI document is generated from them, so the contract cannot drift from the code.
 */
export const routes = {
  signup: { method: 'post', path: '/api/auth/signup', summary: 'Create an account and sign in', tag: 'auth', auth: 'none', body: ZSignupBody, response: ZSession, status: 201 },
  login: { method: 'post', path: '/api/auth/login', summary: 'Sign in with email and password', tag: 'auth', auth: 'none', body: ZLoginBody, response: ZSession },
  refresh: { method: 'post', path: '/api/auth/refresh', summary: 'Rotate the refresh cookie and get a new access token', tag: 'auth', auth: 'refresh', response: ZSession },
  logout: { method: 'post', path: '/api/auth/logout', summary: 'Revoke the refresh token family and clear the cookie', tag: 'auth', auth: 'refresh', response: ZOkResponse },
  me: { method: 'get', path: '/api/me', summary: 'The signed-in user', tag: 'auth', auth: 'access', response: ZMeResponse },
  notifications: { method: 'get', path: '/api/notifications', summary: "The signed-in user's latest notifications", tag: 'notifications', auth: 'access', response: ZNotificationList },
  campaigns: { method: 'get', path: '/api/campaigns', summary: 'Campaigns open to players', tag: 'campaigns', auth: 'none', response: ZCampaignList },
  invite: { method: 'get', path: '/api/invites/:code', summary: 'What an invite landing shows: who invited you and what you both get', tag: 'referrals', auth: 'none', response: ZInvite },
  myLink: { method: 'get', path: '/api/referrals/link', summary: "The signed-in player's invite link for a campaign", tag: 'referrals', auth: 'access', query: ZMyLinkQuery, response: ZMyLink },
  myReferrals: { method: 'get', path: '/api/referrals', summary: 'Friends you invited and where each stands', tag: 'referrals', auth: 'access', response: ZReferralList },
  attribute: { method: 'post', path: '/api/referrals/attribute', summary: 'Name who invited you (new accounts only, once)', tag: 'referrals', auth: 'access', body: ZAttributeBody, response: ZAccepted, status: 202 },
  customEvent: { method: 'post', path: '/api/referrals/events', summary: 'Server-to-server custom qualification event', tag: 'referrals', auth: 'apiKey', body: ZCustomEventBody, response: ZAccepted, status: 202 },
  wallet: { method: 'get', path: '/api/wallet', summary: 'Balances and ledger history of the signed-in player', tag: 'wallet', auth: 'access', response: ZWalletResponse },
  leaderboard: { method: 'get', path: '/api/leaderboards/:campaignId', summary: 'Top ten of a campaign and your own rank', tag: 'referrals', auth: 'access', response: ZLeaderboard },
  flaggedReferrals: { method: 'get', path: '/api/review/referrals', summary: 'Flagged referrals with fraud evidence', tag: 'review', auth: 'access', roles: ['marketing', 'support'], response: ZFlaggedList },
  reviewReferrals: { method: 'post', path: '/api/review/referrals', summary: 'Approve or reject flagged referrals', tag: 'review', auth: 'access', roles: ['marketing', 'support'], body: ZReviewBody, response: ZReviewResult },
  publicConfig: { method: 'get', path: '/api/config', summary: 'Runtime configuration for the SPA', tag: 'meta', auth: 'none', response: ZPublicConfig },
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof routes;
