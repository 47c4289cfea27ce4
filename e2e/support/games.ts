import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type pg from 'pg';
import { apiStaff } from './console';

/** The seeded demo campaign: a question bank, a published wheel, a funded budget. */
export const DEMO_CAMPAIGN = 'cmp_demo0000000000000000';

export const SHOW_REWARDS = { participation: 10, perCorrect: 20, podium: [300, 200, 100] };

export interface ShowQuestion {
  text: string;
  answers: string[];
  /** Read from Postgres in the test process: the page never has it before the reveal. */
  correctIndex: number;
}

export interface Show {
  sessionId: string;
  title: string;
  questions: ShowQuestion[];
}

/**
 * Marketing schedules a show from the demo bank through the REST api, as the console does, ten
 * minutes out so no pod opens its lobby yet. `startShowSoon` then brings it forward.
 */
export async function scheduleShow(
  request: APIRequestContext,
  db: pg.Pool,
  opts: { questionCount: number; revealSeconds: number },
): Promise<Show> {
  const { rows } = await db.query<{
    id: string;
    body: string;
    answers: string[];
    correct_index: number;
  }>(
    `select id, body, answers, correct_index from quiz_questions
     where campaign_id = $1 and is_active order by id limit $2`,
    [DEMO_CAMPAIGN, opts.questionCount],
  );
  expect(rows).toHaveLength(opts.questionCount);
  const token = await apiStaff(request, db, 'marketing');
  const title = `E2E show ${Date.now().toString(36)}`;
  const res = await request.post('/api/admin/quiz/sessions', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      campaignId: DEMO_CAMPAIGN,
      title,
      startsAt: new Date(Date.now() + 600_000).toISOString(),
      questionIds: rows.map((r) => r.id),
      lobbySeconds: 60,
      revealSeconds: opts.revealSeconds,
      rewardRules: SHOW_REWARDS,
    },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return {
    sessionId: id,
    title,
    questions: rows.map((r) => ({
      text: r.body,
      answers: r.answers,
      correctIndex: r.correct_index,
    })),
  };
}

/**
 * Starts the show `inSeconds` from now (Postgres's clock, the one the pods read) with a short
 * time limit per question: `time_limit_override_ms` is the column rehearsals and tests use; the
 * api does not expose it. Done before any pod opened the lobby, so the conductor loads it.
 */
export async function startShowSoon(
  db: pg.Pool,
  sessionId: string,
  opts: { inSeconds: number; questionMs: number },
): Promise<void> {
  const updated = await db.query(
    `update quiz_sessions set starts_at = now() + make_interval(secs => $2), time_limit_override_ms = $3
     where id = $1 and status = 'scheduled'`,
    [sessionId, opts.inSeconds, opts.questionMs],
  );
  expect(updated.rowCount).toBe(1);
}

export async function userIdOf(db: pg.Pool, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('select id from users where email = $1', [
    email.toLowerCase(),
  ]);
  expect(rows).toHaveLength(1);
  return (rows[0] as { id: string }).id;
}

export interface BoardRow {
  rank: string;
  name: string;
  score: string;
  isYou: boolean;
}

/** The quiz's top ten as drawn on the page; the reader's own row says "(you)". */
export async function boardOn(page: Page): Promise<BoardRow[]> {
  const table = page.getByRole('table', { name: 'Top ten' });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const [rank, name, score] = Array.from(tr.querySelectorAll('td'), (td) =>
        (td.textContent ?? '').trim(),
      );
      return {
        rank: rank ?? '',
        name: (name ?? '').replace(/\s*\(you\)$/, ''),
        score: score ?? '',
        isYou: (name ?? '').endsWith('(you)'),
      };
    }),
  );
}

/** A board row without the "(you)" mark, to compare what two readers see. */
export const withoutMark = (r: BoardRow) => ({ rank: r.rank, name: r.name, score: r.score });

/** "Your score: 1,234 · rank 1" on the reveal, as numbers. */
export async function standingOn(page: Page): Promise<{ score: number; rank: number }> {
  const status = page.getByRole('status').filter({ hasText: /Your score: [\d,]+ · rank \d+/ });
  await expect(status).toBeVisible();
  const m = /Your score: ([\d,]+) · rank (\d+)/.exec(await status.innerText());
  if (!m) throw new Error('no standing on the reveal');
  return { score: Number((m[1] as string).replace(/,/g, '')), rank: Number(m[2]) };
}

