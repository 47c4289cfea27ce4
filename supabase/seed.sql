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
    -- Both legs in one statement: a ledger transaction must balance when its insert ends.
    insert into public.ledger_entries (transaction_id, account_id, amount)
    select tx, id, -1000000 from public.ledger_accounts where kind = 'house' and asset = 'points'
    union all
    select tx, id, 1000000 from public.ledger_accounts where kind = 'campaign_budget' and campaign_id = 'cmp_demo0000000000000000' and asset = 'points';
  end if;
end
$$;

-- The demo campaign's wheel of fortune (version 1, published once), with a few stocked prizes
-- and the fallback "Try again" awarded when a drawn prize is out of stock or over budget.
do $$
declare
  wheel jsonb := '[
    {"label": "50 points",    "weight": 30, "colour": "#f59e0b", "prize": {"kind": "points", "amount": 50},   "stock": null, "isFallback": false},
    {"label": "Extra spin",   "weight": 14, "colour": "#3b82f6", "prize": {"kind": "spins",  "amount": 1},    "stock": null, "isFallback": false},
    {"label": "100 points",   "weight": 18, "colour": "#10b981", "prize": {"kind": "points", "amount": 100},  "stock": null, "isFallback": false},
    {"label": "Try again",    "weight": 20, "colour": "#64748b", "prize": {"kind": "none",   "amount": 0},    "stock": null, "isFallback": true},
    {"label": "250 points",   "weight": 8,  "colour": "#8b5cf6", "prize": {"kind": "points", "amount": 250},  "stock": 200,  "isFallback": false},
    {"label": "25 points",    "weight": 5,  "colour": "#ec4899", "prize": {"kind": "points", "amount": 25},   "stock": null, "isFallback": false},
    {"label": "1,000 points", "weight": 3,  "colour": "#ef4444", "prize": {"kind": "points", "amount": 1000}, "stock": 20,   "isFallback": false},
    {"label": "Jackpot 5,000", "weight": 2, "colour": "#0f766e", "prize": {"kind": "points", "amount": 5000}, "stock": 3,    "isFallback": false}
  ]'::jsonb;
begin
  if not exists (select 1 from public.wheel_versions where campaign_id = 'cmp_demo0000000000000000') then
    insert into public.wheel_versions (campaign_id, version, segments, weights, fallback_index)
    select 'cmp_demo0000000000000000', 1, wheel, array_agg((s ->> 'weight')::int order by i), 3
    from jsonb_array_elements(wheel) with ordinality as e(s, i);
    insert into public.wheel_stock (campaign_id, version, segment_index, initial, remaining)
    select 'cmp_demo0000000000000000', 1, (i - 1)::int, (s ->> 'stock')::int, (s ->> 'stock')::int
    from jsonb_array_elements(wheel) with ordinality as e(s, i)
    where s ->> 'stock' is not null;
  end if;
end
$$;

