-- Invite-link clicks, counted in Redis on the hot path and flushed here in batches by the worker.
create table public.referral_click_counts (
  code text not null references public.referral_codes (code) on delete cascade,
  day date not null,
  clicks bigint not null default 0 check (clicks >= 0),
  unique_visitors bigint not null default 0 check (unique_visitors >= 0),
  landing_views bigint not null default 0 check (landing_views >= 0),
  primary key (code, day)
);

-- A flushed batch id is recorded with its counts, so a retried flush never counts twice.
create table public.referral_click_flushes (
  batch_id text primary key,
  flushed_at timestamptz not null default now()
);

comment on table public.referral_click_counts is 'Daily link clicks, unique visitors and invite-landing views per invite code.';

alter table public.referral_click_counts enable row level security;
alter table public.referral_click_flushes enable row level security;
create policy "players read own click counts" on public.referral_click_counts for select to authenticated
  using (code in (
    select c.code from public.referral_codes c join public.users u on u.id = c.user_id
    where u.external_subject = (select auth.uid())::text
  ));
grant select on public.referral_click_counts to authenticated;
