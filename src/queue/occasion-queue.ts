import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';

export const OCCASION_QUEUE = 'occasions';

/** Something a schedule says is due: a person's check-in or reminder, a group check-in post or its summary. */
export type OccasionJob =
  | { readonly kind: 'checkin' | 'reminder'; readonly scheduleId: string; readonly conversationId: string; readonly flowId: string; readonly occasion: string; readonly dueAt: number }
  | { readonly kind: 'group-checkin' | 'group-summary'; readonly communityId: string; readonly occasion: string; readonly dueAt: number }
  | { readonly kind: 'event'; readonly eventCheckInId: string; readonly conversationId: string; readonly occasion: string; readonly dueAt: number };

/** Occasions due at the same moment travel together, up to this many per job. */
export const OCCASIONS_PER_JOB = 100;

export interface OccasionBatch {
  readonly occasions: readonly OccasionJob[];
}

/**
 * One job id per batch of planned times: the same claim enqueued twice (after Redis lost it, or by two processes)
 * is one job while it waits. Handling is idempotent anyway: each occasion is checked against Postgres first.
 */
export function occasionJobId(batch: OccasionBatch): string {
  const first = batch.occasions[0]!;
  const owner = 'scheduleId' in first ? first.scheduleId : 'communityId' in first ? first.communityId : first.eventCheckInId;
  return `${first.kind}.${owner}.${first.dueAt}.${batch.occasions.length}`;
}

/**
 * Due occasions as delayed BullMQ jobs, batched by due time: Redis holds only what is due in the next minute or
 * so, and a popular minute of 10,000 check-ins is 100 jobs rather than 10,000.
 */
export class OccasionQueue {
  readonly queue: Queue<OccasionBatch>;

  constructor(connection: Redis, prefix: string, private readonly clock: () => number = Date.now) {
    this.queue = new Queue<OccasionBatch>(OCCASION_QUEUE, { connection, prefix });
  }

  async enqueue(occasions: readonly OccasionJob[]): Promise<void> {
    const now = this.clock();
    const byDue = new Map<number, OccasionJob[]>();
    for (const o of occasions) {
      const list = byDue.get(o.dueAt);
      if (list) list.push(o);
      else byDue.set(o.dueAt, [o]);
    }
    const batches: OccasionBatch[] = [];
    for (const list of byDue.values()) for (let i = 0; i < list.length; i += OCCASIONS_PER_JOB) batches.push({ occasions: list.slice(i, i + OCCASIONS_PER_JOB) });
    if (batches.length === 0) return;
    await this.queue.addBulk(
      batches.map((data) => ({
        name: 'occasions',
        data,
        opts: {
          jobId: occasionJobId(data),
          delay: Math.max(0, data.occasions[0]!.dueAt - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1_000,
        },
      })),
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * Handles each batch's occasions a few at a time. One that fails fails the batch, which is retried: the occasions
 * already handled are then found already done and skipped.
 */
export function startOccasionWorker(connection: Redis, prefix: string, handle: (occasion: OccasionJob) => Promise<void>, concurrency = 4, perBatch = 8): Worker<OccasionBatch> {
  const run = async (job: Job<OccasionBatch>) => {
    const queue = [...job.data.occasions];
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: Math.min(perBatch, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await handle(next).catch((error: unknown) => void failures.push(error));
      }),
    );
    if (failures.length) throw new AggregateError(failures, `${failures.length} of ${job.data.occasions.length} occasions failed`);
  };
  return new Worker<OccasionBatch>(OCCASION_QUEUE, run, {
    connection,
    prefix,
    concurrency,
    lockDuration: 30_000,
  });
}
