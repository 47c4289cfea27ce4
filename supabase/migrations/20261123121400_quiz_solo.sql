-- Solo practice: finished runs and the campaign's solo reward rules (points per correct answer,
-- capped per player and UTC day so practice cannot drain a budget).
alter table public.campaigns
  add column quiz_solo_points_per_correct integer not null default 5
    check (quiz_solo_points_per_correct between 0 and 10000),
  add column quiz_solo_daily_points_cap integer not null default 100
    check (quiz_solo_daily_points_cap between 0 and 1000000);

create table public.quiz_solo_runs (
  id text primary key check (id ~ '^qzr_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete cascade,
  user_id text not null references public.users (id) on delete cascade,
  score integer not null check (score >= 0),
  question_count smallint not null check (question_count between 1 and 50),
  correct_count smallint not null check (correct_count between 0 and question_count),
  flagged_answers smallint not null default 0 check (flagged_answers >= 0),
  reward_points integer not null default 0 check (reward_points >= 0),
  is_capped boolean not null default false,
  reward_transaction_id text references public.ledger_transactions (id),
  finished_at timestamptz not null default now(),
  constraint quiz_solo_runs_paid check ((reward_points > 0) = (reward_transaction_id is not null))
);

create index quiz_solo_runs_daily_idx on public.quiz_solo_runs (user_id, campaign_id, finished_at desc);

comment on table public.quiz_solo_runs is 'Finished solo quiz runs and what each paid, under the daily cap.';

alter table public.quiz_solo_runs enable row level security;

create policy "players read own solo runs" on public.quiz_solo_runs for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select on public.quiz_solo_runs to authenticated;
