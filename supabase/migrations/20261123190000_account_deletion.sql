-- Erased accounts (GDPR, right to erasure). The row stays, anonymous, because the ledger, payouts,
-- spins and referrals of other players point at it and are records the platform must keep; what
-- identified the person goes: email (replaced by a unique placeholder), display name, password
-- hash, the sign-in provider's subject, sign-up signals, notifications, tokens and links.
alter table public.users add column deleted_at timestamptz;

alter table public.users drop constraint users_credentials;
alter table public.users add constraint users_credentials check (
  (deleted_at is not null and password_hash is null and external_subject is null)
  or (deleted_at is null and (
    (auth_provider = 'local' and password_hash is not null and external_subject is null)
    or (auth_provider = 'supabase' and external_subject is not null)
  ))
);

comment on column public.users.deleted_at is 'Set when the player erased their account; the row is then anonymous.';
