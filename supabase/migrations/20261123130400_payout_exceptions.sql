-- Structured exception events: every classified payout failure (time, code, category, provider,
-- payout, player segment, device). `resolved_at` is set when the payout settles, which is what
-- the "resolved within 5 minutes" KPI measures.
create table public.payout_exceptions (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  code text not null check (length(code) between 1 and 100),
  category text not null
    check (category in ('authentication', 'network_timeout', 'server_error', 'rate_limit', 'declined', 'bad_request', 'amount_mismatch')),
  provider text not null,
  payout_id text not null references public.payouts (id) on delete cascade,
  attempt_no integer,
  player_segment text not null,
  device text not null,
  transient boolean not null,
  detail text not null default '' check (length(detail) <= 1000),
  resolved_at timestamptz,
  resolution text check (resolution is null or resolution in ('fulfilled', 'failed', 'refunded')),
  constraint payout_exceptions_resolution check ((resolved_at is null) = (resolution is null))
);
create index payout_exceptions_time_idx on public.payout_exceptions (occurred_at);
create index payout_exceptions_open_idx on public.payout_exceptions (payout_id) where resolved_at is null;

comment on table public.payout_exceptions is 'Server-side only: classified payout failures and when they were resolved.';

alter table public.payout_exceptions enable row level security;
