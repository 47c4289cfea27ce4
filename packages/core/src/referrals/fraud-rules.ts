import { createRequire } from 'node:module';
import type { TFraudEvidence } from '@playloop/shared';

// The maintained list ships as JSON; require() loads it the same way under tsx, vitest and a bundle.
const DISPOSABLE = new Set<string>(
  createRequire(import.meta.url)('disposable-email-domains') as string[],
);

/** Facts gathered about one referral; each rule reads them and explains itself. */
export interface FraudFacts {
  sameAccount: boolean;
  sameCanonicalEmail: boolean;
  refereeEmailDomain: string;
  /** Accounts other than the referee sharing the referee's device id with the referrer's circle. */
  sameDeviceAsReferrer: boolean;
  otherReferralsFromDevice: number;
  /** Other referrals of this referrer whose referee shares this IP and user agent (last 24 h). */
  ipUaClusterSize: number;
  sameIpUaAsReferrer: boolean;
  /** Sign-ups through this code in the last hour, this one included. */
  signupsPerCodeLastHour: number;
  /** Seconds between the referee's sign-up and qualification, when qualifying on something later than sign-up. */
  secondsToQualify: number | null;
}

export const FRAUD_LIMITS = {
  velocityPerHour: 10,
  clusterSize: 2,
  fastQualifySeconds: 10,
} as const;

/** Scores per rule; a campaign's threshold (default 60) decides when a referral waits for review. */
export const FRAUD_WEIGHTS = {
  self_referral: 100,
  same_device: 60,
  ip_ua_cluster: 40,
  disposable_email: 40,
  velocity: 30,
  fast_qualification: 30,
} as const;

export function isDisposableDomain(domain: string): boolean {
  return DISPOSABLE.has(domain.toLowerCase());
}

/** Pure: facts in, evidence out (only the rules that fired), with a reason a reviewer can read. */
export function scoreFraud(f: FraudFacts): { score: number; evidence: TFraudEvidence[] } {
  const evidence: TFraudEvidence[] = [];
  const fire = (rule: keyof typeof FRAUD_WEIGHTS, detail: string) =>
    evidence.push({ rule, score: FRAUD_WEIGHTS[rule], detail });

  if (f.sameAccount) fire('self_referral', 'the referee is the referrer');
  else if (f.sameCanonicalEmail)
    fire('self_referral', 'same mailbox after normalising case, dots and +aliases');
  if (f.sameDeviceAsReferrer || f.otherReferralsFromDevice > 0) {
    fire(
      'same_device',
      f.sameDeviceAsReferrer
        ? 'signed up on the referrer’s device'
        : `device already used by ${f.otherReferralsFromDevice} other referral(s)`,
    );
  }
  if (f.sameIpUaAsReferrer || f.ipUaClusterSize >= FRAUD_LIMITS.clusterSize) {
    fire(
      'ip_ua_cluster',
      f.sameIpUaAsReferrer
        ? 'same IP and browser as the referrer'
        : `${f.ipUaClusterSize} other referrals share this IP and browser`,
    );
  }
  if (isDisposableDomain(f.refereeEmailDomain))
    fire('disposable_email', `${f.refereeEmailDomain} is a disposable email domain`);
  if (f.signupsPerCodeLastHour > FRAUD_LIMITS.velocityPerHour)
    fire('velocity', `${f.signupsPerCodeLastHour} sign-ups through this code in the last hour`);
  if (f.secondsToQualify !== null && f.secondsToQualify < FRAUD_LIMITS.fastQualifySeconds) {
    fire('fast_qualification', `qualified ${f.secondsToQualify.toFixed(1)} s after sign-up`);
  }
  return { score: evidence.reduce((s, e) => s + e.score, 0), evidence };
}
