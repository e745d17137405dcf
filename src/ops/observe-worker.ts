import type { Job, Worker } from 'bullmq';
import type { TetherMetrics } from './metrics.js';

/**
 * Times every job a BullMQ worker finishes (how late it started, how long it ran) and counts the failed ones, from
 * the worker's own events: the job processors stay as they are.
 */
export function observeWorker(worker: Pick<Worker, 'on'>, queueName: string, metrics: TetherMetrics): void {
  const finished = (job: Job | undefined) => {
    if (job) metrics.jobFinished(queueName, job);
  };
  worker.on('completed', (job) => finished(job));
  worker.on('failed', (job) => {
    finished(job);
    metrics.error(`queue-${queueName}`);
  });
}
