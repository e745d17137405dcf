import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/load.js';
import { createDatabase } from '../src/db/client.js';
import { dropDatabase, migrate } from '../src/db/migrate.js';
import { OccasionQueue } from '../src/queue/occasion-queue.js';
import { createRedis } from '../src/queue/redis.js';
import { EVERY_DAY, nextOccurrence } from '../src/schedule/recurrence.js';
import { ScheduleStore } from '../src/store/schedule-store.js';
import { round } from './stats.js';

/**
 * 100,000 people with schedules spread over the day and over time zones, 10,000 of them due in one minute (a popular
 * morning time in one zone): the Redis memory held for them, and the time to find those 10,000 in Postgres and hand
 * them to the occasion queue. Real Postgres and Redis, a throwaway database and prefix.
 */
export interface ScheduleMeasurement {
  readonly people: number;
  readonly dueInTheMinute: number;
  /** Redis memory held for all schedules between sweeps (Postgres holds them): the target is <= 32 MB. */
  readonly redisBytesAtRest: number;
  /** Redis memory with the minute's 10,000 occasions waiting in the queue. */
  readonly redisBytesWithMinuteQueued: number;
  /** Finding and claiming the due rows in Postgres, then adding the jobs to BullMQ: the target is <= 1 s. */
  readonly claimMs: number;
  readonly enqueueMs: number;
  readonly totalMs: number;
}

const zones = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Mexico_City', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Tokyo', 'America/Sao_Paulo'];

export async function measureSchedules(options: { people?: number; due?: number } = {}): Promise<ScheduleMeasurement> {
  const people = options.people ?? 100_000;
  const due = options.due ?? 10_000;
  const id = randomBytes(4).toString('hex');
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/tether_bench_sched_${id}`;
  const prefix = `tether-bench-sched-${id}`;
  await migrate(url.toString());
  const db = createDatabase(url.toString());
  const redis = createRedis(base.REDIS_URL);
  const queue = new OccasionQueue(redis, prefix);
  try {
    // The minute everyone due starts in: 08:00 in London, on the next weekday morning from now.
    const london = { days: EVERY_DAY, minuteOfDay: 8 * 60, timeZone: 'Europe/London' };
    const minute = nextOccurrence(london, Date.now())!;
    const now = minute - 1_000;
    const rows: Array<[string, string, number, number, string, Date]> = [];
    for (let i = 0; i < people; i++) {
      const popular = i < due;
      const timeZone = popular ? 'Europe/London' : zones[i % zones.length]!;
      // The rest spread over the whole day (and so never in this minute: their local 08:00 is 08:00 elsewhere).
      const minuteOfDay = popular ? 8 * 60 : (i * 7) % 1440;
      let next = nextOccurrence({ days: EVERY_DAY, minuteOfDay, timeZone }, now)!;
      if (!popular && next < minute + 60_000) next = nextOccurrence({ days: EVERY_DAY, minuteOfDay, timeZone }, minute + 60_000)!;
      rows.push([randomUUID(), randomUUID(), minuteOfDay, EVERY_DAY, timeZone, new Date(next)]);
    }
    for (let i = 0; i < rows.length; i += 5_000) {
      const slice = rows.slice(i, i + 5_000);
      const personIds = slice.map((r) => r[0]);
      const conversationIds = slice.map((r) => r[1]);
      await db.$executeRaw`INSERT INTO "Person" ("id", "consentedAt") SELECT unnest(${personIds}::uuid[]), now()`;
      await db.$executeRaw`
        INSERT INTO "Conversation" ("id", "personId", "platform", "chatId", "state", "updatedAt")
        SELECT c, p, 'bench', c::text, '{"shape":2,"stack":[],"timers":[],"seq":0}'::jsonb, now()
          FROM unnest(${conversationIds}::uuid[], ${personIds}::uuid[]) AS t(c, p)`;
      await db.$executeRaw`
        INSERT INTO "Schedule" ("id", "personId", "conversationId", "days", "minuteOfDay", "timeZone", "nextRunAt", "updatedAt")
        SELECT gen_random_uuid(), p, c, d, m, z, n, now()
          FROM unnest(${personIds}::uuid[], ${conversationIds}::uuid[], ${slice.map((r) => r[3])}::int[], ${slice.map((r) => r[2])}::int[],
                      ${slice.map((r) => r[4])}::text[], ${slice.map((r) => r[5])}::timestamp[]) AS t(p, c, d, m, z, n)`;
    }
    await db.$executeRaw`ANALYZE "Schedule"`;

    const redisBytesAtRest = await memoryOf(redis, prefix);
    const schedules = new ScheduleStore(db);
    const t0 = performance.now();
    const claimed = await schedules.claimDue(minute + 59_999, now, now - 5 * 60_000);
    const t1 = performance.now();
    await queue.enqueue(claimed);
    const t2 = performance.now();
    const redisBytesWithMinuteQueued = await memoryOf(redis, prefix);
    if (claimed.length !== due) {
      const odd = claimed.filter((c) => c.dueAt !== minute).slice(0, 3).map((c) => new Date(c.dueAt).toISOString());
      throw new Error(`expected ${due} due at ${new Date(minute).toISOString()}, claimed ${claimed.length}, e.g. ${odd.join(', ')}`);
    }
    return {
      people,
      dueInTheMinute: claimed.length,
      redisBytesAtRest,
      redisBytesWithMinuteQueued,
      claimMs: round(t1 - t0, 1),
      enqueueMs: round(t2 - t1, 1),
      totalMs: round(t2 - t0, 1),
    };
  } finally {
    await queue.close();
    await clearPrefix(redis, prefix);
    await redis.quit();
    await db.$disconnect();
    await dropDatabase(url.toString());
  }
}

/** What Redis holds under a prefix, by MEMORY USAGE of each key. */
async function memoryOf(redis: Redis, prefix: string): Promise<number> {
  let total = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    for (const key of keys) total += Number((await redis.memory('USAGE', key)) ?? 0);
    cursor = next;
  } while (cursor !== '0');
  return total;
}

async function clearPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measureSchedules(), null, 2));
  process.exit(0);
}
