-- Invite codes, referrals with their status history, and the signals fraud checks read.
create table public.referral_codes (
  code text primary key check (code ~ '^[A-Za-z0-9_-]{8,32}$'),
  user_id text not null references public.users (id) on delete cascade,
  campaign_id text not null references public.campaigns (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint referral_codes_one_per_campaign unique (user_id, campaign_id)
);

create table public.referrals (
  id text primary key check (id ~ '^ref_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id),
  referrer_id text not null references public.users (id),
  referee_id text not null references public.users (id),
  code text not null references public.referral_codes (code),
  status text not null default 'pending'
    check (status in ('pending', 'qualified', 'rewarded', 'flagged', 'approved', 'rejected')),
  status_reason text not null default 'attributed',
  fraud_score integer not null default 0 check (fraud_score >= 0),
  fraud_evidence jsonb not null default '[]'::jsonb,
  touched_at timestamptz not null,
  attributed_at timestamptz not null default now(),
  qualified_at timestamptz,
  rewarded_at timestamptz,
  referrer_points_awarded integer not null default 0 check (referrer_points_awarded >= 0),
  referee_points_awarded integer not null default 0 check (referee_points_awarded >= 0),
  hold_released_at timestamptz,
  reviewed_by text references public.users (id),
  reviewed_at timestamptz,
  -- One referrer per referee, forever; nobody refers themselves.
  constraint referrals_one_referrer unique (referee_id),
  constraint referrals_not_self check (referrer_id <> referee_id),
  constraint referrals_rewarded_has_time check (status <> 'rewarded' or rewarded_at is not null)
);
create index referrals_referrer_idx on public.referrals (referrer_id, campaign_id, attributed_at desc);
create index referrals_campaign_status_idx on public.referrals (campaign_id, status);
create index referrals_code_time_idx on public.referrals (code, attributed_at);

create table public.referral_status_changes (
  id bigint generated always as identity primary key,
  referral_id text not null references public.referrals (id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text not null,
  actor text,
  at timestamptz not null default now()
);
create index referral_status_changes_referral_idx on public.referral_status_changes (referral_id, id);

-- First-party signals captured at sign-up (device id cookie, IP, user agent, canonical email).
create table public.user_signals (
  user_id text primary key references public.users (id) on delete cascade,
  email_canonical text not null,
  device_id text check (device_id is null or device_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  ip inet,
  user_agent text check (user_agent is null or length(user_agent) <= 512),
  created_at timestamptz not null default now()
);
create index user_signals_device_idx on public.user_signals (device_id);
create index user_signals_ip_ua_idx on public.user_signals (ip, user_agent);
create index user_signals_email_idx on public.user_signals (email_canonical);

comment on table public.referrals is 'Who invited whom; status moves pending → qualified → rewarded, or flagged → approved/rejected.';
comment on table public.referral_status_changes is 'Every status change with its reason and actor.';
comment on table public.user_signals is 'Server-side only: evidence for fraud scoring.';

alter table public.referral_codes enable row level security;
alter table public.referrals enable row level security;
alter table public.referral_status_changes enable row level security;
alter table public.user_signals enable row level security;

create policy "players read own codes" on public.referral_codes for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
create policy "referrers read own referrals" on public.referrals for select to authenticated
  using (referrer_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select on public.referral_codes to authenticated;
grant select (id, campaign_id, referrer_id, status, attributed_at, qualified_at, rewarded_at) on public.referrals to authenticated;
