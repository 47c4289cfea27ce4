-- What marketing configures beyond referral rules: ownership, landing content, budget pacing,
-- and A/B variants of the invite landing with a traffic split.
alter table public.campaigns
  add column owner_id text references public.users (id) on delete set null,
  add column landing_title text not null default '' check (length(landing_title) <= 120),
  add column landing_text text not null default '' check (length(landing_text) <= 2000),
  add column daily_budget_points integer check (daily_budget_points is null or daily_budget_points > 0);

create table public.campaign_variants (
  id text primary key check (id ~ '^var_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete cascade,
  name text not null check (length(name) between 1 and 40),
  weight integer not null check (weight between 0 and 100),
  landing_title text not null default '' check (length(landing_title) <= 120),
  landing_text text not null default '' check (length(landing_text) <= 2000),
  created_at timestamptz not null default now(),
  constraint campaign_variants_name_unique unique (campaign_id, name)
);

-- Which variant a visitor saw and whether they signed up: the A/B test's raw data.
create table public.variant_exposures (
  campaign_id text not null references public.campaigns (id) on delete cascade,
  variant_id text not null references public.campaign_variants (id) on delete cascade,
  visitor_id text not null check (length(visitor_id) between 8 and 64),
  user_id text references public.users (id) on delete set null,
  exposed_at timestamptz not null default now(),
  converted_at timestamptz,
  primary key (campaign_id, visitor_id)
);
create index variant_exposures_variant_idx on public.variant_exposures (variant_id);

comment on table public.campaign_variants is 'A/B variants of a campaign''s invite landing; weights split the traffic.';
comment on table public.variant_exposures is 'One row per visitor and campaign: the variant shown and the conversion.';

alter table public.campaign_variants enable row level security;
alter table public.variant_exposures enable row level security;
create policy "variants of active campaigns are public" on public.campaign_variants for select to anon, authenticated
  using (campaign_id in (select id from public.campaigns where status = 'active'));
grant select on public.campaign_variants to anon, authenticated;
