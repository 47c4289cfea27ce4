import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import {
  announceReferralChange,
  bullPrefix,
  deliverNotification,
  findUserById,
  JobName,
  QueueName,
  ZAnnounceJob,
  ZWelcomeJob,
  type Leaderboard,
  type Logger,
  type Mailer,
  type Pool,
  type RealtimeNotifier,
} from '@playloop/core';
import { createAccountMail } from './account-mail.js';

const WELCOME = {
  en: {
    title: 'Welcome to Playloop!',
    body: 'Share your invite link, play the live quiz and spin the wheel.',
  },
  it: {
    title: 'Benvenuto su Playloop!',
    body: 'Condividi il tuo link di invito, gioca al quiz dal vivo e gira la ruota.',
  },
} as const;

/**
 * The notifications queue: welcome notifications (stored, then pushed), account emails
 * (verification and password reset links) and referral announcements.
 */
export function createNotificationsWorker(deps: {
  connection: ConnectionOptions;
  redisPrefix: string;
  pool: Pool;
  notifier: RealtimeNotifier;
  leaderboard: Leaderboard;
  logger: Logger;
  concurrency: number;
  mailer: Mailer;
  /** The SPA's public URL; links in emails open `${appUrl}/verify-email#token=…` and `/reset-password#token=…`. */
  appUrl: string;
}): Worker {
  const mail = createAccountMail(deps);
  const worker = new Worker(
    QueueName.notifications,
    async (job: Job) => {
      if (job.name === JobName.announce) {
        return announceReferralChange(
          { db: deps.pool, notifier: deps.notifier, leaderboard: deps.leaderboard },
          ZAnnounceJob.parse(job.data),
        );
      }
      if (job.name === JobName.verifyEmail) return mail.verifyEmail(job.data);
      if (job.name === JobName.passwordReset) return mail.passwordReset(job.data);
      if (job.name !== JobName.welcome) throw new Error(`unknown job ${job.name}`);
      const { userId } = ZWelcomeJob.parse(job.data);
      const user = await findUserById(deps.pool, userId);
      if (!user) return; // The account is gone; nothing to tell anyone.
      const text = WELCOME[user.locale];
      await deliverNotification(deps.pool, deps.notifier, {
        userId,
        kind: 'welcome',
        ...text,
        dedupeKey: 'welcome',
      });
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.redisPrefix),
      concurrency: deps.concurrency,
    },
  );
  worker.on('failed', (job, err) =>
    deps.logger.warn({ jobId: job?.id, err }, 'notification job failed'),
  );
  worker.on('error', (err) => deps.logger.error({ err }, 'notifications worker error'));
  return worker;
}
