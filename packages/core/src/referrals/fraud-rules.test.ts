import { describe, expect, it } from 'vitest';
import { scoreFraud, type FraudFacts } from './fraud-rules.js';
import { canonicalEmail } from './signals.js';

const clean: FraudFacts = {
  sameAccount: false,
  sameCanonicalEmail: false,
  refereeEmailDomain: 'example.com',
  sameDeviceAsReferrer: false,
  otherReferralsFromDevice: 0,
  ipUaClusterSize: 0,
  sameIpUaAsReferrer: false,
  signupsPerCodeLastHour: 1,
  secondsToQualify: null,
};

describe('fraud rules', () => {
  it('stay quiet on a clean referral', () => {
    expect(scoreFraud(clean)).toEqual({ score: 0, evidence: [] });
  });

  it.each([
    ['self_referral', { sameCanonicalEmail: true }],
    ['same_device', { sameDeviceAsReferrer: true }],
    ['same_device', { otherReferralsFromDevice: 3 }],
    ['ip_ua_cluster', { ipUaClusterSize: 2 }],
    ['ip_ua_cluster', { sameIpUaAsReferrer: true }],
    ['disposable_email', { refereeEmailDomain: 'mailinator.com' }],
    ['velocity', { signupsPerCodeLastHour: 11 }],
    ['fast_qualification', { secondsToQualify: 2.5 }],
  ] as const)('%s fires on its own case and explains itself', (rule, facts) => {
    const result = scoreFraud({ ...clean, ...facts });
    expect(result.evidence.map((e) => e.rule)).toEqual([rule]);
    expect(result.evidence[0]?.detail.length).toBeGreaterThan(5);
    expect(result.score).toBe(result.evidence[0]?.score);
  });

  it('adds scores up when several rules fire', () => {
    const result = scoreFraud({
      ...clean,
      sameDeviceAsReferrer: true,
      refereeEmailDomain: 'mailinator.com',
    });
    expect(result.score).toBe(100);
  });

  it('quiet just under each limit', () => {
    expect(
      scoreFraud({ ...clean, signupsPerCodeLastHour: 10, ipUaClusterSize: 1, secondsToQualify: 10 })
        .score,
    ).toBe(0);
  });
});

describe('canonical email', () => {
  it('folds case, plus-aliases and Gmail dots to one mailbox', () => {
    expect(canonicalEmail('A.n.N+promo@GMail.com')).toBe('ann@gmail.com');
    expect(canonicalEmail('ann@googlemail.com')).toBe('ann@gmail.com');
    expect(canonicalEmail('a.nn+x@example.com')).toBe('a.nn@example.com');
  });
});
