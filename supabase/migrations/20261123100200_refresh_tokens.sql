-- Opaque refresh tokens, stored as SHA-256 hashes, rotated on every use. All tokens descending
-- from one sign-in share a family; presenting a used token revokes the whole family.
create table public.refresh_tokens (
  token_hash text primary key check (length(token_hash) = 64),
  family_id text not null check (family_id ~ '^rtf_[0-9A-Za-z]{20}$'),
  user_id text not null references public.users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  check (expires_at > created_at)
);

create index refresh_tokens_family_idx on public.refresh_tokens (family_id);
create index refresh_tokens_user_idx on public.refresh_tokens (user_id);

comment on table public.refresh_tokens is 'Server-side only: no client role has a policy here.';

alter table public.refresh_tokens enable row level security;
