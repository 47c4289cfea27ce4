-- Demo content for local installs (`npm start`). Safe to run twice.
insert into public.campaigns (id, slug, title, description, status, starts_at)
values (
  'cmp_demo0000000000000000',
  'demo',
  'Playloop launch party',
  'Invite your friends, play the live quiz and spin the wheel. Both of you earn points when a friend joins.',
  'active',
  now() - interval '1 day'
)
on conflict (id) do nothing;
