-- Coupon code banks, imported from CSV. A code is handed out once: `payout_id` is unique and set
-- in the redemption's transaction (the foreign key arrives with the payouts table).
create table public.reward_coupon_codes (
  id bigint generated always as identity primary key,
  item_id text not null references public.reward_items (id) on delete restrict,
  code text not null check (code ~ '^[A-Za-z0-9_-]{4,64}$'),
  payout_id text unique,
  imported_at timestamptz not null default now(),
  assigned_at timestamptz,
  constraint reward_coupon_codes_unique unique (item_id, code),
  constraint reward_coupon_codes_assigned check ((payout_id is null) = (assigned_at is null))
);
-- Redemptions take the oldest free code: this index holds exactly the free ones.
create index reward_coupon_codes_free_idx on public.reward_coupon_codes (item_id, id) where payout_id is null;

comment on table public.reward_coupon_codes is 'Server-side only: coupon codes, each assigned to at most one payout.';

alter table public.reward_coupon_codes enable row level security;
