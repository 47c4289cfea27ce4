-- Referral rules per campaign: what qualifies a referral, what each side earns, caps, hold,
-- attribution window and the fraud threshold past which a referral waits for review.
alter table public.campaigns
  add column qualifying_action text not null default 'signup'
    check (qualifying_action in ('signup', 'email_verified', 'first_game', 'custom')),
  add column referrer_reward_points integer not null default 100 check (referrer_reward_points >= 0),
  add column referee_reward_points integer not null default 50 check (referee_reward_points >= 0),
  add column referrer_reward_spins integer not null default 1 check (referrer_reward_spins >= 0),
  add column referrer_daily_cap integer check (referrer_daily_cap is null or referrer_daily_cap > 0),
  add column referrer_lifetime_cap integer check (referrer_lifetime_cap is null or referrer_lifetime_cap > 0),
  add column hold_seconds integer not null default 0 check (hold_seconds between 0 and 7776000),
  add column attribution_window_days integer not null default 30 check (attribution_window_days between 1 and 365),
  add column fraud_threshold integer not null default 60 check (fraud_threshold between 1 and 1000),
  add column image_url text check (image_url is null or image_url ~ '^https?://'),
  add column share_text text not null default '' check (length(share_text) <= 280),
  add column custom_event_key_hash text check (custom_event_key_hash is null or length(custom_event_key_hash) = 64),
  add constraint campaigns_caps check (
    referrer_daily_cap is null or referrer_lifetime_cap is null or referrer_daily_cap <= referrer_lifetime_cap
  );

comment on column public.campaigns.custom_event_key_hash is 'SHA-256 of the server-to-server API key for custom qualification events.';