export interface SpinRow {
  spinId: string;
  drawnIndex: number;
  awardedIndex: number;
  fallbackReason: string | null;
  prize: { kind: 'points' | 'spins' | 'none'; amount: number };
  labels: string[];
}

/** The player's spins on a campaign's wheel, oldest first, with that wheel version's labels. */
export async function spinsOf(db: pg.Pool, userId: string, campaignId: string): Promise<SpinRow[]> {
  const { rows } = await db.query<{
    id: string;
    drawn_index: number;
    awarded_index: number;
    fallback_reason: string | null;
    prize: SpinRow['prize'];
    segments: { label: string }[];
  }>(
    `select s.id, s.drawn_index, s.awarded_index, s.fallback_reason, s.prize, v.segments
     from wheel_spins s join wheel_versions v on v.campaign_id = s.campaign_id and v.version = s.wheel_version
     where s.user_id = $1 and s.campaign_id = $2 order by s.created_at, s.nonce`,
    [userId, campaignId],
  );
  return rows.map((r) => ({
    spinId: r.id,
    drawnIndex: r.drawn_index,
    awardedIndex: r.awarded_index,
    fallbackReason: r.fallback_reason,
    prize: r.prize,
    labels: r.segments.map((s) => s.label),
  }));
}

const points = new Intl.NumberFormat('en-GB');

/** How the prize dialog names a prize in English: "100 points", "1 extra spin", or the segment's label. */
export function prizeText(spin: SpinRow): string {
  const { kind, amount } = spin.prize;
  if (kind === 'points') return `${points.format(amount)} ${amount === 1 ? 'point' : 'points'}`;
  if (kind === 'spins')
    return `${points.format(amount)} ${amount === 1 ? 'extra spin' : 'extra spins'}`;
  return spin.labels[spin.awardedIndex] ?? '';
}

const KIND_LABEL: Record<string, string> = {
  quiz_reward: 'Quiz reward',
  spin_grant: 'Spin received',
  spin_use: 'Wheel spin',
  referral_reward: 'Invite reward',
  prize: 'Wheel prize',
};

export interface WalletFigures {
  points: string;
  spins: string;
  /** Each history row as "what | amount", newest first. */
  lines: string[];
}

/** A player's balances and ledger entries as Postgres has them, written the way the wallet page writes them. */
export async function walletInDatabase(db: pg.Pool, userId: string): Promise<WalletFigures> {
  const balances = await db.query<{ asset: string; bucket: string; balance: string }>(
    `select asset, bucket, balance from ledger_accounts where kind = 'player' and user_id = $1`,
    [userId],
  );
  const of = (asset: string) =>
    Number(balances.rows.find((r) => r.asset === asset && r.bucket === 'available')?.balance ?? 0);
  const entries = await db.query<{
    kind: string;
    asset: string;
    amount: string;
    memo: { description?: string };
  }>(
    `select t.kind, a.asset, e.amount, t.memo from ledger_entries e
     join ledger_accounts a on a.id = e.account_id join ledger_transactions t on t.id = e.transaction_id
     where a.kind = 'player' and a.user_id = $1 order by e.id desc`,
    [userId],
  );
  const lines = entries.rows.map((r) => {
    const n = Number(r.amount);
    const unit = r.asset === 'points' ? 'point' : 'spin';
    const amount = `${n > 0 ? '+' : '−'}${points.format(Math.abs(n))} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
    return `${KIND_LABEL[r.kind] ?? r.kind}${r.memo.description ?? ''} | ${amount}`;
  });
  return { points: points.format(of('points')), spins: points.format(of('spins')), lines };
}

/** The same figures as the wallet page shows them (once its history table is there). */
export async function walletOnScreen(page: Page): Promise<WalletFigures> {
  const lines = await page
    .getByRole('table', { name: 'History' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim());
        return `${cells[1]} | ${cells[2]}`;
      }),
    );
  return {
    points: await page.getByTestId('wallet-points').innerText(),
    spins: await page.getByTestId('wallet-spins').innerText(),
    lines,
  };
}
