import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RuntimeObserver } from '../core/ports.js';

/** What the queue gauge reads from each BullMQ queue (a `Queue` fits). */
export interface CountedQueue {
  readonly name: string;
  getJobCounts(...states: QueueState[]): Promise<Partial<Record<string, number>>>;
}

export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export type RetryReason = 'rate_limited' | 'transient' | 'other';

/** A job as BullMQ reports it to a worker's `completed`/`failed` listeners (a `Job` fits). */
export interface FinishedJob {
  readonly timestamp: number;
  readonly delay: number;
  readonly processedOn?: number | undefined;
  readonly finishedOn?: number | undefined;
  readonly attemptsStarted: number;
}

/** How long a scrape waits for Redis before leaving the queue gauge out (a scrape must not hang with Redis away). */
const QUEUE_COUNT_TIMEOUT_MS = 1_000;

/**
 * Tether's Prometheus metrics, on a registry of its own (several Tethers in one test process each keep theirs).
 * Labels are platform names, flow ids, queue names and fixed words, never a person's id or anything they wrote;
 * `label()` enforces it, so an unexpected value shows up as "other" rather than as a new series.
 */
export class TetherMetrics implements RuntimeObserver {
  readonly registry = new Registry();
  private readonly messagesIn: Counter<'platform'>;
  private readonly messagesOut: Counter<'platform'>;
  private readonly flowCompletions: Counter<'flow'>;
  private readonly crisisReplies: Counter<'platform'>;
  private readonly deliveryRetries: Counter<'platform' | 'reason'>;
  private readonly errors: Counter<'where'>;
  private readonly answerSeconds: Histogram<'platform'>;
  private readonly jobLatency: Histogram<'queue'>;
  private readonly jobDuration: Histogram<'queue'>;
  private queues: readonly CountedQueue[] = [];

  constructor(options: { readonly defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    // Process and Node.js metrics under their usual names (process_*, nodejs_*), as ready-made dashboards expect.
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.messagesIn = new Counter({ name: 'tether_messages_in_total', help: 'Events from people (messages, commands, buttons) handled', labelNames: ['platform'], registers });
    this.messagesOut = new Counter({ name: 'tether_messages_out_total', help: 'Messages handed to a platform and accepted by it', labelNames: ['platform'], registers });
    this.flowCompletions = new Counter({ name: 'tether_flow_completions_total', help: 'Flows that reached their end', labelNames: ['flow'], registers });
    this.crisisReplies = new Counter({ name: 'tether_crisis_replies_total', help: 'Times the crisis screen answered a message', labelNames: ['platform'], registers });
    this.deliveryRetries = new Counter({ name: 'tether_delivery_retries_total', help: 'Paced deliveries put back to try again', labelNames: ['platform', 'reason'], registers });
    this.errors = new Counter({ name: 'tether_errors_total', help: 'Failures on our side, by where they happened', labelNames: ['where'], registers });
    this.answerSeconds = new Histogram({
      name: 'tether_answer_seconds',
      help: "From a person's event arriving to its replies being handed to the platform",
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.jobLatency = new Histogram({
      name: 'tether_job_latency_seconds',
      help: 'How late a job started after it was due (first start only)',
      labelNames: ['queue'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'tether_job_duration_seconds',
      help: 'How long a job ran, per attempt',
      labelNames: ['queue'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    });
    const queues = () => this.queues;
    new Gauge({
      name: 'tether_queue_jobs',
      help: 'Jobs in each BullMQ queue by state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          queues().map(async (queue) => {
            const counts = await within(queue.getJobCounts(...QUEUE_STATES), QUEUE_COUNT_TIMEOUT_MS);
            // Redis did not answer in time: leave the queue out rather than report made-up zeros.
            if (!counts) return;
            for (const state of QUEUE_STATES) this.set({ queue: label(queue.name), state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  /** The queues the `tether_queue_jobs` gauge reads at each scrape. */
  watchQueues(queues: readonly CountedQueue[]): void {
    this.queues = queues;
  }

  /** The Prometheus text exposition of every metric. */
  async scrape(): Promise<{ readonly contentType: string; readonly body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  inbound(platform: string): void {
    this.messagesIn.inc({ platform: label(platform) });
  }

  sent(platform: string, messages: number): void {
    if (messages > 0) this.messagesOut.inc({ platform: label(platform) }, messages);
  }

  replied(platform: string, seconds: number): void {
    this.answerSeconds.observe({ platform: label(platform) }, seconds);
  }

  flowCompleted(flowId: string): void {
    this.flowCompletions.inc({ flow: label(flowId) });
  }

  crisis(platform: string): void {
    this.crisisReplies.inc({ platform: label(platform) });
  }

  deliveryRetry(platform: string, reason: RetryReason): void {
    this.deliveryRetries.inc({ platform: label(platform), reason });
  }

  error(where: string): void {
    this.errors.inc({ where: label(where) });
  }

  /**
   * A job finished an attempt. Its lateness is `processedOn - (timestamp + delay)`, counted on its first start only:
   * once a job is retried or paced again, BullMQ keeps the new delay but not when it was set, so the sum no longer
   * says when it was due.
   */
  jobFinished(queue: string, job: FinishedJob, now = Date.now()): void {
    if (job.processedOn === undefined) return;
    const name = label(queue);
    if (job.attemptsStarted <= 1) this.jobLatency.observe({ queue: name }, Math.max(0, job.processedOn - (job.timestamp + job.delay)) / 1000);
    this.jobDuration.observe({ queue: name }, Math.max(0, (job.finishedOn ?? now) - job.processedOn) / 1000);
  }
}

/**
 * The observer the runtime is given. Flows other than Tether's own (a community's group check-in, whose id is a hash
 * of its questions) are counted together, so each community's questions do not become a series of their own.
 */
export function runtimeObserver(metrics: TetherMetrics, isOwnFlow: (flowId: string) => boolean): RuntimeObserver {
  return {
    inbound: (platform) => metrics.inbound(platform),
    replied: (platform, seconds) => metrics.replied(platform, seconds),
    flowCompleted: (flowId) => metrics.flowCompleted(isOwnFlow(flowId) ? flowId : 'community-flow'),
    crisis: (platform) => metrics.crisis(platform),
    error: (where) => metrics.error(where),
  };
}

/** A label value that can only be a name Tether chose (a platform, a flow id, a queue): anything else is "other". */
export function label(value: string): string {
  return /^[a-z][a-z0-9_-]{0,39}$/i.test(value) ? value : 'other';
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
