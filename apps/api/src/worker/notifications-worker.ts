import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import {
  announceReferralChange,
  bullPrefix,
  deliverNotification,
  EMAIL_VERIFICATION_TTL_HOURS,
  findUserById,
  issueEmailVerification,
  JobName,
  QueueName,
  ZAnnounceJob,
  ZVerifyEmailJob,
  ZWelcomeJob,
  type Leaderboard,
  type Logger,
  type Mailer,
  type Pool,
  type RealtimeNotifier,
} from '@playloop/core';

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

const VERIFY = {
  en: {
    subject: 'Confirm your email for Playloop',
    text: (name: string, link: string, hours: number) =>
      `Hi ${name},\n\nconfirm your email address by opening this link (valid for ${hours} hours):\n\n${link}\n\nIf you did not sign up for Playloop, ignore this email.`,
  },
  it: {
    subject: 'Conferma la tua email per Playloop',
    text: (name: string, link: string, hours: number) =>
      `Ciao ${name},\n\nconferma il tuo indirizzo email aprendo questo link (valido ${hours} ore):\n\n${link}\n\nSe non ti sei registrato a Playloop, ignora questa email.`,
  },
} as const;

/**
 * The notifications queue: welcome notifications (stored, then pushed), verification emails and
 * referral announcements.
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
  /** The SPA's public URL; links in emails open `${appUrl}/verify-email#token=…`. */
  appUrl: string;
}): Worker {
  const worker = new Worker(
    QueueName.notifications,
    async (job: Job) => {
      if (job.name === JobName.announce) {
        return announceReferralChange(
          { db: deps.pool, notifier: deps.notifier, leaderboard: deps.leaderboard },
          ZAnnounceJob.parse(job.data),
        );
      }
      if (job.name === JobName.verifyEmail) {
        const { userId } = ZVerifyEmailJob.parse(job.data);
        const user = await findUserById(deps.pool, userId);
        if (!user || user.email_verified_at) return { skipped: true };
        // A retried job makes a new token: one that was never delivered simply expires unused.
        const { token } = await issueEmailVerification(deps.pool, userId);
        const link = `${deps.appUrl.replace(/\/$/, '')}/verify-email#token=${token}`;
        const text = VERIFY[user.locale];
        await deps.mailer.send({
          to: user.email,
          subject: text.subject,
          text: text.text(user.display_name, link, EMAIL_VERIFICATION_TTL_HOURS),
        });
        return { sent: true };
      }
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
