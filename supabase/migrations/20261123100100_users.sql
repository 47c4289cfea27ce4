-- Accounts. A user signs up with a password (argon2id hash here) or arrives from Supabase Auth
-- (external_subject = the Supabase user's uuid, provisioned on first sight).
create table public.users (
  id text primary key check (id ~ '^usr_[0-9A-Za-z]{20}$'),
  email text not null check (email = lower(email) and length(email) between 3 and 254),
  display_name text not null check (length(display_name) between 1 and 40),
  role text not null default 'player' check (role in ('player', 'marketing', 'support', 'admin')),
  locale text not null default 'en' check (locale in ('en', 'it')),
  password_hash text check (password_hash is null or password_hash like '$argon2id$%'),
  auth_provider text not null default 'local' check (auth_provider in ('local', 'supabase')),
  external_subject text unique,
  email_verified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_unique unique (email),
  constraint users_credentials check (
    (auth_provider = 'local' and password_hash is not null and external_subject is null)
    or (auth_provider = 'supabase' and external_subject is not null)
  )
);

comment on table public.users is 'Player and staff accounts; role drives what the api allows.';

alter table public.users enable row level security;

-- A Supabase-authenticated client may read its own row, never the password hash.
create policy "users read own row" on public.users
  for select to authenticated
  using (external_subject = (select auth.uid())::text);
grant select (id, email, display_name, role, locale, created_at) on public.users to authenticated;
