import type { TPublicCampaign } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

export async function listPublicCampaigns(db: Queryable): Promise<TPublicCampaign[]> {
  const { rows } = await db.query<{
    id: string;
    slug: string;
    title: string;
    description: string;
    status: TPublicCampaign['status'];
    starts_at: Date;
    ends_at: Date | null;
  }>(
    `select id, slug, title, description, status, starts_at, ends_at from campaigns
     where status = 'active' and starts_at <= now() and (ends_at is null or ends_at > now())
     order by starts_at desc limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    status: r.status,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at?.toISOString() ?? null,
  }));
}