-- The demo campaign's live quiz: a question bank (the answers stay on the server) and a show that
-- the realtime pods schedule every 3 minutes (60 s lobby, 5 questions, 6 s reveals).
insert into public.quiz_questions (id, campaign_id, body, answers, correct_index, time_limit_seconds)
values
  ('qzq_demoquestion00000001', 'cmp_demo0000000000000000', 'Which planet is known as the Red Planet?', array['Venus', 'Mars', 'Jupiter', 'Mercury'], 1, 15),
  ('qzq_demoquestion00000002', 'cmp_demo0000000000000000', 'What is the capital of Italy?', array['Milan', 'Naples', 'Rome', 'Turin'], 2, 10),
  ('qzq_demoquestion00000003', 'cmp_demo0000000000000000', 'How many minutes are there in a day?', array['1,440', '1,200', '3,600', '864'], 0, 20),
  ('qzq_demoquestion00000004', 'cmp_demo0000000000000000', 'Which gas do plants take in from the air?', array['Oxygen', 'Nitrogen', 'Helium', 'Carbon dioxide'], 3, 15),
  ('qzq_demoquestion00000005', 'cmp_demo0000000000000000', 'Who painted the Mona Lisa?', array['Leonardo da Vinci', 'Michelangelo', 'Raphael'], 0, 12),
  ('qzq_demoquestion00000006', 'cmp_demo0000000000000000', 'What is 7 × 8?', array['54', '56', '64', '48'], 1, 10),
  ('qzq_demoquestion00000007', 'cmp_demo0000000000000000', 'Which ocean is the largest?', array['Atlantic', 'Indian', 'Pacific', 'Arctic'], 2, 12),
  ('qzq_demoquestion00000008', 'cmp_demo0000000000000000', 'How many sides does a hexagon have?', array['5', '6', '7', '8'], 1, 10),
  ('qzq_demoquestion00000009', 'cmp_demo0000000000000000', 'Pizza Margherita is named after…', array['A queen', 'A river', 'A flower'], 0, 15),
  ('qzq_demoquestion00000010', 'cmp_demo0000000000000000', 'Which is not a programming language?', array['TypeScript', 'Rust', 'Espresso', 'Go'], 2, 12),
  ('qzq_demoquestion00000011', 'cmp_demo0000000000000000', 'What does a referral reward?', array['Inviting a friend who joins', 'Logging in twice', 'Changing your password'], 0, 15),
  ('qzq_demoquestion00000012', 'cmp_demo0000000000000000', 'Water boils at sea level at…', array['90 °C', '100 °C', '110 °C', '120 °C'], 1, 12)
on conflict (id) do nothing;

insert into public.quiz_schedules (id, campaign_id, title, every_seconds, question_count, lobby_seconds, reveal_seconds)
values ('qzc_demoschedule00000001', 'cmp_demo0000000000000000', 'Launch party quiz', 180, 5, 60, 6)
on conflict (id) do nothing;

-- The demo rewards shop: two coupon banks (codes handed out once) and gift cards / cashback
-- fulfilled by the sandbox provider `npm start` runs beside the api (PAYOUT_PROVIDERS names it).
insert into public.reward_items (id, campaign_id, kind, title, description, cost_points, amount_cents, currency, provider, sku, stock, per_player_limit)
values
  ('rwd_democoffee0000000000', 'cmp_demo0000000000000000', 'coupon', 'Free coffee', 'A coffee on us at any partner café. Show the code at the till.', 50, null, null, null, null, 0, 2),
  ('rwd_democoupon10off00000', 'cmp_demo0000000000000000', 'coupon', '10% off in the Playloop shop', 'One use, on any order.', 120, null, null, null, null, 0, 1),
  ('rwd_demogiftcard5eur0000', 'cmp_demo0000000000000000', 'gift_card', '€5 gift card', 'Delivered by our (sandbox) gift-card partner in seconds.', 200, 500, 'EUR', 'sandbox', 'giftcard-eur', 100, 3),
  ('rwd_demogiftcard10eur000', 'cmp_demo0000000000000000', 'gift_card', '€10 gift card', 'Delivered by our (sandbox) gift-card partner in seconds.', 380, 1000, 'EUR', 'sandbox', 'giftcard-eur', 50, 2),
  ('rwd_democashback2eur0000', 'cmp_demo0000000000000000', 'cashback', '€2 cashback', 'Paid back to your account by the (sandbox) payout partner.', 90, 200, 'EUR', 'sandbox', 'cashback-eur', null, 5)
on conflict (id) do nothing;

insert into public.reward_coupon_codes (item_id, code)
select 'rwd_democoffee0000000000', 'COFFEE-' || lpad(i::text, 4, '0') from generate_series(1, 100) as i
union all
select 'rwd_democoupon10off00000', 'PLAY10-' || lpad(i::text, 4, '0') from generate_series(1, 100) as i
on conflict on constraint reward_coupon_codes_unique do nothing;

-- A coupon's stock is its free codes, whatever a previous run left.
update public.reward_items i set stock = (select count(*) from public.reward_coupon_codes c where c.item_id = i.id and c.payout_id is null)
where i.id in ('rwd_democoffee0000000000', 'rwd_democoupon10off00000');
