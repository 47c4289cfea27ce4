import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import {
  AppError,
  announceReferralChanges,
  attributeReferral,
  bullPrefix,
  findDueHoldReleases,
  isEmailVerified,
  JobName,
  qualifyReferral,
  qualifyReferralsOnSignup,
  QueueName,
  releaseHeldReward,
  ZAttributeJob,
  ZQualifyJob,
  ZReleaseHoldJob,
  type ClickCounter,
  type JobQueues,
  type Leaderboard,
  type Logger,
  type AnnounceJob,
  type Pool,
  type QualifyOutcome,
  type RealtimeNotifier,
} from '@playloop/core';
import { createMicroBatcher } from './micro-batch.js';

// A burst of sign-ups qualifies in batches of up to this many referrals per transaction, one batch
// at a time: while it runs, the next one gathers (measured: two at once made batches of ~14 and
// cost twice the Postgres time a reward; one at a time, batches of ~230 at 500 jobs in progress).
const BATCH = { maxBatch: 250, maxInFlight: 1 };

export interface ReferralsWorkerDeps {
  connection: ConnectionOptions;
  redisPrefix: string;
  pool: Pool;
  notifier: RealtimeNotifier;
  leaderboard: Leaderboard;
  clicks: ClickCounter;
  jobs: JobQueues;
  logger: Logger;
  concurrency: number;
}

/**
 * Attribution, qualification and rewards, hold releases and click flushing: all off the request
 * path. Sign-up qualifications and announcements that arrive together are grouped (see
 * micro-batch.ts): each job still gets its own outcome, and fails or retries on its own.
 */
export function createReferralsWorker(deps: ReferralsWorkerDeps): Worker {
  const signupQualifications = createMicroBatcher<string, QualifyOutcome>(async (refereeIds) => {
    const settled = await qualifyReferralsOnSignup(deps.pool, refereeIds);
    return refereeIds.map(
      (id) => settled.get(id) ?? { status: 'rejected', reason: new Error(`no outcome for ${id}`) },
    );
  }, BATCH);
  const announcements = createMicroBatcher<AnnounceJob, void>(async (jobs) => {
    await announceReferralChanges(
      { db: deps.pool, notifier: deps.notifier, leaderboard: deps.leaderboard },
      jobs,
    );
    return jobs.map(() => ({ status: 'fulfilled', value: undefined }));
  }, BATCH);
  const announce = (referralId: string, walletUserIds: string[], leaderboard: boolean) =>
    announcements.add({ referralId, walletUserIds, leaderboard });

  // After attribution, the qualifications that may already hold: sign-up always has happened; an
  // email verified before the referral existed (a fast click, a Supabase account) counts too.
  const qualifyAfterAttribution = async (refereeId: string, action: string) => {
    if (action === 'signup') await deps.jobs.enqueueQualification({ refereeId, action });
    if (action === 'email_verified' && (await isEmailVerified(deps.pool, refereeId)))
      await deps.jobs.enqueueQualification({ refereeId, action });
  };

  const handlers: Record<string, (job: Job) => Promise<unknown>> = {
    async [JobName.attribute](job) {
      const input = ZAttributeJob.parse(job.data);
      try {
        const referral = await attributeReferral(deps.pool, {
          refereeId: input.refereeId,
          code: input.code,
          touchedAt: new Date(input.touchedAt),
        });
        await announce(referral.id, [], false);
        await qualifyAfterAttribution(input.refereeId, referral.rules.qualifyingAction);
        return { referralId: referral.id, status: referral.status };
      } catch (err) {
        // A retry after the commit finds the referral already there: go on to qualification.
        if (err instanceof AppError && err.code === 'REFERRAL_ALREADY_ATTRIBUTED') {
          await qualifyAfterAttribution(input.refereeId, 'signup');
          await qualifyAfterAttribution(input.refereeId, 'email_verified');
          return { skipped: err.code };
        }
        // Invalid by now (campaign ended, code gone): nothing to retry.
        if (err instanceof AppError) return { skipped: err.code };
        throw err;
      }
    },
    async [JobName.qualify](job) {
      const input = ZQualifyJob.parse(job.data);
      const result =
        input.action === 'signup'
          ? await signupQualifications.add(input.refereeId)
          : await qualifyReferral(deps.pool, input);
      if ('referralId' in result) {
        const paid = 'outcome' in result && result.outcome === 'rewarded';
        await announce(result.referralId, paid ? [result.referrerId, result.refereeId] : [], paid);
        if (paid && result.releaseAt)
          await deps.jobs.enqueueHoldRelease(result.referralId, result.releaseAt);
      }
      return { outcome: result.outcome };
    },
    async [JobName.releaseHold](job) {
      const { referralId } = ZReleaseHoldJob.parse(job.data);
      const released = await releaseHeldReward(deps.pool, referralId);
      if (released.released) await announce(referralId, released.userIds, false);
      return released;
    },
    async [JobName.sweepHolds]() {
      let count = 0;
      for (const referralId of await findDueHoldReleases(deps.pool)) {
        const released = await releaseHeldReward(deps.pool, referralId);
        if (released.released) {
          count += 1;
          await announce(referralId, released.userIds, false);
        }
      }
      return { released: count };
    },
    async [JobName.flushClicks]() {
      return { flushed: await deps.clicks.flush(deps.pool) };
    },
  };

  const worker = new Worker(
    QueueName.referrals,
    async (job: Job) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`unknown job ${job.name}`);
      return handler(job);
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.redisPrefix),
      concurrency: deps.concurrency,
    },
  );
  worker.on('failed', (job, err) =>
    deps.logger.warn({ jobId: job?.id, name: job?.name, err }, 'referral job failed'),
  );
  worker.on('error', (err) => deps.logger.error({ err }, 'referrals worker error'));
  return worker;
}
