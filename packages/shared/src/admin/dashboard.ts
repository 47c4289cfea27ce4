import { z } from 'zod';
import { ZFunnel } from './schemas.js';

/** `dashboard:watch` — a staff socket follows one campaign's live figures for a time range. */
export const ZDashboardWatch = z.strictObject({
  campaignId: z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** What the live dashboard shows; pushed every few seconds while someone watches. */
export const ZDashboardSnapshot = ZFunnel.extend({
  playersOnline: z.number().int(),
  updatedAt: z.string(),
});
export type TDashboardSnapshot = z.infer<typeof ZDashboardSnapshot>;
