-- Live quiz sessions. One realtime pod conducts a session at a time (a Redis lease); round state
-- lives in Redis while it runs; this row records what was scheduled and how it ended.
create table public.quiz_sessions (
  id text primary key check (id ~ '^qzs_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete cascade,
  schedule_id text references public.quiz_schedules (id) on delete set null,
  title text not null default 'Live quiz' check (length(title) between 1 and 120),
  starts_at timestamptz not null,
  question_ids text[] not null check (cardinality(question_ids) between 1 and 50 and array_position(question_ids, null) is null),
  lobby_seconds integer not null default 60 check (lobby_seconds between 5 and 3600),
  reveal_seconds smallint not null default 6 check (reveal_seconds between 1 and 60),
  -- A session may run faster than its bank's limits (speed rounds, rehearsals, automated tests).
  time_limit_override_ms integer check (time_limit_override_ms between 1000 and 60000),
  reward_rules jsonb not null default '{"participation": 10, "perCorrect": 20, "podium": [300, 200, 100]}'::jsonb
    check (jsonb_typeof(reward_rules) = 'object'),
  status text not null default 'scheduled'
    check (status in ('scheduled', 'running', 'ended', 'settled', 'cancelled')),
  player_count integer check (player_count >= 0),
  ended_at timestamptz,
  settled_at timestamptz,
  created_at timestamptz not null default now(),
  constraint quiz_sessions_settled_after_end check (settled_at is null or ended_at is not null)
);

-- Two pods making the same slot of a schedule at once: one insert wins.
create unique index quiz_sessions_schedule_slot on public.quiz_sessions (schedule_id, starts_at)
  where schedule_id is not null;
create index quiz_sessions_open_idx on public.quiz_sessions (starts_at)
  where status in ('scheduled', 'running', 'ended');
create index quiz_sessions_campaign_idx on public.quiz_sessions (campaign_id, starts_at desc);

comment on table public.quiz_sessions is 'Live quiz shows: schedule, questions (ids only), reward rules and outcome.';

alter table public.quiz_sessions enable row level security;

create policy "sessions of active campaigns are public" on public.quiz_sessions
  for select to anon, authenticated
  using (campaign_id in (select c.id from public.campaigns c where c.status = 'active'));
-- Which questions a session will ask stays on the server.
grant select (id, campaign_id, title, starts_at, lobby_seconds, status, player_count, ended_at)
  on public.quiz_sessions to anon, authenticated;
