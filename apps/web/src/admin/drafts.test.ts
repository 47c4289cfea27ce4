import { ZCampaignInput, ZWheelConfig, type TCampaignAdmin } from '@playloop/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import {
  draftFromCampaign,
  draftToBody,
  emptyDraft,
  fromLocalInput,
  toLocalInput,
} from './campaigns/campaign-draft';
import { errorsUnder, fieldErrorsOf } from './ui/field-errors';
import { probabilities, starterWheel, wheelToBody } from './wheel/wheel-draft';

const saved: TCampaignAdmin = {
  id: 'cmp_aaaaaaaaaaaaaaaaaaaa',
  status: 'draft',
  ownerId: 'usr_aaaaaaaaaaaaaaaaaaaa',
  budgetRemaining: 4200,
  createdAt: '2030-01-01T00:00:00.000Z',
  config: {
    slug: 'spring',
    title: 'Spring',
    description: 'd',
    startsAt: '2030-01-02T09:00:00.000Z',
    endsAt: null,
    qualifyingAction: 'first_game',
    referrerRewardPoints: 100,
    refereeRewardPoints: 50,
    referrerRewardSpins: 1,
    referrerDailyCap: 5,
    referrerLifetimeCap: null,
    holdSeconds: 5400,
    attributionWindowDays: 30,
    fraudThreshold: 60,
    dailyBudgetPoints: null,
    landingTitle: 'Hi',
    landingText: '',
    imageUrl: 'https://example.com/a.png',
    shareText: 'Play',
    variants: [
      { name: 'A', weight: 60, landingTitle: '', landingText: '' },
      { name: 'B', weight: 40, landingTitle: 'B!', landingText: '' },
    ],
  },
};

describe('campaign drafts', () => {
  it('turn a saved campaign back into the same contract body, budget = what is left', () => {
    const body = ZCampaignInput.parse(draftToBody(draftFromCampaign(saved)));
    const { variants, ...rest } = saved.config;
    expect(body).toMatchObject({ ...rest, budgetPoints: 4200 });
    expect(body.variants).toEqual(variants);
  });

  it('show the hold in hours and send it in seconds', () => {
    const draft = draftFromCampaign(saved);
    expect(draft.holdHours).toBe('1.5');
    expect(draftToBody({ ...draft, holdHours: '0.25' }).holdSeconds).toBe(900);
  });

  it('send blanks as null for optional limits and leave required blanks for the server to name', () => {
    const body = draftToBody({
      ...emptyDraft(),
      budgetPoints: '',
      referrerDailyCap: '',
      endsAt: '',
      imageUrl: ' ',
    });
    expect(body.referrerDailyCap).toBeNull();
    expect(body.endsAt).toBeNull();
    expect(body.imageUrl).toBeNull();
    const issues = ZCampaignInput.safeParse(JSON.parse(JSON.stringify(body))).error?.issues.map(
      (i) => i.path.join('.'),
    );
    expect(issues).toContain('budgetPoints');
  });

  it('keep local date-time inputs and ISO instants in step', () => {
    const iso = '2030-06-01T08:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('not a date')).toBe('not a date');
  });
});

describe('wheel drafts', () => {
  it('start from a wheel the contract accepts, with chances that add up to 1', () => {
    const wheel = starterWheel();
    expect(ZWheelConfig.safeParse(wheelToBody(wheel)).success).toBe(true);
    expect(probabilities(wheel).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('mark exactly the chosen segment as the fallback', () => {
    const body = wheelToBody({ ...starterWheel(), fallbackIndex: 0 });
    expect(body.segments.map((s) => s.isFallback)).toEqual([true, false, false, false, false]);
    expect(ZWheelConfig.safeParse(body).error?.issues[0]?.path).toEqual(['segments', 0]);
  });
});

describe('field errors', () => {
  it('map the server’s issues by path, first one per field, rows re-keyed', () => {
    const err = new ApiError('VALIDATION_FAILED', 400, 'bad', {
      details: [
        { path: 'endsAt', message: 'must be after the start date' },
        { path: 'endsAt', message: 'second' },
        { path: 'variants.1.weight', message: 'must not be negative' },
        { path: '(root)', message: 'ignored' },
      ],
    });
    const errors = fieldErrorsOf(err);
    expect(errors).toEqual({
      endsAt: 'must be after the start date',
      'variants.1.weight': 'must not be negative',
    });
    expect(errorsUnder(errors, 'variants.1')).toEqual({ weight: 'must not be negative' });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});
