import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../runtime/logger.js';
import { isRetryable, RateLimitedError, RecipientUnreachableError, TransientDeliveryError } from '../core/errors.js';
import type { DeliveryTarget, MessageSink, OutboxJob } from '../core/ports.js';
import { limitsFor, paceFor, PACE_JITTER_MS, type Pace, type PlatformLimits, type RateLimit } from './platform-limits.js';

/** One proactive delivery: messages Tether sends on its own (a scheduled check-in), not as a reply. */
export type DeliveryJob = OutboxJob;

/** One BullMQ queue per platform, so one platform's limit or outage never holds up another. */
export function deliveryQueueName(platform: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(platform)) throw new Error(`delivery: platform name must be letters, digits, - or _ (got ${JSON.stringify(platform)})`);
  return `deliver-${platform}`;
}

/**
 * The BullMQ job id for an occasion: the same key always gives the same id, so enqueueing it again is a no-op.
 * BullMQ refuses custom ids with a ':' (unless there are exactly two, kept for its old repeatable jobs) and ids that
 * read as integers, and occasion keys hold ISO times. '%' and ':' are escaped, so distinct keys keep distinct ids.
 */
export function deliveryJobId(key: string): string {
  return `d.${key.replaceAll('%', '%25').replaceAll(':', '%3A')}`;
}

/** How long a finished job, and so its id, is kept: a re-enqueue within this time is ignored. */
export const KEEP_FINISHED_SECONDS = 24 * 60 * 60;

export interface DeliveryQueueOptions {
  /** Tries per delivery for transient failures (5xx, network). A 429 does not use up a try. */
  readonly attempts?: number;
  /** First retry delay; each next one doubles. */
  readonly backoffMs?: number;
}

