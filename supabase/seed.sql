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

-- The demo campaign's budget: 1,000,000 points funded from the house, once.
insert into public.ledger_accounts (kind, campaign_id, asset)
values ('campaign_budget', 'cmp_demo0000000000000000', 'points')
on conflict do nothing;

do $$
declare
  tx text := 'ltx_demofunding000000000';
begin
  if not exists (select 1 from public.ledger_transactions where idempotency_key = 'fund:cmp_demo0000000000000000') then
    insert into public.ledger_transactions (id, idempotency_key, kind, campaign_id)
    values (tx, 'fund:cmp_demo0000000000000000', 'budget_funding', 'cmp_demo0000000000000000');
    insert into public.ledger_entries (transaction_id, account_id, amount)
    select tx, id, -1000000 from public.ledger_accounts where kind = 'house' and asset = 'points';
    insert into public.ledger_entries (transaction_id, account_id, amount)
    select tx, id, 1000000 from public.ledger_accounts where kind = 'campaign_budget' and campaign_id = 'cmp_demo0000000000000000' and asset = 'points';
  end if;
end
$$;
