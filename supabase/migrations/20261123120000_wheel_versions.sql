-- Wheel of fortune: each campaign's wheel as a list of published versions. A version never
-- changes once published, because past spins are verified against the weights they were drawn
-- with; changing the wheel publishes the next version. The current wheel is the highest version.
create table public.wheel_versions (
  campaign_id text not null references public.campaigns (id) on delete restrict,
  version integer not null check (version >= 1),
  -- Segments as validated by the shared ZWheelConfig schema (label, weight, colour, prize, stock, isFallback).
  segments jsonb not null check (jsonb_typeof(segments) = 'array' and jsonb_array_length(segments) between 2 and 16),
  -- The draw's input, kept apart from the jsonb so the database itself guarantees it is drawable.
  weights integer[] not null check (cardinality(weights) between 2 and 16 and 0 < all (weights) and array_position(weights, null) is null),
  fallback_index integer not null check (fallback_index >= 0),
  published_by text references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (campaign_id, version),
  constraint wheel_versions_shape check (
    cardinality(weights) = jsonb_array_length(segments) and fallback_index < cardinality(weights)
  )
);

create function public.wheel_versions_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'published wheel versions are immutable' using errcode = '42501';
end
$$;
create trigger wheel_versions_immutable before update or delete on public.wheel_versions
  for each row execute function public.wheel_versions_refuse_change();

comment on table public.wheel_versions is 'Published wheel of fortune versions per campaign; immutable, the highest is current.';

alter table public.wheel_versions enable row level security;
-- The segments and weights are published by design (players verify draws against them).
create policy "wheels of active campaigns are public" on public.wheel_versions
  for select to anon, authenticated
  using (campaign_id in (select id from public.campaigns where status = 'active'));
grant select on public.wheel_versions to anon, authenticated;
