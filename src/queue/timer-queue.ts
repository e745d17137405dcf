import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TimerRequest } from '../core/messages.js';
import type { TimerScheduler } from '../core/ports.js';

export const TIMER_QUEUE = 'timers';

export interface TimerJob {
  readonly conversationId: string;
  readonly timerId: string;
}

/** One job id per conversation timer: adding the same timer twice while it waits keeps one job. */
export function timerJobId(conversationId: string, timerId: string): string {
  return `${conversationId}.${timerId}`;
}

/** Each engine timer becomes a delayed BullMQ job that comes back as a timer event when due. */
export class BullTimerScheduler implements TimerScheduler {
  readonly queue: Queue<TimerJob>;

  constructor(connection: Redis, prefix: string, private readonly clock: () => number = Date.now) {
    this.queue = new Queue<TimerJob>(TIMER_QUEUE, { connection, prefix });
  }

  async schedule(conversationId: string, timers: readonly TimerRequest[]): Promise<void> {
    if (timers.length === 0) return;
    const now = this.clock();
    await this.queue.addBulk(
      timers.map((t) => ({
        name: 'timer',
        data: { conversationId, timerId: t.id },
        opts: {
          jobId: timerJobId(conversationId, t.id),
          delay: Math.max(0, t.dueAt - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
  }

  async cancel(conversationId: string, timerIds: readonly string[]): Promise<void> {
    await Promise.all(timerIds.map((id) => this.queue.remove(timerJobId(conversationId, id)).catch(() => 0)));
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * Processes due timers. A handler that throws is retried with backoff (5 attempts). Timer handlers take
 * milliseconds, so a short lock lets another worker take over quickly from one that died mid-job.
 */
export function startTimerWorker(
  connection: Redis,
  prefix: string,
  handle: (job: TimerJob) => Promise<void>,
  concurrency = 16,
): Worker<TimerJob> {
  return new Worker<TimerJob>(TIMER_QUEUE, (job: Job<TimerJob>) => handle(job.data), {
    connection,
    prefix,
    concurrency,
    lockDuration: 10_000,
    stalledInterval: 5_000,
  });
}