/** Where proactive deliveries are added. Workers started with `startDeliveryWorkers` take them out at each platform's pace. */
export class DeliveryQueue {
  private readonly queues = new Map<string, Queue<DeliveryJob>>();
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    options: DeliveryQueueOptions = {},
  ) {
    this.attempts = options.attempts ?? 6;
    this.backoffMs = options.backoffMs ?? 1_000;
  }

  /** Adds each job unless a job with its key is waiting, running, or finished within the last 24 hours. */
  async enqueue(jobs: readonly DeliveryJob[]): Promise<void> {
    const byPlatform = new Map<string, DeliveryJob[]>();
    for (const job of jobs) {
      const list = byPlatform.get(job.platform);
      if (list) list.push(job);
      else byPlatform.set(job.platform, [job]);
    }
    await Promise.all(
      [...byPlatform].map(([platform, list]) =>
        this.queue(platform).addBulk(
          list.map((job) => ({
            name: 'deliver',
            data: job,
            opts: {
              // The key is remembered for 24 hours (a small Redis key), but a delivered job, and the words in
              // it, are removed at once.
              deduplication: { id: deliveryJobId(job.key), ttl: KEEP_FINISHED_SECONDS * 1000 },
              attempts: this.attempts,
              backoff: { type: 'exponential', delay: this.backoffMs },
              removeOnComplete: true,
              // A failed delivery is logged (platform, key, error), not kept: its words would stay in Redis.
              removeOnFail: true,
            },
          })),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }

  private queue(platform: string): Queue<DeliveryJob> {
    let queue = this.queues.get(platform);
    if (!queue) {
      queue = new Queue<DeliveryJob>(deliveryQueueName(platform), { connection: this.connection, prefix: this.prefix });
      this.queues.set(platform, queue);
    }
    return queue;
  }
}

export interface DeliveryWorkerOptions {
  readonly log: Logger;
  /** The platform says this person cannot be reached any more: the job completes without a retry. */
  readonly onUnreachable: (platform: string, target: DeliveryTarget) => Promise<void>;
  /** Replaces the published limits of the platforms named (tests, benchmarks). */
  readonly limits?: Readonly<Record<string, PlatformLimits>>;
  /** Deliveries in flight per platform (default 16); the pace, not this, bounds the rate. */
  readonly concurrency?: number;
  /** A delivery is put back to try again (for metrics): after a 429, or after a failure with attempts left. */
  readonly onRetry?: (platform: string, reason: 'rate_limited' | 'transient' | 'other') => void;
}

/**
 * BullMQ honours a manual rate limit (`queue.rateLimit`, after a 429) only on a queue whose worker has a limiter, so
 * an unpaced platform still gets one, too wide to matter.
 */
const UNPACED: Pace = { max: 1_000_000, duration: 1_000 };

/**
 * One worker per platform. It sends messages no faster than the platform's overall pace (BullMQ's limiter, shared by
 * every worker on the queue; a job's messages go to the sink one at a time, each taking a slot), spaces deliveries
 * into one group chat with a sliding window in Redis (per job: group posts are one message), and:
 * - on a 429 (`RateLimitedError`), pauses the whole platform queue for the advised time and puts the job back
 *   without using up one of its attempts;
 * - on `RecipientUnreachableError`, calls `onUnreachable` and completes the job (no retry);
 * - on any other error marked not retryable (core/errors.ts), fails the job at once (BullMQ's UnrecoverableError);
 * - on anything else, lets BullMQ retry with exponential backoff until the attempts are used up.
 * Logs name the platform, the job key and the error class: never message text.
 */
export function startDeliveryWorkers(
  connection: Redis,
  prefix: string,
  sinks: readonly MessageSink[],
  options: DeliveryWorkerOptions,
): { readonly workers: readonly Worker<DeliveryJob>[]; close(): Promise<void> } {
  const { log } = options;
  const started = sinks.map((sink) => {
    const platform = sink.platform;
    const name = deliveryQueueName(platform);
    const limits = limitsFor(platform, options.limits);
    const pace = limits.overall ? paceFor(limits.overall) : UNPACED;
    const groupPacer = limits.perGroup ? new GroupPacer(connection, `${prefix}:delivery-pace:${platform}`, limits.perGroup) : undefined;
    // Only to pause the queue after a 429 (Worker#rateLimit does the same and is marked deprecated in BullMQ 6).
    const queue = new Queue<DeliveryJob>(name, { connection, prefix });

    const deliver = async (job: Job<DeliveryJob>, token?: string): Promise<void> => {
      const { target, messages, key, group } = job.data;
      if (group && groupPacer) {
        const waitMs = await groupPacer.reserve(target.chatId, job.id ?? key, Date.now());
        if (waitMs > 0) {
          await job.moveToDelayed(Date.now() + waitMs, token);
          throw new DelayedError();
        }
      }
      // The limiter counts jobs, the platform counts messages. The fetch that started this job paid for its first
      // message; each later one takes a slot of its own, and with none left the job goes back to the head of the
      // queue. Progress is kept, so neither that nor a retry sends a message twice.
      const from = typeof job.progress === 'number' ? job.progress : 0;
      for (let i = from; i < messages.length; i++) {
        if (i > from && (await takeSlot(connection, queue.toKey('limiter'), pace)) > 0) {
          await job.updateProgress(i);
          throw Worker.RateLimitError();
        }
        // Last guard: however late this process ran (a GC pause, a busy core), no second of sends may hold more than
        // the platform's limit, counted over every worker of this platform.
        if (limits.overall) await slidingWindow(connection, `${prefix}:delivery-sent:${platform}`, limits.overall);
        try {
          await sink.deliver(target, [messages[i]!]);
        } catch (error) {
          if (i > from) await job.updateProgress(i);
          if (error instanceof RateLimitedError) {
            const retryAfterMs = Math.max(1, Math.ceil(error.retryAfterMs));
            log.warn({ platform, key, error: error.name, retryAfterMs }, 'delivery: platform rate limit, queue paused');
            await queue.rateLimit(retryAfterMs);
            options.onRetry?.(platform, 'rate_limited');
            throw Worker.RateLimitError();
          }
          if (!isRetryable(error)) {
            if (error instanceof RecipientUnreachableError) {
              log.info({ platform, key, error: error.name }, 'delivery: recipient unreachable, not retrying');
              await options.onUnreachable(platform, target);
              return;
            }
            // A retry would fail the same way: fail the job now instead of spending its attempts.
            throw new UnrecoverableError((error as Error).name);
          }
          throw error;
        }
      }
    };

    const worker = new Worker<DeliveryJob>(name, deliver, {
      connection,
      prefix,
      concurrency: Math.max(options.concurrency ?? 16, pace.max),
      limiter: { max: pace.max, duration: pace.duration },
    });
    worker.on('failed', (job, error) => {
      const attempts = job?.opts.attempts ?? 1;
      const made = job?.attemptsMade ?? attempts;
      const fields = { platform, key: job?.data.key, error: error.name, attempt: made, attempts };
      if (made >= attempts) log.error(fields, 'delivery: failed, giving up');
      else {
        log.warn(fields, 'delivery: failed, will retry');
        options.onRetry?.(platform, error instanceof TransientDeliveryError ? 'transient' : 'other');
      }
    });
    worker.on('error', (error) => log.error({ platform, error: error.name }, 'delivery: worker error'));
    return { worker, queue };
  });

  return {
    workers: started.map(({ worker }) => worker),
    async close() {
      await Promise.all(started.map(({ worker }) => worker.close()));
      await Promise.all(started.map(({ queue }) => queue.close()));
    },
  };
}

/** Extra room on the sliding window for the network: sends that left evenly can arrive a little bunched. */
const WINDOW_MARGIN_MS = 20;
let sendSeq = 0;

/** Waits until a send fits in the sliding window (at most `limit.max` per `limit.windowMs`), then records it. */
async function slidingWindow(redis: Redis, key: string, limit: RateLimit): Promise<void> {
  const member = `${process.pid}-${(sendSeq = (sendSeq + 1) % 1e9)}-${Math.random().toString(36).slice(2, 8)}`;
  for (;;) {
    const wait = Number(await redis.eval(SLIDING_WINDOW_SCRIPT, 1, key, Date.now(), limit.windowMs + WINDOW_MARGIN_MS, limit.max, member));
    if (wait <= 0) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}

const SLIDING_WINDOW_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now + 1)
`;

/**
 * Takes one slot of the BullMQ limiter for a message after a job's first, the way BullMQ's own `moveToActive` does
 * (a counter whose window starts at its first increment). Returns 0 when taken, else the milliseconds until the
 * window ends. A manual rate limit (after a 429) fills the counter, so it holds these messages back too.
 */
async function takeSlot(redis: Redis, limiterKey: string, pace: Pace): Promise<number> {
  return Number(await redis.eval(TAKE_SLOT_SCRIPT, 1, limiterKey, pace.max, pace.duration));
}

const TAKE_SLOT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  local pttl = redis.call('PTTL', KEYS[1])
  if pttl > 0 then return pttl end
  redis.call('DEL', KEYS[1])
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

/**
 * Reserves send times into one group chat so that no window of `limit.windowMs` holds more than `limit.max` of them.
 * A sorted set per chat maps job id → reserved time. A job asking again finds its reservation: due (send now),
 * not yet due (wait the rest), or missed by more than `toleranceMs` (a retry, or a job stuck behind a backlog: it
 * gives the slot up and reserves the next free one). Each new reservation goes after every existing one, so waiting
 * jobs line up one slot apart instead of all waking at once. Windows are widened by the tolerance and the pace jitter,
 * since a job may be sent that much after its reserved time.
 */
class GroupPacer {
  private readonly windowMs: number;
  private readonly toleranceMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limit: RateLimit,
  ) {
    this.toleranceMs = Math.min(1_000, Math.ceil(limit.windowMs / 10));
    this.windowMs = limit.windowMs + this.toleranceMs + PACE_JITTER_MS;
  }

  /** Milliseconds to wait before this job may be sent into the chat: 0 to send now. */
  async reserve(chatId: string, jobId: string, now: number): Promise<number> {
    const key = `${this.keyPrefix}:${chatId}`;
    const wait = await this.redis.eval(RESERVE_SCRIPT, 1, key, now, this.windowMs, this.limit.max, this.toleranceMs, jobId);
    return Number(wait);
  }
}

const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
local tolerance = tonumber(ARGV[4])
local member = ARGV[5]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local mine = tonumber(redis.call('ZSCORE', KEYS[1], member))
if mine then
  if mine > now then return mine - now end
  if now - mine <= tolerance then return 0 end
  redis.call('ZREM', KEYS[1], member)
end
local at = now
local n = redis.call('ZCARD', KEYS[1])
if n > 0 then
  local last = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
  if last > at then at = last end
  if n >= max then
    local first = tonumber(redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')[2])
    if first + window > at then at = first + window end
  end
end
redis.call('ZADD', KEYS[1], at, member)
redis.call('PEXPIRE', KEYS[1], at - now + window)
return at - now
`;
