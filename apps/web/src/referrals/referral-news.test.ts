import type { TReferralItem } from '@playloop/shared';
import { describe, expect, it } from 'vitest';
import { foldReferralPush, foldReferralSnapshot } from './referral-news';

const referral = (id: string, status: TReferralItem['status']): TReferralItem => ({
  id,
  campaignId: 'cmp_demo0000000000000000',
  refereeName: 'Bruno',
  status,
  attributedAt: '2026-11-23T10:00:00.000Z',
  qualifiedAt: null,
  rewardedAt: null,
});

describe('referral news', () => {
  it('tells each step of a friend once, in order', () => {
    const seen = new Map<string, number>();
    const steps = (['pending', 'qualified', 'rewarded'] as const).map(
      (s) => foldReferralPush(seen, referral('ref_1', s)).news,
    );
    expect(steps).toEqual(['joined', 'qualified', 'rewarded']);
  });

  it('ignores repeated and late pushes, which would otherwise roll the list back', () => {
    const seen = new Map<string, number>();
    foldReferralPush(seen, referral('ref_1', 'rewarded'));
    expect(foldReferralPush(seen, referral('ref_1', 'pending'))).toEqual({
      isFresh: false,
      news: null,
    });
    expect(foldReferralPush(seen, referral('ref_1', 'rewarded'))).toEqual({
      isFresh: false,
      news: null,
    });
  });

  it('announces a reward even when the friend joined before the page opened', () => {
    const seen = new Map<string, number>();
    foldReferralSnapshot(seen, [referral('ref_1', 'pending')]);
    expect(foldReferralPush(seen, referral('ref_1', 'pending')).isFresh).toBe(false);
    expect(foldReferralPush(seen, referral('ref_1', 'rewarded')).news).toBe('rewarded');
  });

  it('announces only the reward when the first push a page hears already says rewarded', () => {
    const seen = new Map<string, number>();
    expect(foldReferralPush(seen, referral('ref_2', 'rewarded')).news).toBe('rewarded');
  });

  it('reads flagged as pending: review states are not news to the referrer', () => {
    const seen = new Map<string, number>();
    foldReferralPush(seen, referral('ref_3', 'pending'));
    expect(foldReferralPush(seen, referral('ref_3', 'flagged'))).toEqual({
      isFresh: false,
      news: null,
    });
  });

  it('keeps a later step a push showed when an older snapshot arrives afterwards', () => {
    const seen = new Map<string, number>();
    foldReferralPush(seen, referral('ref_4', 'rewarded'));
    foldReferralSnapshot(seen, [referral('ref_4', 'pending')]);
    expect(foldReferralPush(seen, referral('ref_4', 'qualified')).isFresh).toBe(false);
  });
});
