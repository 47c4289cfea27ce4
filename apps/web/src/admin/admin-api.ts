import {
  routes,
  type Role,
  type TWheelConfigInput,
  type ZCampaignInput,
  type ZQuizQuestionBody,
  type ZQuizQuestionEditBody,
  type ZQuizScheduleBody,
  type ZReviewBody,
  type ZSupportActionBody,
} from '@playloop/shared';
import type { z } from 'zod';
import { apiFetch } from '../api/api-fetch';

export type CampaignBody = z.input<typeof ZCampaignInput>;
export type CampaignStatusTarget = 'active' | 'paused' | 'ended' | 'scheduled';

/** Every REST call the console makes, typed and validated by the shared contract. */
export const adminApi = {
  campaigns: () => apiFetch(routes.adminCampaigns),
  createCampaign: (body: CampaignBody) => apiFetch(routes.adminCreateCampaign, { body }),
  updateCampaign: (id: string, body: CampaignBody) =>
    apiFetch(routes.adminUpdateCampaign, { params: { id }, body }),
  setStatus: (id: string, status: CampaignStatusTarget) =>
    apiFetch(routes.adminCampaignStatus, { params: { id }, body: { status } }),
  funnel: (id: string, from?: string, to?: string) =>
    apiFetch(routes.adminFunnel, { params: { id }, query: { from, to } }),
  wheel: (campaignId: string) => apiFetch(routes.wheel, { params: { campaignId } }),
  publishWheel: (campaignId: string, body: TWheelConfigInput) =>
    apiFetch(routes.wheelPublish, { params: { campaignId }, body }),
  quizSessions: (campaignId: string) => apiFetch(routes.quizSessions, { query: { campaignId } }),
  quizBank: (campaignId: string) => apiFetch(routes.quizBank, { query: { campaignId } }),
  retireQuestion: (questionId: string) =>
    apiFetch(routes.quizRetireQuestion, { params: { questionId } }),
  addQuestion: (body: z.input<typeof ZQuizQuestionBody>) =>
    apiFetch(routes.quizAddQuestion, { body }),
  editQuestion: (questionId: string, body: z.input<typeof ZQuizQuestionEditBody>) =>
    apiFetch(routes.quizEditQuestion, { params: { questionId }, body }),
  scheduleQuiz: (body: z.input<typeof ZQuizScheduleBody>) =>
    apiFetch(routes.quizSchedule, { body }),
  flagged: () => apiFetch(routes.flaggedReferrals),
  review: (body: z.input<typeof ZReviewBody>) => apiFetch(routes.reviewReferrals, { body }),
  users: () => apiFetch(routes.adminUsers),
  setRole: (email: string, role: Role) => apiFetch(routes.adminSetRole, { body: { email, role } }),
  audit: () => apiFetch(routes.adminAudit),
  payoutQueue: (status?: string) => apiFetch(routes.supportPayouts, { query: { status } }),
  payoutAction: (payoutId: string, body: z.input<typeof ZSupportActionBody>) =>
    apiFetch(routes.supportPayoutAction, { params: { payoutId }, body }),
  payoutKpis: (windowHours = 24) => apiFetch(routes.payoutKpis, { query: { windowHours } }),
};
