-- The rewards shop: what a campaign's players may spend points on. Coupons come from an imported
-- code bank (their stock is the number of codes not yet handed out); gift cards and cashback are
-- fulfilled by a payout provider and carry a face value in minor units.
create table public.reward_items (
  id text primary key check (id ~ '^rwd_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete restrict,
  kind text not null check (kind in ('coupon', 'gift_card', 'cashback')),
  title text not null check (length(title) between 1 and 80),
  description text not null default '' check (length(description) <= 500),
  cost_points integer not null check (cost_points > 0),
  amount_cents integer check (amount_cents is null or amount_cents > 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  provider text check (provider is null or provider ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
  sku text check (sku is null or sku ~ '^[A-Za-z0-9._-]{1,64}$'),
  -- Null: unlimited. Decremented under a row lock by each redemption, so it can never oversell.
  stock integer check (stock is null or stock >= 0),
  per_player_limit integer check (per_player_limit is null or per_player_limit > 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reward_items_provider_kind check ((kind = 'coupon') = (provider is null)),
  constraint reward_items_face_value check (kind = 'coupon' or (amount_cents is not null and currency is not null)),
  constraint reward_items_coupon_stock check (kind <> 'coupon' or stock is not null)
);
create index reward_items_campaign_idx on public.reward_items (campaign_id, cost_points);

comment on table public.reward_items is 'Rewards shop entries per campaign: coupons (code bank) or provider-fulfilled gift cards and cashback.';

alter table public.reward_items enable row level security;
create policy "active rewards are public" on public.reward_items for select to anon, authenticated using (active);
grant select (id, campaign_id, kind, title, description, cost_points, amount_cents, currency, stock, per_player_limit, active)
  on public.reward_items to anon, authenticated;
