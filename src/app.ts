import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config/schema.js';
import { createDatabase, warmUp, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import type { TextScreen } from './engine/text-gate.js';
import type { FlowRegistry } from './engine/flow.js';
import { builtInRegistry } from './features/registry.js';
import { crisisAlerts } from './features/crisis-alerts.js';
import { groupRegistries } from './features/group-registry.js';
import { personVars } from './features/person-vars.js';
import { loadNoteCipher } from './crypto/note-cipher.js';
import { createRedis } from './queue/redis.js';
import { RedisSinkMemory } from './queue/redis-sink-memory.js';
import { BullTimerScheduler, startTimerWorker, type TimerJob } from './queue/timer-queue.js';
import { OccasionScheduler, defaultOccasionSettings, type OccasionSettings } from './runtime/occasions.js';
import type { Logger } from './runtime/logger.js';
import type { MessageSink } from './core/ports.js';
import { ConversationRuntime } from './runtime/runtime.js';
import { crisisScreen } from './safety/screen.js';
import { PrismaConversationStore } from './store/prisma-store.js';
import { CommunityStore } from './store/community-store.js';
import { ScheduleStore } from './store/schedule-store.js';
import { LinkStore } from './store/link-store.js';
import { SupportStore } from './store/support-store.js';
import { pruneProcessedEvents } from './store/processed-events.js';
import { DeliveryQueue, startDeliveryWorkers } from './delivery/delivery-queue.js';
import { OccasionQueue, startOccasionWorker, OCCASION_QUEUE, type OccasionBatch } from './queue/occasion-queue.js';
import { TetherMetrics, runtimeObserver } from './ops/metrics.js';
import { countingSink } from './ops/counting-sink.js';
import { observeWorker } from './ops/observe-worker.js';
import { TIMER_QUEUE } from './queue/timer-queue.js';
import { deliveryQueueName } from './delivery/delivery-queue.js';


export interface Tether {
  readonly runtime: ConversationRuntime;
  readonly store: PrismaConversationStore;
  readonly db: Database;
  readonly scheduler: BullTimerScheduler;
  /** What this process runs (see TETHER_ROLE). */
  readonly role: TetherRole;
  /** The timer worker; none in a gateway. */
  readonly worker: Worker<TimerJob> | undefined;
  readonly schedules: ScheduleStore;
  readonly communities: CommunityStore;
  readonly occasions: OccasionScheduler;
  readonly occasionWorker: Worker<OccasionBatch> | undefined;
  readonly outbox: DeliveryQueue;
  /** Prometheus metrics (served at /metrics; see src/ops). */
  readonly metrics: TetherMetrics;
  /** The timer, occasion and delivery queues, for looking at (the metrics' queue gauge, the dashboard). */
  readonly queues: readonly Queue[];
  /** Whether Postgres and Redis answer, each within a second (for /readyz). */
  readiness(): Promise<{ postgres: boolean; redis: boolean }>;
  /**
   * Stops taking work and lets what runs finish: schedule sweeps stop, the workers finish their active jobs, events
   * being handled finish (up to `drainMs`), then the connections close.
   */
  close(options?: { readonly drainMs?: number }): Promise<void>;
}

export type TetherRole = Config['TETHER_ROLE'];

export interface TetherOptions {
  readonly sinks: readonly MessageSink[];
  readonly log: Logger;
  readonly registry?: FlowRegistry;
  readonly screens?: readonly TextScreen[];
  readonly clock?: () => number;
  /** Replaces the published platform limits for proactive deliveries (tests). */
  readonly deliveryLimits?: Parameters<typeof startDeliveryWorkers>[3]['limits'];
  /** Overrides how schedules are swept (tests). */
  readonly occasionSettings?: Partial<OccasionSettings>;
  /** Overrides config.TETHER_ROLE (tests run a gateway and workers side by side). */
  readonly role?: TetherRole;
  /** Where metrics are counted; a new registry by default. */
  readonly metrics?: TetherMetrics;
}

/**
 * Wires the parts together: migrates the database, connects Postgres and Redis, starts the timer worker and
 * puts back every timer the stored conversations wait for.
 */
export async function startTether(config: Config, options: TetherOptions): Promise<Tether> {
  const { log } = options;
  const role = options.role ?? config.TETHER_ROLE;
  // Gateways answer the events they receive; workers run timers, schedules and paced delivery.
  const works = role !== 'gateway';
  // First, so a production start without its key stops before touching anything.
  const cipher = loadNoteCipher({ key: config.ENCRYPTION_KEY, production: config.NODE_ENV === 'production', keyFile: config.ENCRYPTION_KEY_FILE });
  const migration = await migrate(config.DATABASE_URL);
  if (migration.createdDatabase) log.info('created the database');
  if (migration.applied.length) log.info({ migrations: migration.applied }, 'applied migrations');

  const db = createDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await warmUp(db).catch(async (error: unknown) => {
    await db.$disconnect().catch(() => undefined);
    throw error;
  });
  const redis: Redis[] = [createRedis(config.REDIS_URL), createRedis(config.REDIS_URL), createRedis(config.REDIS_URL), createRedis(config.REDIS_URL)];
  for (const r of redis) r.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection problem'));
  // Which message an exercise edits, which buttons are live: shared, so a worker's step edits a gateway's message.
  const sinkMemory = new RedisSinkMemory(redis[0]!, config.REDIS_PREFIX, cipher);
  for (const sink of options.sinks) sink.useMemory?.(sinkMemory);
  const scheduler = new BullTimerScheduler(redis[0]!, config.REDIS_PREFIX, options.clock);
  const store = new PrismaConversationStore(db, cipher);
  const registry = options.registry ?? builtInRegistry();
  const clock = options.clock ?? Date.now;
  const sinkOf = (platform: string) => options.sinks.find((s) => s.platform === platform);
  const schedules = new ScheduleStore(db);
  const communities = new CommunityStore(db);
  const outbox = new DeliveryQueue(redis[0]!, config.REDIS_PREFIX);
  const metrics = options.metrics ?? new TetherMetrics();
  // Every message leaves through a sink: counting there covers replies, exercise steps and paced deliveries alike.
  const sinks = options.sinks.map((sink) => countingSink(sink, metrics));
  const queues = [TIMER_QUEUE, OCCASION_QUEUE, ...options.sinks.map((s) => deliveryQueueName(s.platform))].map(
    (name) => new Queue(name, { connection: redis[0]!, prefix: config.REDIS_PREFIX }),
  );
  metrics.watchQueues(queues);
  const runtime = new ConversationRuntime({
    observer: runtimeObserver(metrics, (flowId) => registry.flows.has(flowId)),
    outbox,
    links: new LinkStore(db),
    support: new SupportStore(db, cipher),
    communities,
    store,
    registry,
    settings: {
      timingScale: config.TIMING_SCALE,
      followUpMs: config.FOLLOW_UP_MINUTES * 60_000,
      highCraving: config.HIGH_CRAVING,
    },
    timers: scheduler,
    sinks,
    log,
    screens: options.screens ?? [crisisScreen],
    crisisRegion: config.CRISIS_REGION,
    varsFor: (conversation) => personVars(conversation, clock()),
    registryFor: groupRegistries(registry, async (community) => (await communities.settings(community))?.questions),
    onCrisis: crisisAlerts({ communities, outbox, sinkOf, log, clock }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const worker = works
    ? startTimerWorker(redis[1]!, config.REDIS_PREFIX, async (job) => {
        await runtime.dispatch({ conversationId: job.conversationId }, { type: 'timer', timerId: job.timerId });
        // Ids only (no words): lets operators and the scale test see each timer fired once.
        log.debug({ queue: 'timers', conversationId: job.conversationId, timerId: job.timerId }, 'timer fired');
      })
    : undefined;
  worker?.on('failed', (job, err) => log.error({ err: err.message, jobId: job?.id }, 'timer job failed'));
  if (worker) observeWorker(worker, TIMER_QUEUE, metrics);
  if (works) {
    const rearmed = await runtime.rearmTimers();
    if (rearmed) log.info({ timers: rearmed }, 're-armed stored timers');
  }

  // Proactive messages (scheduled check-ins, reminders, group posts) go out at each platform's pace.
  const delivery = works ? startDeliveryWorkers(redis[2]!, config.REDIS_PREFIX, sinks, {
    log,
    onRetry: (platform, reason) => metrics.deliveryRetry(platform, reason),
    ...(options.deliveryLimits ? { limits: options.deliveryLimits } : {}),
    onUnreachable: async (platform, target) => {
      if (!target.userId) {
        log.warn({ platform }, 'a community channel cannot be reached; its group posts are skipped');
        return;
      }
      // A message outside any conversation (a moderator's alert): nothing to stop, and nothing to create for them.
      if (!target.conversationId) {
        log.info({ platform }, 'a message outside any conversation could not be delivered');
        return;
      }
      await runtime.markUnreachable({ platform, chatId: target.chatId, userId: target.userId });
      if (target.conversationId) await schedules.pauseUnreachable(target.conversationId);
    },
  }) : undefined;
  const occasionQueue = new OccasionQueue(redis[0]!, config.REDIS_PREFIX, options.clock);
  const occasions = new OccasionScheduler({
    runtime,
    schedules,
    communities,
    queue: occasionQueue,
    outbox,
    log,
    settings: {
      ...defaultOccasionSettings,
      sweepMs: config.SCHEDULE_SWEEP_SECONDS * 1000,
      reminderMs: config.REMINDER_MINUTES * 60_000,
      summaryMs: config.GROUP_SUMMARY_MINUTES * 60_000,
      ...options.occasionSettings,
    },
    ...(options.clock ? { clock: options.clock } : {}),
    housekeeping: async (now) => {
      const pruned = await pruneProcessedEvents(db, now);
      if (pruned) log.info({ pruned }, 'forgot old delivery keys');
    },
  });
  const occasionWorker = works ? startOccasionWorker(redis[3]!, config.REDIS_PREFIX, (job) => occasions.handle(job)) : undefined;
  occasionWorker?.on('failed', (job, err) => log.error({ err: err.message, occasions: job?.data.occasions.length }, 'occasion job failed'));
  if (occasionWorker) observeWorker(occasionWorker, OCCASION_QUEUE, metrics);
  for (const w of delivery?.workers ?? []) observeWorker(w, w.name, metrics);
  if (works) await occasions.start();

  let closed = false;
  return {
    runtime,
    store,
    db,
    scheduler,
    role,
    worker,
    schedules,
    communities,
    occasions,
    occasionWorker,
    outbox,
    metrics,
    queues,
    async readiness() {
      const within = <T>(p: Promise<T>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1_000).unref())]).catch(() => false);
      const [postgres, redisUp] = await Promise.all([within(db.$queryRaw`SELECT 1`), within(redis[0]!.ping())]);
      return { postgres, redis: redisUp };
    },
    async close({ drainMs = 10_000 } = {}) {
      if (closed) return;
      closed = true;
      await occasions.stop();
      // Each worker stops fetching and waits for the jobs it is running.
      await Promise.all([occasionWorker?.close(), worker?.close(), delivery?.close()]);
      const unfinished = await runtime.drain(drainMs);
      if (unfinished) log.warn({ unfinished }, 'closing with events still being handled');
      await occasionQueue.close();
      await outbox.close();
      await Promise.all(queues.map((q) => q.close()));
      await scheduler.close();
      await Promise.all(redis.map((r) => r.quit().catch(() => r.disconnect())));
      await db.$disconnect();
    },
  };
}
