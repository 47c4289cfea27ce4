-- Every provider call of a payout: written before the call (so a worker that dies mid-call leaves
-- a trace) and completed with its classified outcome.
create table public.payout_attempts (
  id bigint generated always as identity primary key,
  payout_id text not null references public.payouts (id) on delete cascade,
  attempt_no integer not null check (attempt_no > 0),
  provider text not null,
  probe boolean not null default false,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  outcome text check (outcome in ('fulfilled', 'pending', 'failed', 'interrupted')),
  category text check (category in ('authentication', 'network_timeout', 'server_error', 'rate_limit', 'declined', 'bad_request', 'amount_mismatch')),
  code text,
  http_status integer,
  detail text check (detail is null or length(detail) <= 1000),
  duration_ms integer,
  constraint payout_attempts_unique unique (payout_id, attempt_no),
  constraint payout_attempts_finished check ((outcome is null) = (finished_at is null))
);
create index payout_attempts_provider_idx on public.payout_attempts (provider, started_at);

comment on table public.payout_attempts is 'Server-side only: one row per provider call of a payout.';

alter table public.payout_attempts enable row level security;
