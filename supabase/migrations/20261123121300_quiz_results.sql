-- Final standing of each player of a live session, written once when the session ends, and the
-- ledger transaction that paid its reward (idempotency key quiz-reward:<session>:<user>).
create table public.quiz_results (
  session_id text not null references public.quiz_sessions (id) on delete cascade,
  user_id text not null references public.users (id) on delete cascade,
  score integer not null check (score >= 0),
  rank integer not null check (rank >= 1),
  correct_count smallint not null check (correct_count >= 0),
  answered_count smallint not null check (answered_count >= correct_count),
  flagged_answers smallint not null default 0 check (flagged_answers >= 0),
  reward_points integer not null default 0 check (reward_points >= 0),
  reward_status text not null default 'pending'
    check (reward_status in ('pending', 'rewarded', 'none', 'budget_exhausted')),
  reward_transaction_id text references public.ledger_transactions (id),
  created_at timestamptz not null default now(),
  primary key (session_id, user_id),
  constraint quiz_results_rewarded_has_tx check ((reward_status = 'rewarded') = (reward_transaction_id is not null))
);

create index quiz_results_user_idx on public.quiz_results (user_id, created_at desc);

comment on table public.quiz_results is 'One row per player and live quiz session: score, rank, reward.';
comment on column public.quiz_results.flagged_answers is 'Answers faster than a human can read and tap; counted for review.';

alter table public.quiz_results enable row level security;

create policy "players read own quiz results" on public.quiz_results for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select on public.quiz_results to authenticated;
