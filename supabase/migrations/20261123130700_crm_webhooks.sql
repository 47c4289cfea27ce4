-- Outgoing webhooks for CRMs. An event is written as one delivery per subscribed endpoint in the
-- transaction that caused it (an outbox), then sent, signed, by the worker with backoff; every
-- attempt is logged. `webhook_cursors` remembers how far other tables were scanned for events.
create table public.webhook_endpoints (
  id text primary key check (id ~ '^whk_[0-9A-Za-z]{20}$'),
  url text not null check (url ~ '^https?://' and length(url) <= 500),
  secret text not null check (length(secret) >= 32),
  events text[] not null
    check (cardinality(events) > 0 and events <@ array['referral.qualified', 'reward.granted', 'payout.fulfilled']),
  description text not null default '' check (length(description) <= 200),
  active boolean not null default true,
  created_by text references public.users (id),
  created_at timestamptz not null default now()
);

create table public.webhook_deliveries (
  id text primary key check (id ~ '^whd_[0-9A-Za-z]{20}$'),
  endpoint_id text not null references public.webhook_endpoints (id) on delete cascade,
  event_id text not null check (event_id ~ '^wev_[0-9A-Za-z]{20}$'),
  -- What the event is about (`payout.fulfilled:pay_…`): one delivery per endpoint and subject.
  event_key text not null,
  event_type text not null check (event_type in ('referral.qualified', 'reward.granted', 'payout.fulfilled')),
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_status_code integer,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  constraint webhook_deliveries_once unique (endpoint_id, event_key)
);
create index webhook_deliveries_pending_idx on public.webhook_deliveries (created_at) where status = 'pending';

create table public.webhook_delivery_attempts (
  id bigint generated always as identity primary key,
  delivery_id text not null references public.webhook_deliveries (id) on delete cascade,
  attempt_no integer not null check (attempt_no > 0),
  at timestamptz not null default now(),
  status_code integer,
  error text,
  duration_ms integer not null
);
create index webhook_delivery_attempts_delivery_idx on public.webhook_delivery_attempts (delivery_id, id);

create table public.webhook_cursors (
  name text primary key,
  position bigint not null default 0
);

comment on table public.webhook_endpoints is 'Server-side only: CRM endpoints and their signing secrets.';
comment on table public.webhook_deliveries is 'Server-side only: the delivery log (outbox) of outgoing webhooks.';

alter table public.webhook_endpoints enable row level security;
alter table public.webhook_deliveries enable row level security;
alter table public.webhook_delivery_attempts enable row level security;
alter table public.webhook_cursors enable row level security;
