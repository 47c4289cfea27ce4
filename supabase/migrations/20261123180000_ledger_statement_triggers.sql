-- The ledger's triggers work per statement instead of per entry.
--
-- A launch-day batch of referral rewards inserts a few hundred entries in one statement, a third
-- of them against the same campaign budget. Per entry, the balance trigger updated that budget row
-- once per entry (each update a new row version the next one had to walk past), and the deferred
-- balance check ran its query once per entry at commit: together about 2 ms of Postgres per reward,
-- the largest cost of the whole reward pipeline (bench:referral-rewards). Per statement, each
-- account is updated once by the sum of its entries, and each ledger transaction is checked once.
--
-- The rules are unchanged: a balance is the sum of its entries (the update adds exactly the
-- inserted amounts), never negative except the house (the account's check constraint, raised by
-- the update as before), and the entries of a transaction sum to zero per asset. That last check
-- now runs when the inserting statement ends instead of at commit, so the entries of one ledger
-- transaction are inserted in one statement (as postTransaction and rewardReferrals do).

drop trigger ledger_entries_apply on public.ledger_entries;
drop trigger ledger_entries_balanced on public.ledger_entries;
drop function public.ledger_apply_entry();
drop function public.ledger_check_balanced();

create function public.ledger_apply_entries() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  unbalanced record;
begin
  -- `= any(array(…))` makes each lookup an index scan on the few ids of this statement (an `in`
  -- over the transition table, of unknown size to the planner, walked whole indexes instead).
  -- Accounts locked in id order, so concurrent postings cannot deadlock each other. The lock is
  -- the one the update takes (no key update): a stronger one would wait on the key-share locks
  -- that the entries' foreign key checks of a concurrent posting hold, and deadlock with it.
  perform 1 from public.ledger_accounts
  where id = any(array(select account_id from new_entries)) order by id for no key update;
  update public.ledger_accounts a set balance = a.balance + d.delta
  from (select account_id, sum(amount) as delta from new_entries group by account_id) d
  where a.id = d.account_id;

  select e.transaction_id, a.asset into unbalanced
  from public.ledger_entries e join public.ledger_accounts a on a.id = e.account_id
  where e.transaction_id = any(array(select distinct transaction_id from new_entries))
  group by e.transaction_id, a.asset having sum(e.amount) <> 0
  limit 1;
  if found then
    raise exception 'ledger transaction % does not balance for %',
      unbalanced.transaction_id, unbalanced.asset
      using errcode = '23514';
  end if;
  return null;
end
$$;

create trigger ledger_entries_apply after insert on public.ledger_entries
  referencing new table as new_entries
  for each statement execute function public.ledger_apply_entries();
