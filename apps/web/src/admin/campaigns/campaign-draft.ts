import type { TCampaignAdmin, TQualifyingAction } from '@playloop/shared';
import type { CampaignBody } from '../admin-api';

export interface VariantDraft {
  name: string;
  weight: string;
  landingTitle: string;
  landingText: string;
}

/**
 * The editor's state: what the inputs hold, as typed. Conversion to the contract happens only on
 * save, so a half-typed number is never rewritten under the cursor and the server judges the rest.
 */
export interface CampaignDraft {
  slug: string;
  title: string;
  description: string;
  /** `datetime-local` values, in the reader's time zone. */
  startsAt: string;
  endsAt: string;
  qualifyingAction: TQualifyingAction;
  referrerRewardPoints: string;
  refereeRewardPoints: string;
  referrerRewardSpins: string;
  referrerDailyCap: string;
  referrerLifetimeCap: string;
  holdHours: string;
  attributionWindowDays: string;
  fraudThreshold: string;
  budgetPoints: string;
  dailyBudgetPoints: string;
  landingTitle: string;
  landingText: string;
  imageUrl: string;
  shareText: string;
  variants: VariantDraft[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in local time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO instant; unparseable text is passed on for the server to refuse. */
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function emptyDraft(now = new Date()): CampaignDraft {
  const start = new Date(now.getTime() + 3_600_000);
  start.setMinutes(0, 0, 0);
  return {
    slug: '',
    title: '',
    description: '',
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(new Date(start.getTime() + 30 * 86_400_000).toISOString()),
    qualifyingAction: 'signup',
    referrerRewardPoints: '100',
    refereeRewardPoints: '50',
    referrerRewardSpins: '1',
    referrerDailyCap: '',
    referrerLifetimeCap: '',
    holdHours: '0',
    attributionWindowDays: '30',
    fraudThreshold: '60',
    budgetPoints: '100000',
    dailyBudgetPoints: '',
    landingTitle: '',
    landingText: '',
    imageUrl: '',
    shareText: '',
    variants: [],
  };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The editor's state for a saved campaign; the budget shown is what is left of it. */
export function draftFromCampaign(c: TCampaignAdmin): CampaignDraft {
  const k = c.config;
  const variants = Array.isArray(k.variants) ? (k.variants as Record<string, unknown>[]) : [];
  const action = str(k.qualifyingAction);
  return {
    slug: str(k.slug),
    title: str(k.title),
    description: str(k.description),
    startsAt: toLocalInput(str(k.startsAt)),
    endsAt: toLocalInput(k.endsAt ? str(k.endsAt) : null),
    qualifyingAction: (['signup', 'email_verified', 'first_game', 'custom'].includes(action)
      ? action
      : 'signup') as TQualifyingAction,
    referrerRewardPoints: str(k.referrerRewardPoints),
    refereeRewardPoints: str(k.refereeRewardPoints),
    referrerRewardSpins: str(k.referrerRewardSpins),
    referrerDailyCap: str(k.referrerDailyCap),
    referrerLifetimeCap: str(k.referrerLifetimeCap),
    holdHours: str(Number(k.holdSeconds ?? 0) / 3600),
    attributionWindowDays: str(k.attributionWindowDays),
    fraudThreshold: str(k.fraudThreshold),
    budgetPoints: str(c.budgetRemaining),
    dailyBudgetPoints: str(k.dailyBudgetPoints),
    landingTitle: str(k.landingTitle),
    landingText: str(k.landingText),
    imageUrl: str(k.imageUrl),
    shareText: str(k.shareText),
    variants: variants.map((v) => ({
      name: str(v.name),
      weight: str(v.weight),
      landingTitle: str(v.landingTitle),
      landingText: str(v.landingText),
    })),
  };
}

/** Empty stays NaN (sent as null): the server names the field rather than the SPA guessing a zero. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
const optional = (s: string): number | null => (s.trim() === '' ? null : Number(s));

export function draftToBody(d: CampaignDraft): CampaignBody {
  return {
    slug: d.slug.trim(),
    title: d.title,
    description: d.description,
    startsAt: fromLocalInput(d.startsAt),
    endsAt: d.endsAt.trim() === '' ? null : fromLocalInput(d.endsAt),
    qualifyingAction: d.qualifyingAction,
    referrerRewardPoints: num(d.referrerRewardPoints),
    refereeRewardPoints: num(d.refereeRewardPoints),
    referrerRewardSpins: num(d.referrerRewardSpins),
    referrerDailyCap: optional(d.referrerDailyCap),
    referrerLifetimeCap: optional(d.referrerLifetimeCap),
    holdSeconds: Math.round(num(d.holdHours) * 3600),
    attributionWindowDays: num(d.attributionWindowDays),
    fraudThreshold: num(d.fraudThreshold),
    budgetPoints: num(d.budgetPoints),
    dailyBudgetPoints: optional(d.dailyBudgetPoints),
    landingTitle: d.landingTitle,
    landingText: d.landingText,
    imageUrl: d.imageUrl.trim() === '' ? null : d.imageUrl.trim(),
    shareText: d.shareText,
    variants: d.variants.map((v) => ({
      name: v.name,
      weight: num(v.weight),
      landingTitle: v.landingTitle,
      landingText: v.landingText,
    })),
  };
}
