-- Quiz question banks: one bank per campaign. The correct answer lives only here and in the
-- memory of the pod conducting a round; it is never granted to client roles (no grant at all:
-- the question text reaches players over the realtime connection, one question at a time, so
-- nobody can read the bank ahead of a live round either).
create table public.quiz_questions (
  id text primary key check (id ~ '^qzq_[0-9A-Za-z]{20}$'),
  campaign_id text not null references public.campaigns (id) on delete cascade,
  body text not null check (length(body) between 1 and 300),
  answers text[] not null,
  correct_index smallint not null,
  time_limit_seconds smallint not null default 15 check (time_limit_seconds between 5 and 60),
  image_url text check (image_url is null or image_url ~ '^https?://'),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  constraint quiz_questions_answer_count check (cardinality(answers) between 2 and 4),
  constraint quiz_questions_answers_filled check (
    array_position(answers, null) is null
    and array_position(answers, '') is null
    and length(array_to_string(answers, '')) <= 4 * 120
  ),
  constraint quiz_questions_correct_in_range check (correct_index >= 0 and correct_index < cardinality(answers))
);

create index quiz_questions_bank_idx on public.quiz_questions (campaign_id) where is_active;

comment on table public.quiz_questions is 'Quiz question bank per campaign; correct_index is server-only.';
comment on column public.quiz_questions.correct_index is 'Zero-based index into answers. Never granted to anon/authenticated.';

alter table public.quiz_questions enable row level security;
-- No policy and no grant for anon/authenticated on purpose: only the server (table owner or
-- service_role) reads the bank.
