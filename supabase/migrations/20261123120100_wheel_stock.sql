-- How many of each stocked wheel prize may still be awarded, per published version. A spin
-- decrements a row atomically (`remaining > 0` in the update's where clause); the check makes a
-- negative stock impossible even for a buggy caller. Unlimited prizes have no row.
create table public.wheel_stock (
  campaign_id text not null,
  version integer not null,
  segment_index integer not null check (segment_index >= 0 and segment_index < 16),
  initial integer not null check (initial >= 0),
  remaining integer not null,
  primary key (campaign_id, version, segment_index),
  foreign key (campaign_id, version) references public.wheel_versions (campaign_id, version) on delete restrict,
  constraint wheel_stock_remaining check (remaining between 0 and initial)
);

comment on table public.wheel_stock is 'Remaining stock of limited wheel prizes per wheel version; never negative.';

alter table public.wheel_stock enable row level security;
create policy "stock of active campaigns is public" on public.wheel_stock
  for select to anon, authenticated
  using (campaign_id in (select id from public.campaigns where status = 'active'));
grant select on public.wheel_stock to anon, authenticated;
