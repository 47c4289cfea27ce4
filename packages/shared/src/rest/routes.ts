import { z } from 'zod';
import {
  ZAdmissionSettingsBody,
  ZAdmissionState,
  ZWaitingRoomJoinBody,
  ZWaitingRoomStatus,
} from '../admission/schemas.js';
import { ZCampaignList } from '../campaigns/schemas.js';
import { ZNotificationList } from '../notifications/schemas.js';
import { ZWalletResponse } from '../ledger/schemas.js';
import {
  ZAccepted,
  ZAttributeBody,
  ZCustomEventBody,
  ZFlaggedList,
  ZInvite,
  ZLeaderboard,
  ZMyLink,
  ZMyLinkQuery,
  ZReferralList,
  ZReviewBody,
  ZReviewResult,
} from '../referrals/schemas.js';
import {
  ZAdminUserList,
  ZAuditList,
  ZCampaignAdmin,
  ZCampaignAdminList,
  ZCampaignInput,
  ZFunnel,
  ZFunnelQuery,
  ZRoleChange,
  ZStatusChange,
} from '../admin/schemas.js';
import {
  ZDailySpinResponse,
  ZRotateSeedResponse,
  ZSetClientSeedBody,
  ZWheelConfig,
  ZWheelPublished,
  ZWheelSeedState,
  ZWheelSpinList,
  ZWheelSpinRecord,
  ZWheelState,
} from '../games/wheel/schemas.js';
import { rewardRoutes } from '../rewards/routes.js';
import { quizRoutes } from '../games/quiz/routes.js';
import { authRoutes } from '../auth/routes.js';
export { CREDENTIAL_PATHS } from '../auth/routes.js';

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
  ...authRoutes,
  notifications: {
    method: 'get',
    path: '/api/notifications',
    summary: "The signed-in user's latest notifications",
    tag: 'notifications',
    auth: 'access',
    response: ZNotificationList,
  },
  campaigns: {
    method: 'get',
    path: '/api/campaigns',
    summary: 'Campaigns open to players',
    tag: 'campaigns',
    auth: 'none',
    response: ZCampaignList,
  },
  invite: {
    method: 'get',
    path: '/api/invites/:code',
    summary: 'What an invite landing shows: who invited you and what you both get',
    tag: 'referrals',
    auth: 'none',
    response: ZInvite,
  },
  myLink: {
    method: 'get',
    path: '/api/referrals/link',
    summary: "The signed-in player's invite link for a campaign",
    tag: 'referrals',
    auth: 'access',
    query: ZMyLinkQuery,
    response: ZMyLink,
  },
  myReferrals: {
    method: 'get',
    path: '/api/referrals',
    summary: 'Friends you invited and where each stands',
    tag: 'referrals',
    auth: 'access',
    response: ZReferralList,
  },
  attribute: {
    method: 'post',
    path: '/api/referrals/attribute',
    summary: 'Name who invited you (new accounts only, once)',
    tag: 'referrals',
    auth: 'access',
    body: ZAttributeBody,
    response: ZAccepted,
    status: 202,
  },
  customEvent: {
    method: 'post',
    path: '/api/referrals/events',
    summary: 'Server-to-server custom qualification event',
    tag: 'referrals',
    auth: 'apiKey',
    body: ZCustomEventBody,
    response: ZAccepted,
    status: 202,
  },
  wallet: {
    method: 'get',
    path: '/api/wallet',
    summary: 'Balances and ledger history of the signed-in player',
    tag: 'wallet',
    auth: 'access',
    response: ZWalletResponse,
  },
  leaderboard: {
    method: 'get',
    path: '/api/leaderboards/:campaignId',
    summary: 'Top ten of a campaign and your own rank',
    tag: 'referrals',
    auth: 'access',
    response: ZLeaderboard,
  },
  flaggedReferrals: {
    method: 'get',
    path: '/api/review/referrals',
    summary: 'Flagged referrals with fraud evidence',
    tag: 'review',
    auth: 'access',
    roles: ['marketing', 'support'],
    response: ZFlaggedList,
  },
  reviewReferrals: {
    method: 'post',
    path: '/api/review/referrals',
    summary: 'Approve or reject flagged referrals',
    tag: 'review',
    auth: 'access',
    roles: ['marketing', 'support'],
    body: ZReviewBody,
    response: ZReviewResult,
  },
  adminCampaigns: {
    method: 'get',
    path: '/api/admin/campaigns',
    summary: 'All campaigns with their configuration',
    tag: 'admin',
    auth: 'access',
    roles: ['marketing'],
    response: ZCampaignAdminList,
  },
  adminCreateCampaign: {
    method: 'post',
    path: '/api/admin/campaigns',
    summary: 'Create a campaign (as a draft)',
    tag: 'admin',
    auth: 'access',
    roles: ['marketing'],
    body: ZCampaignInput,
    response: ZCampaignAdmin,
    status: 201,
  },
  adminUpdateCampaign: {
    method: 'put',
    path: '/api/admin/campaigns/:id',
    summary: 'Replace a campaign you own',
    tag: 'admin',
    auth: 'access',
    roles: ['marketing'],
    body: ZCampaignInput,
    response: ZCampaignAdmin,
  },
  adminCampaignStatus: {
    method: 'post',
    path: '/api/admin/campaigns/:id/status',
    summary: 'Publish, schedule, pause or end a campaign',
    tag: 'admin',
    auth: 'access',
    roles: ['marketing'],
    body: ZStatusChange,
    response: ZCampaignAdmin,
  },
  adminFunnel: {
    method: 'get',
    path: '/api/admin/campaigns/:id/funnel',
    summary: 'Funnel, K-factor, budget and A/B results for a time range',
    tag: 'admin',
    auth: 'access',
    roles: ['marketing'],
    query: ZFunnelQuery,
    response: ZFunnel,
  },
  adminUsers: {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users and their roles',
    tag: 'admin',
    auth: 'access',
    roles: [],
    response: ZAdminUserList,
  },
  adminSetRole: {
    method: 'post',
    path: '/api/admin/users/role',
    summary: 'Grant a role to a user by email',
    tag: 'admin',
    auth: 'access',
    roles: [],
    body: ZRoleChange,
    response: z.object({ id: z.string(), role: z.string() }),
  },
  adminAudit: {
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The audit trail, newest first',
    tag: 'admin',
    auth: 'access',
    roles: [],
    response: ZAuditList,
  },
  wheel: {
    method: 'get',
    path: '/api/campaigns/:campaignId/wheel',
    summary: 'The wheel of a campaign, your seed commitment, spins and daily spin',
    tag: 'wheel',
    auth: 'access',
    response: ZWheelState,
  },
  wheelClientSeed: {
    method: 'post',
    path: '/api/campaigns/:campaignId/wheel/client-seed',
    summary: 'Set the client seed your next spins use',
    tag: 'wheel',
    auth: 'access',
    body: ZSetClientSeedBody,
    response: ZWheelSeedState,
  },
  wheelRotateSeed: {
    method: 'post',
    path: '/api/campaigns/:campaignId/wheel/seed/rotate',
    summary: 'Reveal your server seed and commit to a new one',
    tag: 'wheel',
    auth: 'access',
    response: ZRotateSeedResponse,
  },
  wheelDailySpin: {
    method: 'post',
    path: '/api/campaigns/:campaignId/wheel/daily-spin',
    summary: "Claim today's free spin (once per UTC day)",
    tag: 'wheel',
    auth: 'access',
    response: ZDailySpinResponse,
  },
  wheelSpins: {
    method: 'get',
    path: '/api/campaigns/:campaignId/wheel/spins',
    summary: 'Your latest spins with their verification data',
    tag: 'wheel',
    auth: 'access',
    response: ZWheelSpinList,
  },
  wheelSpin: {
    method: 'get',
    path: '/api/wheel/spins/:spinId',
    summary: 'One of your spins with its verification data',
    tag: 'wheel',
    auth: 'access',
    response: ZWheelSpinRecord,
  },
  wheelPublish: {
    method: 'put',
    path: '/api/admin/campaigns/:campaignId/wheel',
    summary: 'Publish a new version of a campaign wheel (segments, weights, stock)',
    tag: 'wheel',
    auth: 'access',
    roles: ['marketing'],
    body: ZWheelConfig,
    response: ZWheelPublished,
  },
  waitingRoomJoin: {
    method: 'post',
    path: '/api/waiting-room/join',
    summary: "Take (or keep) this browser's place in the waiting room",
    tag: 'admission',
    auth: 'none',
    body: ZWaitingRoomJoinBody,
    response: ZWaitingRoomStatus,
  },
  waitingRoomStatus: {
    method: 'get',
    path: '/api/waiting-room',
    summary: "This browser's place in the waiting room; admits it when its turn has come",
    tag: 'admission',
    auth: 'none',
    response: ZWaitingRoomStatus,
  },
  adminAdmission: {
    method: 'get',
    path: '/api/admin/admission',
    summary: 'Waiting room state, admission rate and shedding counters',
    tag: 'admission',
    auth: 'access',
    roles: [],
    response: ZAdmissionState,
  },
  adminUpdateAdmission: {
    method: 'put',
    path: '/api/admin/admission',
    summary: 'Open or close the waiting room, or set its admission rate',
    tag: 'admission',
    auth: 'access',
    roles: [],
    body: ZAdmissionSettingsBody,
    response: ZAdmissionState,
  },
  ...rewardRoutes,
  ...quizRoutes,
  publicConfig: {
    method: 'get',
    path: '/api/config',
    summary: 'Runtime configuration for the SPA',
    tag: 'meta',
    auth: 'none',
    response: ZPublicConfig,
  },
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof routes;
