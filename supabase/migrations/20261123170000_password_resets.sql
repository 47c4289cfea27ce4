-- Password reset links. Only a SHA-256 of the token is stored: a leaked table resets nobody's
-- password. A token works once, for 30 minutes; using one spends every other open link of the
-- account (OWASP Forgot Password Cheat Sheet).
create table public.password_resets (
  id bigint generated always as identity primary key,
  user_id text not null references public.users (id) on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index password_resets_open_idx on public.password_resets (user_id) where used_at is null;

comment on table public.password_resets is 'Server-side only: hashed, single-use password reset tokens.';
alter table public.password_resets enable row level security;
