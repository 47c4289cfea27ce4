import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * The rewards shop's own strings, in both languages, kept beside the feature. The Italian
 * dictionary is typed against the English one, so a missing key fails the build.
 */
const en = {
  title: 'Rewards shop',
  lead: 'Spend your points on coupons, gift cards and cashback.',
  balance: 'You have {points} points to spend',
  campaign: 'Campaign',
  empty: 'Nothing in the shop for this campaign yet. Check back soon!',
  noCampaigns: 'No campaign is running right now.',
  cost: '{points} points',
  value: 'Worth {amount}',
  stockLeft: '{n} left',
  soldOut: 'Sold out',
  limitLeft: 'You can redeem this {n} more times',
  limitLeftOne: 'You can redeem this once more',
  limitReached: 'You have redeemed this as often as allowed',
  notEnough: 'You need {missing} more points',
  redeem: 'Redeem',
  confirmTitle: 'Redeem “{title}”?',
  confirmBody:
    '{points} points will leave your balance now. If the reward cannot be delivered, they come back by themselves.',
  confirm: 'Yes, redeem',
  cancel: 'Not now',
  redeeming: 'Redeeming…',
  mine: 'My rewards',
  mineLead:
    'Everything you redeemed and where it stands. Codes appear here as soon as they are ready.',
  mineEmpty: 'You have not redeemed anything yet.',
  toShop: 'Back to the shop',
  toMine: 'See all my rewards',
  code: 'Your code',
  copy: 'Copy code',
  copied: 'Copied',
  redeemedAt: 'Redeemed {date}',
  'kind.coupon': 'Coupon',
  'kind.gift_card': 'Gift card',
  'kind.cashback': 'Cashback',
  'status.requested': 'Requested',
  'status.processing': 'On its way',
  'status.fulfilled': 'Ready',
  'status.failed': 'Not delivered',
  'status.escalated': 'Being checked',
  'status.refunded': 'Refunded',
  'explain.requested': 'We have your order and your points. Sending it to our partner…',
  'explain.processing':
    'Our partner is preparing your reward. This usually takes a few seconds; you can leave this page.',
  'explain.fulfilled': 'Done! Here is your reward.',
  'explain.failed':
    'Our partner could not deliver this reward. Your {points} points are back in your balance.',
  'explain.escalated':
    'This one needs a closer look, and our support team has it. Your reward or your points will follow; you do not need to do anything.',
  'explain.refunded': 'Our support team gave your {points} points back.',
  live: 'Updates live',
};

const it: Record<keyof typeof en, string> = {
  title: 'Negozio premi',
  lead: 'Spendi i tuoi punti in coupon, carte regalo e cashback.',
  balance: 'Hai {points} punti da spendere',
  campaign: 'Campagna',
  empty: 'Per questa campagna il negozio è ancora vuoto. Torna presto!',
  noCampaigns: 'Al momento non c’è nessuna campagna attiva.',
  cost: '{points} punti',
  value: 'Valore {amount}',
  stockLeft: 'Ne restano {n}',
  soldOut: 'Esaurito',
  limitLeft: 'Puoi riscattarlo ancora {n} volte',
  limitLeftOne: 'Puoi riscattarlo ancora una volta',
  limitReached: 'Lo hai già riscattato il numero massimo di volte',
  notEnough: 'Ti servono altri {missing} punti',
  redeem: 'Riscatta',
  confirmTitle: 'Riscattare «{title}»?',
  confirmBody:
    '{points} punti lasciano subito il tuo saldo. Se il premio non può essere consegnato, tornano da soli.',
  confirm: 'Sì, riscatta',
  cancel: 'Non ora',
  redeeming: 'Riscatto in corso…',
  mine: 'I miei premi',
  mineLead:
    'Tutto ciò che hai riscattato e a che punto è. I codici compaiono qui appena sono pronti.',
  mineEmpty: 'Non hai ancora riscattato nulla.',
  toShop: 'Torna al negozio',
  toMine: 'Vedi tutti i miei premi',
  code: 'Il tuo codice',
  copy: 'Copia codice',
  copied: 'Copiato',
  redeemedAt: 'Riscattato il {date}',
  'kind.coupon': 'Coupon',
  'kind.gift_card': 'Carta regalo',
  'kind.cashback': 'Cashback',
  'status.requested': 'Richiesto',
  'status.processing': 'In arrivo',
  'status.fulfilled': 'Pronto',
  'status.failed': 'Non consegnato',
  'status.escalated': 'In verifica',
  'status.refunded': 'Rimborsato',
  'explain.requested':
    'Abbiamo il tuo ordine e i tuoi punti. Lo stiamo inviando al nostro partner…',
  'explain.processing':
    'Il nostro partner sta preparando il tuo premio. Di solito bastano pochi secondi; puoi lasciare questa pagina.',
  'explain.fulfilled': 'Fatto! Ecco il tuo premio.',
  'explain.failed':
    'Il nostro partner non è riuscito a consegnare questo premio. I tuoi {points} punti sono tornati nel saldo.',
  'explain.escalated':
    'Questo richiede una verifica e se ne occupa il nostro supporto. Riceverai il premio o i tuoi punti; non devi fare nulla.',
  'explain.refunded': 'Il nostro supporto ti ha restituito i tuoi {points} punti.',
  live: 'Aggiornamenti in tempo reale',
};

const dictionaries = { en, it } as const;
export type RewardsKey = keyof typeof en;
export type RewardsText = (key: RewardsKey, vars?: Record<string, string | number>) => string;

export function useRewardsText() {
  const { locale } = useI18n();
  const rt = useCallback<RewardsText>(
    (key, vars) => {
      const template: string = dictionaries[locale][key];
      return vars
        ? template.replace(/\{(\w+)\}/g, (m, name: string) =>
            name in vars ? String(vars[name]) : m,
          )
        : template;
    },
    [locale],
  );
  const tag = locale === 'it' ? 'it-IT' : 'en-GB';
  const formatMoney = useCallback(
    (cents: number, currency: string) =>
      new Intl.NumberFormat(tag, { style: 'currency', currency }).format(cents / 100),
    [tag],
  );
  const formatNumber = useCallback((n: number) => new Intl.NumberFormat(tag).format(n), [tag]);
  return { rt, formatMoney, formatNumber };
}
