-- A double-entry ledger. Every movement of points or spins is one transaction with a unique
-- idempotency key and entries that sum to zero per asset; balances are maintained by trigger
-- from the entries and may never go negative (except the house, which issues).
create table public.ledger_accounts (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('player', 'campaign_budget', 'house')),
  user_id text references public.users (id) on delete restrict,
  campaign_id text references public.campaigns (id) on delete restrict,
  asset text not null check (asset in ('points', 'spins')),
  bucket text not null default 'available' check (bucket in ('available', 'held')),
  balance bigint not null default 0,
  created_at timestamptz not null default now(),
  constraint ledger_accounts_player_owner check ((kind = 'player') = (user_id is not null)),
  constraint ledger_accounts_budget_owner check ((kind = 'campaign_budget') = (campaign_id is not null)),
  constraint ledger_accounts_non_negative check (kind = 'house' or balance >= 0),
  constraint ledger_accounts_unique unique nulls not distinct (kind, user_id, campaign_id, asset, bucket)
);

create table public.ledger_transactions (
  id text primary key check (id ~ '^ltx_[0-9A-Za-z]{20}$'),
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
  kind text not null check (kind in (
    'budget_funding', 'referral_reward', 'hold_release', 'quiz_reward', 'spin_grant', 'spin_use',
    'prize', 'redemption', 'refund', 'adjustment'
  )),
  campaign_id text references public.campaigns (id),
  memo jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table public.ledger_entries (
  id bigint generated always as identity primary key,
  transaction_id text not null references public.ledger_transactions (id),
  account_id bigint not null references public.ledger_accounts (id),
  amount bigint not null check (amount <> 0),
  created_at timestamptz not null default now()
);
create index ledger_entries_account_idx on public.ledger_entries (account_id, id desc);
create index ledger_entries_transaction_idx on public.ledger_entries (transaction_id);

-- Balance follows the entries, so "balance = sum of entries" holds by construction; the
-- non-negative check on the account turns an overdraft into an error that rolls back.
create function public.ledger_apply_entry() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update public.ledger_accounts set balance = balance + new.amount where id = new.account_id;
  return new;
end
$$;
create trigger ledger_entries_apply after insert on public.ledger_entries
  for each row execute function public.ledger_apply_entry();

-- Entries of one transaction must sum to zero per asset: checked at commit.
create function public.ledger_check_balanced() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  unbalanced text;
begin
  select a.asset into unbalanced
  from public.ledger_entries e join public.ledger_accounts a on a.id = e.account_id
  where e.transaction_id = new.transaction_id
  group by a.asset having sum(e.amount) <> 0
  limit 1;
  if unbalanced is not null then
    raise exception 'ledger transaction % does not balance for %', new.transaction_id, unbalanced
      using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger ledger_entries_balanced after insert on public.ledger_entries
  deferrable initially deferred for each row execute function public.ledger_check_balanced();

-- The ledger is append-only.
create function public.ledger_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'ledger rows are append-only' using errcode = '42501';
end
$$;
create trigger ledger_entries_immutable before update or delete on public.ledger_entries
  for each row execute function public.ledger_refuse_change();
create trigger ledger_transactions_immutable before update or delete on public.ledger_transactions
  for each row execute function public.ledger_refuse_change();

-- The house account per asset: where points and spins come from.
insert into public.ledger_accounts (kind, asset) values ('house', 'points'), ('house', 'spins');

comment on table public.ledger_accounts is 'Wallets, campaign budgets and the house; balance maintained from entries.';
comment on table public.ledger_transactions is 'One movement; idempotency_key makes a repeated posting a no-op.';
comment on table public.ledger_entries is 'Append-only legs of a transaction; they sum to zero per asset.';

alter table public.ledger_accounts enable row level security;
alter table public.ledger_transactions enable row level security;
alter table public.ledger_entries enable row level security;

create policy "players read own accounts" on public.ledger_accounts for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
create policy "players read own entries" on public.ledger_entries for select to authenticated
  using (account_id in (
    select a.id from public.ledger_accounts a join public.users u on u.id = a.user_id
    where u.external_subject = (select auth.uid())::text
  ));
grant select on public.ledger_accounts, public.ledger_entries to authenticated;
