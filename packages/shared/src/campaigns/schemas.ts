import { z } from 'zod';

export const ZCampaignStatus = z.enum(['draft', 'scheduled', 'active', 'paused', 'ended']);

/** What a player may see of a campaign. */
export const ZPublicCampaign = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  status: ZCampaignStatus,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
});
export type TPublicCampaign = z.infer<typeof ZPublicCampaign>;
export const ZCampaignList = z.object({ campaigns: z.array(ZPublicCampaign) });
