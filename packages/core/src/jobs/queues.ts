import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

/** Queue names and the payload each job carries (parsed again by the worker). */
export const QueueName = {
  notifications: 'notifications',
  referrals: 'referrals',
  payouts: 'payouts',
  webhooks: 'webhooks',
} as const;

export const ZWelcomeJob = z.object({ userId: z.string() });
export type TWelcomeJob = z.infer<typeof ZWelcomeJob>;
/** Send `userId` a verification link (a fresh token is made by the worker, never carried in Redis). */
export const ZVerifyEmailJob = z.object({ userId: z.string() });
export type TVerifyEmailJob = z.infer<typeof ZVerifyEmailJob>;
/** The address as typed: the worker looks it up, so the request costs the same whether it exists. */
export const ZPasswordResetJob = z.object({ email: z.string().max(254) });
export type TPasswordResetJob = z.infer<typeof ZPasswordResetJob>;

export const ZAttributeJob = z.object({
  refereeId: z.string(),
  code: z.string(),
  touchedAt: z.string(),
});
export const ZQualifyJob = z.object({
  refereeId: z.string(),
  action: z.enum(['signup', 'email_verified', 'first_game', 'custom']),
});
export const ZReleaseHoldJob = z.object({ referralId: z.string() });
export const ZAnnounceJob = z.object({
  referralId: z.string(),
  walletUserIds: z.array(z.string()),
  leaderboard: z.boolean(),
});
export type TAttributeJob = z.infer<typeof ZAttributeJob>;
export type TQualifyJob = z.infer<typeof ZQualifyJob>;
export type TAnnounceJob = z.infer<typeof ZAnnounceJob>;

export const JobName = {
  welcome: 'welcome',
  verifyEmail: 'verify-email',
  passwordReset: 'password-reset',
  attribute: 'attribute',
  qualify: 'qualify',
  releaseHold: 'release-hold',
  announce: 'announce',
  flushClicks: 'flush-clicks',
  sweepHolds: 'sweep-holds',
} as const;

/** BullMQ's own prefix (it may not contain our trailing colon). */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix.replace(/:$/, '')}:bull`;
}

export interface JobQueues {
  enqueueWelcome(job: TWelcomeJob): Promise<void>;
  /** Callers limit how often (see `createMailLimiter`); each call is one email. */
  enqueueVerificationEmail(job: TVerifyEmailJob): Promise<void>;
  /** Callers limit how often (see `createMailLimiter`); each call is at most one email. */
  enqueuePasswordReset(job: TPasswordResetJob): Promise<void>;
  enqueueAttribution(job: TAttributeJob): Promise<void>;
  enqueueQualification(job: TQualifyJob): Promise<void>;
  enqueueHoldRelease(referralId: string, at: Date): Promise<void>;
  enqueueAnnouncement(job: TAnnounceJob): Promise<void>;
  close(): Promise<void>;
}

const defaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
} as const;

/** Producer side, used by the api and the worker. Job ids make a repeated enqueue harmless. */
export function createJobQueues(connection: ConnectionOptions, redisPrefix: string): JobQueues {
  const prefix = bullPrefix(redisPrefix);
  const notifications = new Queue(QueueName.notifications, {
    connection,
    prefix,
    defaultJobOptions,
  });
  const referrals = new Queue(QueueName.referrals, { connection, prefix, defaultJobOptions });
  return {
    async enqueueWelcome(job) {
      await notifications.add(JobName.welcome, ZWelcomeJob.parse(job), {
        jobId: `welcome-${job.userId}`,
      });
    },
    async enqueueVerificationEmail(job) {
      await notifications.add(JobName.verifyEmail, ZVerifyEmailJob.parse(job), { attempts: 5 });
    },
    async enqueuePasswordReset(job) {
      // The job names an address that may have no account: keep it no longer than needed.
      await notifications.add(JobName.passwordReset, ZPasswordResetJob.parse(job), {
        attempts: 5,
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      });
    },
    async enqueueAttribution(job) {
      await referrals.add(JobName.attribute, ZAttributeJob.parse(job), {
        jobId: `attribute-${job.refereeId}`,
      });
    },
    async enqueueQualification(job) {
      await referrals.add(JobName.qualify, ZQualifyJob.parse(job), {
        jobId: `qualify-${job.refereeId}-${job.action}`,
      });
    },
    async enqueueHoldRelease(referralId, at) {
      await referrals.add(
        JobName.releaseHold,
        { referralId },
        { jobId: `release-${referralId}`, delay: Math.max(0, at.getTime() - Date.now()) },
      );
    },
    async enqueueAnnouncement(job) {
      // Announcements fan out to sockets: a few attempts, no id (each change is its own news).
      await notifications.add(JobName.announce, ZAnnounceJob.parse(job), { attempts: 3 });
    },
    async close() {
      await Promise.all([notifications.close(), referrals.close()]);
    },
  };
}
