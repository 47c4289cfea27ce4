-- Recurring live quiz shows: a schedule makes the next session of a campaign every
-- `every_seconds`, with questions drawn from the campaign's bank (the demo's "a show every few minutes").
create table public.quiz_schedules (
  id text primary key check (id ~ '^qzc_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete cascade,
  title text not null default 'Live quiz' check (length(title) between 1 and 120),
  every_seconds integer not null check (every_seconds between 60 and 604800),
  question_count smallint not null default 5 check (question_count between 1 and 50),
  lobby_seconds integer not null default 60 check (lobby_seconds between 5 and 3600),
  reveal_seconds smallint not null default 6 check (reveal_seconds between 1 and 60),
  time_limit_override_ms integer check (time_limit_override_ms between 1000 and 60000),
  reward_rules jsonb not null default '{"participation": 10, "perCorrect": 20, "podium": [300, 200, 100]}'::jsonb
    check (jsonb_typeof(reward_rules) = 'object'),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);

create index quiz_schedules_active_idx on public.quiz_schedules (campaign_id) where is_active;

comment on table public.quiz_schedules is 'Recurring live quiz sessions per campaign; the realtime scheduler creates the next one.';

alter table public.quiz_schedules enable row level security;
-- Server-only: players see the sessions a schedule produces, not the schedule.
