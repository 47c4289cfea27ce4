import { z } from 'zod';

export const ZWallet = z.object({
  /** Points spendable now. */
  points: z.number().int(),
  /** Points earned but still in their hold period. */
  pointsHeld: z.number().int(),
  spins: z.number().int(),
});
export type TWallet = z.infer<typeof ZWallet>;

export const ZLedgerKind = z.enum([
  'budget_funding',
  'referral_reward',
  'hold_release',
  'quiz_reward',
  'spin_grant',
  'spin_use',
  'prize',
  'redemption',
  'refund',
  'adjustment',
]);

export const ZLedgerLine = z.object({
  transactionId: z.string(),
  kind: ZLedgerKind,
  asset: z.enum(['points', 'spins']),
  bucket: z.enum(['available', 'held']),
  amount: z.number().int(),
  createdAt: z.string(),
  description: z.string(),
});
export type TLedgerLine = z.infer<typeof ZLedgerLine>;

export const ZWalletResponse = z.object({ wallet: ZWallet, history: z.array(ZLedgerLine) });
export type TWalletResponse = z.infer<typeof ZWalletResponse>;
