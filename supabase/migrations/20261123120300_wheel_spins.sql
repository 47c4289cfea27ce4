-- Every wheel spin: the seed and nonce it was drawn with, the drawn segment (what verification
-- recomputes) and the awarded one (what the player won: the fallback when the drawn prize was out
-- of stock or over budget), and the ledger transaction that moved the spin and the prize.
create table public.wheel_spins (
  id text primary key check (id ~ '^spn_[0-9A-Za-z]{20}$'),
  user_id text not null references public.users (id) on delete restrict,
  campaign_id text not null,
  wheel_version integer not null,
  seed_id bigint not null references public.wheel_seeds (id) on delete restrict,
  client_seed text not null check (client_seed ~ '^[!-~]{1,64}$'),
  nonce integer not null check (nonce >= 0),
  drawn_index integer not null check (drawn_index >= 0 and drawn_index < 16),
  awarded_index integer not null check (awarded_index >= 0 and awarded_index < 16),
  fallback_reason text check (fallback_reason in ('out_of_stock', 'over_budget')),
  prize jsonb not null check (prize ? 'kind' and prize ? 'amount'),
  ledger_transaction_id text not null unique references public.ledger_transactions (id),
  created_at timestamptz not null default now(),
  foreign key (campaign_id, wheel_version) references public.wheel_versions (campaign_id, version) on delete restrict,
  constraint wheel_spins_one_per_nonce unique (seed_id, nonce),
  -- A fallback is recorded exactly when the award differs from the draw.
  constraint wheel_spins_fallback check ((fallback_reason is null) = (drawn_index = awarded_index))
);
create index wheel_spins_owner_idx on public.wheel_spins (user_id, campaign_id, created_at desc);

create function public.wheel_spins_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'wheel spins are append-only' using errcode = '42501';
end
$$;
create trigger wheel_spins_immutable before update or delete on public.wheel_spins
  for each row execute function public.wheel_spins_refuse_change();

comment on table public.wheel_spins is 'Append-only record of wheel spins with everything needed to verify them.';

alter table public.wheel_spins enable row level security;
create policy "players read own spins" on public.wheel_spins for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select on public.wheel_spins to authenticated;
