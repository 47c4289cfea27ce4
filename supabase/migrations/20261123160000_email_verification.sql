-- Email verification links. Only a SHA-256 of the token is stored: a leaked table cannot verify
-- anyone. A token works once, until it expires; issuing a new one leaves older ones valid until
-- their own expiry (a player may click the first email after asking for a second).
create table public.email_verifications (
  id bigint generated always as identity primary key,
  user_id text not null references public.users (id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index email_verifications_user_idx on public.email_verifications (user_id, created_at desc);

comment on table public.email_verifications is 'Server-side only: hashed, single-use email verification tokens.';
alter table public.email_verifications enable row level security;
