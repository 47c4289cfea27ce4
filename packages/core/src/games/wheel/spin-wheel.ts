import { drawSegment, newId, type TWheelPrize, type TWheelSpinResult } from '@playloop/shared';
import { AppError } from '../../errors/app-error.js';
import { withTransaction, type Pool, type PoolClient } from '../../db/pool.js';
import { campaignBudgetAccount, houseAccount, playerAccount } from '../../ledger/accounts.js';
import { postTransaction, type Leg } from '../../ledger/post-transaction.js';
import { getWallet } from '../../ledger/wallet.js';
import { assertCampaignRunning, requireCurrentWheel, type LoadedWheel } from './load-wheel.js';
import { activeSeed, updateClientSeed } from './seeds.js';

export interface SpinInput {
  userId: string;
  campaignId: string;
  /** When given, becomes the active pair's client seed from this spin on. */
  clientSeed?: string | undefined;
}

type FallbackReason = 'out_of_stock' | 'over_budget';
type Segment = LoadedWheel['segments'][number];

interface Accounts {
  playerSpins: number;
  houseSpins: number;
  budget: number | null;
  playerPoints: number | null;
}

/** The ledger accounts a spin may touch (created on first use; nothing is locked yet). */
async function accountsFor(
  tx: PoolClient,
  userId: string,
  campaignId: string,
  drawn: Segment,
): Promise<Accounts> {
  const points = drawn.prize.kind === 'points';
  return {
    playerSpins: await playerAccount(tx, userId, 'spins'),
    houseSpins: await houseAccount(tx, 'spins'),
    budget: points ? await campaignBudgetAccount(tx, campaignId) : null,
    playerPoints: points ? await playerAccount(tx, userId, 'points') : null,
  };
}

/**
 * The spin's accounts' balances; with `lock`, locked `for update` in id order. The ledger (and
 * every other posting) locks accounts in id order too, so this cannot deadlock with referral
 * rewards or other spins, and with the balances locked "no spin left" and "over budget" are
 * decided for certain before anything is posted.
 */
async function balancesOf(tx: PoolClient, a: Accounts, lock: boolean) {
  const ids = Object.values(a).filter((id): id is number => id !== null);
  const { rows } = await tx.query<{ id: string; balance: string }>(
    `select id, balance from ledger_accounts where id = any($1::bigint[]) order by id${lock ? ' for update' : ''}`,
    [ids],
  );
  const of = (id: number | null) => Number(rows.find((r) => Number(r.id) === id)?.balance ?? 0);
  return { spins: of(a.playerSpins), budget: of(a.budget) };
}

/** One spin spent (back to the house) and the prize paid: points from the budget, spins from the house. */
function legsFor(a: Accounts, prize: TWheelPrize): Leg[] {
  const legs: Leg[] = [
    { accountId: a.playerSpins, amount: -1 },
    { accountId: a.houseSpins, amount: 1 },
  ];
  if (prize.kind === 'points' && a.budget !== null && a.playerPoints !== null) {
    legs.push(
      { accountId: a.budget, amount: -prize.amount },
      { accountId: a.playerPoints, amount: prize.amount },
    );
  } else if (prize.kind === 'spins') {
    legs.push(
      { accountId: a.houseSpins, amount: -prize.amount },
      { accountId: a.playerSpins, amount: prize.amount },
    );
  }
  return legs;
}

