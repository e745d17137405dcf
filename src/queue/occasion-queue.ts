import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

export const OCCASION_QUEUE = 'occasions';

/** Something a schedule says is due: a person's check-in or reminder, a group check-in post or its summary. */
export type OccasionJob =
  | { readonly kind: 'checkin' | 'reminder'; readonly scheduleId: string; readonly conversationId: string; readonly flowId: string; readonly occasion: string; readonly dueAt: number }
  | { readonly kind: 'group-checkin' | 'group-summary'; readonly communityId: string; readonly occasion: string; readonly dueAt: number };

/** One job per planned time: the same occasion claimed twice (after Redis lost it, or by two processes) is one job. */
export function occasionJobId(job: OccasionJob): string {
  const owner = 'scheduleId' in job ? job.scheduleId : job.communityId;
  return `${job.kind}.${owner}.${job.dueAt}`;
}

/** Due occasions as delayed BullMQ jobs: Redis holds only what is due in the next minute or so. */
export class OccasionQueue {
  readonly queue: Queue<OccasionJob>;

  constructor(connection: Redis, prefix: string, private readonly clock: () => number = Date.now) {
    this.queue = new Queue<OccasionJob>(OCCASION_QUEUE, { connection, prefix });
  }

  async enqueue(jobs: readonly OccasionJob[]): Promise<void> {
    const now = this.clock();
    // In slices, so one sweep of many thousands does not build one giant pipeline.
    for (let i = 0; i < jobs.length; i += 2_000) {
      await this.queue.addBulk(
        jobs.slice(i, i + 2_000).map((data) => ({
          name: data.kind,
          data,
          opts: {
            jobId: occasionJobId(data),
            delay: Math.max(0, data.dueAt - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1_000 },
            removeOnComplete: true,
            removeOnFail: 1_000,
          },
        })),
      );
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

export function startOccasionWorker(connection: Redis, prefix: string, handle: (job: OccasionJob) => Promise<void>, concurrency = 16): Worker<OccasionJob> {
  return new Worker<OccasionJob>(OCCASION_QUEUE, (job: Job<OccasionJob>) => handle(job.data), {
    connection,
    prefix,
    concurrency,
    lockDuration: 30_000,
  });
}
