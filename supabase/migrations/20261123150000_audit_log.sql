-- Every admin change (and every refused admin attempt): who, when, what, before and after.
create table public.audit_log (
  id bigint generated always as identity primary key,
  actor_id text references public.users (id) on delete set null,
  actor_role text,
  action text not null check (length(action) between 1 and 100),
  entity_type text not null check (length(entity_type) between 1 and 50),
  entity_id text,
  outcome text not null check (outcome in ('ok', 'refused')),
  reason text,
  before jsonb,
  after jsonb,
  ip inet,
  at timestamptz not null default now()
);
create index audit_log_at_idx on public.audit_log (at desc);
create index audit_log_entity_idx on public.audit_log (entity_type, entity_id, at desc);

-- Append-only: the trail cannot be edited, even by the api's own role.
create function public.audit_log_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;
create trigger audit_log_immutable before update or delete on public.audit_log
  for each row execute function public.audit_log_refuse_change();

comment on table public.audit_log is 'Append-only trail of admin actions and refusals; server-side only.';
alter table public.audit_log enable row level security;
