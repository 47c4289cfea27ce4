-- Provider callbacks, verified (HMAC) before they get here. The unique event id makes a replay a
-- no-op; `applied` says whether the event moved the payout (an old or out-of-order event does not).
create table public.payout_provider_callbacks (
  id bigint generated always as identity primary key,
  provider text not null,
  event_id text not null check (length(event_id) between 1 and 100),
  event_type text not null,
  payout_id text references public.payouts (id) on delete cascade,
  received_at timestamptz not null default now(),
  applied boolean not null,
  note text not null default '',
  body jsonb not null,
  constraint payout_provider_callbacks_unique unique (provider, event_id)
);
create index payout_provider_callbacks_payout_idx on public.payout_provider_callbacks (payout_id);

comment on table public.payout_provider_callbacks is 'Server-side only: every accepted provider callback, once.';

alter table public.payout_provider_callbacks enable row level security;
