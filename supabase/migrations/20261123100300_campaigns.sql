-- Campaigns: what players join, share and play in. Later migrations add rules, games and budgets.
create table public.campaigns (
  id text primary key check (id ~ '^cmp_[0-9A-Za-z]{20}$'),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  title text not null check (length(title) between 1 and 120),
  description text not null default '' check (length(description) <= 2000),
  status text not null default 'draft' check (status in ('draft', 'scheduled', 'active', 'paused', 'ended')),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaigns_dates check (ends_at is null or ends_at > starts_at)
);

comment on table public.campaigns is 'Referral campaigns configured by marketing.';

alter table public.campaigns enable row level security;

create policy "active campaigns are public" on public.campaigns
  for select to anon, authenticated
  using (status = 'active');
grant select on public.campaigns to anon, authenticated;
