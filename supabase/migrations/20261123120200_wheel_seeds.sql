-- Provably fair seeds: per player and campaign, one active seed pair at a time. The server seed
-- is secret while active (players see only its SHA-256); rotating reveals it (revealed_at) and
-- starts a new pair. Each spin takes next_nonce under a row lock.
create table public.wheel_seeds (
  id bigint generated always as identity primary key,
  user_id text not null references public.users (id) on delete restrict,
  campaign_id text not null references public.campaigns (id) on delete restrict,
  server_seed text not null check (server_seed ~ '^[0-9a-f]{64}$'),
  server_seed_hash text not null check (server_seed_hash ~ '^[0-9a-f]{64}$'),
  client_seed text not null check (client_seed ~ '^[!-~]{1,64}$'),
  next_nonce integer not null default 0 check (next_nonce >= 0),
  created_at timestamptz not null default now(),
  revealed_at timestamptz
);
create unique index wheel_seeds_one_active on public.wheel_seeds (user_id, campaign_id) where revealed_at is null;
create index wheel_seeds_owner_idx on public.wheel_seeds (user_id, campaign_id, id desc);

-- The commitment must never move: the server seed and its hash are fixed at creation, and a
-- revealed seed is frozen (its spins are being verified against it).
create function public.wheel_seeds_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'wheel seeds are kept for verification' using errcode = '42501';
  end if;
  if new.server_seed <> old.server_seed or new.server_seed_hash <> old.server_seed_hash then
    raise exception 'a committed server seed cannot change' using errcode = '42501';
  end if;
  if old.revealed_at is not null then
    raise exception 'a revealed seed is frozen' using errcode = '42501';
  end if;
  if new.next_nonce < old.next_nonce then
    raise exception 'nonces only move forward' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger wheel_seeds_guard before update or delete on public.wheel_seeds
  for each row execute function public.wheel_seeds_guard();

comment on table public.wheel_seeds is 'Provably fair seed pairs per player and campaign; server_seed is secret until revealed_at.';
comment on column public.wheel_seeds.server_seed is 'Secret while revealed_at is null: never expose it through a client role.';

-- No policy and no grant: active server seeds are secrets, served only by the api after rotation.
alter table public.wheel_seeds enable row level security;
