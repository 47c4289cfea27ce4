import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

/** Queue names and the payload each job carries (parsed again by the worker). */
export const QueueName = { notifications: 'notifications' } as const;

export const ZWelcomeJob = z.object({ userId: z.string() });
export type TWelcomeJob = z.infer<typeof ZWelcomeJob>;

export const JobName = { welcome: 'welcome' } as const;

/** BullMQ's own prefix (it may not contain our trailing colon). */
export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix.replace(/:$/, '')}:bull`;
}

export interface JobQueues {
  enqueueWelcome(job: TWelcomeJob): Promise<void>;
  close(): Promise<void>;
}

/** Producer side, used by the api. Job ids make a repeated enqueue harmless. */
export function createJobQueues(connection: ConnectionOptions, redisPrefix: string): JobQueues {
  const notifications = new Queue(QueueName.notifications, {
    connection,
    prefix: bullPrefix(redisPrefix),
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  });
  return {
    async enqueueWelcome(job) {
      await notifications.add(JobName.welcome, ZWelcomeJob.parse(job), { jobId: `welcome-${job.userId}` });
    },
    async close() {
      await notifications.close();
    },
  };
}
