-- The payout failure policy as data: every replacement is a new version (validated by the api
-- against the shared schema); the highest version is in force.
create table public.payout_policies (
  version integer primary key check (version > 0),
  policy jsonb not null check (jsonb_typeof(policy) = 'object'),
  updated_by text references public.users (id),
  updated_at timestamptz not null default now()
);

comment on table public.payout_policies is 'Server-side only: versions of the payout retry/breaker/escalation policy.';

alter table public.payout_policies enable row level security;