/** Takes one of the segment's stock, atomically; false when none is left. */
async function takeStock(tx: PoolClient, wheel: LoadedWheel, index: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update wheel_stock set remaining = remaining - 1
     where campaign_id = $1 and version = $2 and segment_index = $3 and remaining > 0`,
    [wheel.campaignId, wheel.version, index],
  );
  return rowCount === 1;
}

/**
 * One provably fair spin, in one Postgres transaction: lock the player's seed pair → take its
 * nonce → draw over the published weights → refuse with NO_SPINS if the wallet has no spin →
 * award the drawn prize if the campaign budget covers it and its stock can be taken (atomically),
 * else the fallback segment → post the ledger transaction (`wheel-spin:<seedId>:<nonce>`) →
 * record the spin. A refusal rolls everything back: the nonce is not consumed.
 */
export async function spinWheel(pool: Pool, input: SpinInput): Promise<TWheelSpinResult> {
  const { userId, campaignId } = input;
  const spin = await withTransaction(pool, async (tx) => {
    await assertCampaignRunning(tx, campaignId);
    const wheel = await requireCurrentWheel(tx, campaignId);
    let seed = await activeSeed(tx, userId, campaignId, { lock: true });
    if (input.clientSeed !== undefined) seed = await updateClientSeed(tx, seed, input.clientSeed);
    const nonce = seed.nextNonce;
    const drawnIndex = drawSegment(seed.serverSeed, seed.clientSeed, nonce, wheel.weights);
    const drawn = wheel.segments[drawnIndex] as Segment;

    const accounts = await accountsFor(tx, userId, campaignId, drawn);
    // An unlocked look answers the common refusal cheaply. Nothing is locked `for update`: the
    // posting itself locks the accounts it touches (in id order) until commit, and the ledger's
    // never-negative check refuses an overdraft there, so the shared house and budget rows are held
    // for the last few statements of a spin only, not for all of it.
    const seen = await balancesOf(tx, accounts, false);
    if (seen.spins < 1) throw new AppError('NO_SPINS');
    await tx.query('update wheel_seeds set next_nonce = $2 where id = $1', [seed.id, nonce + 1]);

    const costsPoints = drawn.prize.kind === 'points' ? drawn.prize.amount : 0;
    let reason: FallbackReason | null = null;
    await tx.query('savepoint wheel_award');
    if (seen.budget < costsPoints) reason = 'over_budget';
    else if (drawn.stock !== null && !(await takeStock(tx, wheel, drawnIndex)))
      reason = 'out_of_stock';

    const spinId = newId('spn');
    // The spin row is written between the ledger transaction's row and its entries, so the shared
    // accounts are locked only for the entries and the commit.
    const recordSpin = (
      ledgerTransactionId: string,
      awardedIndex: number,
      why: FallbackReason | null,
    ) =>
      tx.query(
        `insert into wheel_spins (id, user_id, campaign_id, wheel_version, seed_id, client_seed, nonce, drawn_index,
           awarded_index, fallback_reason, prize, ledger_transaction_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          spinId,
          userId,
          campaignId,
          wheel.version,
          seed.id,
          seed.clientSeed,
          nonce,
          drawnIndex,
          awardedIndex,
          why,
          JSON.stringify((wheel.segments[awardedIndex] as Segment).prize),
          ledgerTransactionId,
        ],
      );
    const post = (awardedIndex: number, why: FallbackReason | null) =>
      postTransaction(
        tx,
        {
          idempotencyKey: `wheel-spin:${seed.id}:${nonce}`,
          kind: 'spin_use',
          campaignId,
          memo: {
            description: `Wheel of fortune: ${(wheel.segments[awardedIndex] as Segment).label}`,
            spinId,
            drawnIndex,
            awardedIndex,
            fallbackReason: why,
          },
          legs: legsFor(accounts, (wheel.segments[awardedIndex] as Segment).prize),
        },
        {
          keepSavepoint: true,
          beforeEntries: async (id) => void (await recordSpin(id, awardedIndex, why)),
        },
      );
    const noSpins = (err: unknown) => {
      throw err instanceof AppError && err.code === 'INSUFFICIENT_FUNDS'
        ? new AppError('NO_SPINS', { cause: err })
        : err;
    };
    let awardedIndex = reason === null ? drawnIndex : wheel.fallbackIndex;
    let posted = await post(awardedIndex, reason).catch(async (err: unknown) => {
      if (!(err instanceof AppError && err.code === 'INSUFFICIENT_FUNDS')) throw err;
      // Rare: the spin or the budget went since the first look. Locked now, decide for certain,
      // then post again: the drawn prize with the locks held, or the fallback, which takes nothing
      // from the budget (a spin gone by then is NO_SPINS below).
      const locked = await balancesOf(tx, accounts, true);
      if (locked.spins < 1) noSpins(err);
      if (reason === null && locked.budget < costsPoints) {
        // The budget cannot pay the drawn points: give the stock back, award the fallback.
        await tx.query('rollback to savepoint wheel_award');
        reason = 'over_budget';
        awardedIndex = wheel.fallbackIndex;
      }
      return null;
    });
    posted ??= await post(awardedIndex, reason).catch(noSpins);
    const awarded = wheel.segments[awardedIndex] as Segment;
    // The seed row is locked and the nonce unique, so a duplicate here means a bug, not a retry.
    if (posted.duplicate)
      throw new AppError('CONFLICT', { internal: `wheel-spin:${seed.id}:${nonce} already posted` });

    return {
      spinId,
      campaignId,
      wheelVersion: wheel.version,
      drawnIndex,
      awardedIndex,
      fallbackReason: reason,
      prize: awarded.prize,
      serverSeedHash: seed.serverSeedHash,
      clientSeed: seed.clientSeed,
      nonce,
    };
  });
  return { ...spin, wallet: await getWallet(pool, userId) };
}
