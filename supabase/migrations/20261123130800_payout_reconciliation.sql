-- Reconciliation reports: the scheduled comparison of ledger, payouts and provider records.
create table public.payout_reconciliation_reports (
  id bigint generated always as identity primary key,
  ran_at timestamptz not null default now(),
  drift_count integer not null check (drift_count >= 0),
  checked jsonb not null,
  items jsonb not null check (jsonb_typeof(items) = 'array')
);
create index payout_reconciliation_reports_time_idx on public.payout_reconciliation_reports (ran_at desc);

comment on table public.payout_reconciliation_reports is 'Server-side only: drift found between ledger, payouts and provider records.';

alter table public.payout_reconciliation_reports enable row level security;
