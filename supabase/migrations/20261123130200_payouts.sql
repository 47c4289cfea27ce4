-- A redemption and its payout, created in the same transaction as the points debit. The
-- idempotency key is stored here before the first provider call and sent with every attempt;
-- the status history records who moved it and why.
create table public.payouts (
  id text primary key check (id ~ '^pay_[0-9A-Za-z]{20}$'),
  user_id text not null references public.users (id) on delete restrict,
  campaign_id text not null references public.campaigns (id),
  item_id text not null references public.reward_items (id),
  kind text not null check (kind in ('coupon', 'gift_card', 'cashback')),
  title text not null,
  points_cost integer not null check (points_cost > 0),
  amount_cents integer check (amount_cents is null or amount_cents > 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  sku text,
  status text not null default 'requested'
    check (status in ('requested', 'processing', 'fulfilled', 'failed', 'escalated', 'refunded')),
  provider text,
  primary_provider text,
  idempotency_key text not null unique check (length(idempotency_key) between 8 and 100),
  request_key text not null check (request_key ~ '^[A-Za-z0-9_-]{8,64}$'),
  attempts integer not null default 0 check (attempts >= 0),
  counted_attempts integer not null default 0 check (counted_attempts >= 0 and counted_attempts <= attempts),
  next_attempt_at timestamptz,
  last_error_category text,
  last_error_code text,
  provider_reference text,
  reward_code text,
  redemption_tx_id text not null references public.ledger_transactions (id),
  refund_tx_id text references public.ledger_transactions (id),
  escalation_reason text,
  ever_escalated boolean not null default false,
  player_segment text not null default 'unknown',
  device text not null default 'unknown',
  created_at timestamptz not null default now(),
  -- Stage-2 escalation counts from here; a support retry restarts it.
  window_started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  fulfilled_at timestamptz,
  escalated_at timestamptz,
  settled_at timestamptz,
  -- A client retry with the same Idempotency-Key finds the first redemption instead of paying twice.
  constraint payouts_request_unique unique (user_id, request_key),
  constraint payouts_provider_kind check (kind = 'coupon' or provider is not null),
  constraint payouts_fulfilled_time check (status <> 'fulfilled' or fulfilled_at is not null),
  constraint payouts_points_back check (status not in ('failed', 'refunded') or refund_tx_id is not null),
  constraint payouts_no_refund_when_paid check (status <> 'fulfilled' or refund_tx_id is null)
);
create index payouts_user_idx on public.payouts (user_id, created_at desc);
create index payouts_item_user_idx on public.payouts (item_id, user_id);
create index payouts_status_idx on public.payouts (status, updated_at) where status in ('requested', 'processing', 'escalated');
create index payouts_created_idx on public.payouts (created_at);

alter table public.reward_coupon_codes
  add constraint reward_coupon_codes_payout_fk foreign key (payout_id) references public.payouts (id);

create table public.payout_status_changes (
  id bigint generated always as identity primary key,
  payout_id text not null references public.payouts (id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text not null,
  actor text,
  at timestamptz not null default now()
);
create index payout_status_changes_payout_idx on public.payout_status_changes (payout_id, id);

comment on table public.payouts is 'Redemptions and their payouts: requested → processing → fulfilled | failed | escalated | refunded.';
comment on table public.payout_status_changes is 'Every payout status change with its reason and actor.';

alter table public.payouts enable row level security;
alter table public.payout_status_changes enable row level security;
create policy "players read own payouts" on public.payouts for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select (id, item_id, campaign_id, title, kind, status, points_cost, amount_cents, currency, reward_code, created_at, updated_at, fulfilled_at)
  on public.payouts to authenticated;
