-- Notifications are stored before they are pushed: Redis pub/sub is at-most-once, so a client
-- that missed a push resyncs from here.
create table public.notifications (
  id text primary key check (id ~ '^ntf_[0-9A-Za-z]{20}$'),
  user_id text not null references public.users (id) on delete cascade,
  kind text not null check (kind in ('welcome', 'system')),
  title text not null check (length(title) between 1 and 200),
  body text not null default '' check (length(body) <= 2000),
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notifications_dedupe unique (user_id, dedupe_key)
);

create index notifications_user_created_idx on public.notifications (user_id, created_at desc);

comment on table public.notifications is 'Per-user notifications; dedupe_key makes job retries harmless.';

alter table public.notifications enable row level security;

create policy "users read own notifications" on public.notifications
  for select to authenticated
  using (user_id in (select u.id from public.users u where u.external_subject = (select auth.uid())::text));
grant select on public.notifications to authenticated;
