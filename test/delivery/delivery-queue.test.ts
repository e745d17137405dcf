import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { DeliveryError, RateLimitedError, TransientDeliveryError } from '../../src/core/errors.js';
import { DeliveryQueue, deliveryQueueName, startDeliveryWorkers, type DeliveryJob, type DeliveryWorkerOptions } from '../../src/delivery/delivery-queue.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import type { OutboundMessage } from '../../src/core/messages.js';
import { createRedis } from '../../src/queue/redis.js';
import { RecipientUnreachableError } from '../../src/core/errors.js';
import type { DeliveryTarget, MessageSink } from '../../src/core/ports.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';

/** A platform that records each delivery and each try, and fails tries as told. */
class ScriptedSink implements MessageSink {
  readonly delivered: Array<{ chatId: string; text: string; at: number }> = [];
  readonly tries: number[] = [];

  constructor(
    readonly platform: string,
    /** For each try in turn: an error to throw, or null to succeed. */
    private readonly failures: Array<(() => Error) | null> = [],
  ) {}

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    this.tries.push(Date.now());
    const failure = this.failures.shift();
    if (failure) throw failure();
    for (const m of messages) this.delivered.push({ chatId: target.chatId, text: toPlainText(m.text), at: Date.now() });
  }

  texts(): string[] {
    return this.delivered.map((d) => d.text);
  }
}

const target = (who: string): DeliveryTarget => ({ conversationId: `conv-${who}`, chatId: `chat-${who}`, userId: `user-${who}` });
const job = (platform: string, key: string, text: string, extra: Partial<DeliveryJob> = {}): DeliveryJob => ({
  platform,
  target: target('sam'),
  messages: [{ text: [{ text }] }],
  key,
  ...extra,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let env: TestEnvironment;
let redis: Redis;
const toClose: Array<{ close(): Promise<void> }> = [];
const unreachable: Array<{ platform: string; target: DeliveryTarget }> = [];

function start(sinks: MessageSink[], options: Partial<DeliveryWorkerOptions> = {}): void {
  toClose.push(
    startDeliveryWorkers(redis, env.config.REDIS_PREFIX, sinks, {
      log: pino({ level: 'silent' }),
      onUnreachable: async (platform, t) => {
        unreachable.push({ platform, target: t });
      },
      ...options,
    }),
  );
}

function queue(options: ConstructorParameters<typeof DeliveryQueue>[2] = {}): DeliveryQueue {
  const q = new DeliveryQueue(redis, env.config.REDIS_PREFIX, options);
  toClose.push(q);
  return q;
}

/** How many jobs of a platform's queue Redis still holds, in any state: a delivered one, with its words, is gone. */
async function jobsLeft(platform: string): Promise<number> {
  const q = new Queue(deliveryQueueName(platform), { connection: redis, prefix: env.config.REDIS_PREFIX });
  try {
    const counts = await q.getJobCounts();
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } finally {
    await q.close();
  }
}

beforeAll(async () => {
  env = await createTestEnvironment();
  redis = createRedis(env.config.REDIS_URL);
});
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c.close();
});
afterAll(async () => {
  await redis.quit();
  await env.cleanup();
});

describe('delivery queue with real Redis and BullMQ', () => {
  it('delivers one occasion once, however often it is enqueued, also after it was delivered', async () => {
    const sink = new ScriptedSink('dedupe');
    start([sink]);
    const q = queue();
    const key = 'checkin:schedule-1:2025-03-01T09:00:00.000Z';
    await q.enqueue([job('dedupe', key, 'how are you?'), job('dedupe', key, 'how are you?')]);
    await q.enqueue([job('dedupe', key, 'how are you?')]);
    await eventually(() => (sink.delivered.length >= 1 ? true : undefined), 5_000, 'the first delivery');

    await q.enqueue([job('dedupe', key, 'how are you?')]);
    await q.enqueue([job('dedupe', 'checkin:schedule-1:2025-03-02T09:00:00.000Z', 'next day')]);
    await eventually(() => (sink.texts().includes('next day') ? true : undefined), 5_000, 'the next occasion');
    await sleep(200);
    expect(sink.texts()).toEqual(['how are you?', 'next day']);
    expect(await jobsLeft('dedupe')).toBe(0);
  });

  it('after a 429, waits the advised time and delivers once, without using up an attempt', async () => {
    const sink = new ScriptedSink('limited', [() => new RateLimitedError('limited', 300)]);
    start([sink]);
    // One attempt only: had the 429 counted as a failed attempt, the job would end failed and never be delivered.
    await queue({ attempts: 1 }).enqueue([job('limited', 'nudge:1', 'still there?')]);
    await eventually(() => (sink.delivered.length >= 1 ? true : undefined), 5_000, 'the delivery after the 429');
    await sleep(200);
    expect(sink.texts()).toEqual(['still there?']);
    expect(sink.tries).toHaveLength(2);
    expect(sink.tries[1]! - sink.tries[0]!).toBeGreaterThanOrEqual(290);
    expect(await jobsLeft('limited')).toBe(0);
  });

  it('reports an unreachable person once and does not retry', async () => {
    const sink = new ScriptedSink('blocked', [() => new RecipientUnreachableError('blocked', 'Forbidden: bot was blocked by the user')]);
    start([sink]);
    await queue({ backoffMs: 10 }).enqueue([job('blocked', 'checkin:s:1', 'hello')]);
    await eventually(() => (unreachable.some((u) => u.platform === 'blocked') ? true : undefined), 5_000, 'onUnreachable');
    await sleep(300);
    expect(unreachable.filter((u) => u.platform === 'blocked')).toEqual([{ platform: 'blocked', target: target('sam') }]);
    expect(sink.tries).toHaveLength(1);
    expect(sink.delivered).toEqual([]);
    expect(await jobsLeft('blocked')).toBe(0);
  });

  it('fails a delivery at once, without using its attempts, when the error says a retry cannot help', async () => {
    class RefusedError extends DeliveryError {
      readonly retryable = false;
    }
    const sink = new ScriptedSink('refused', [() => new RefusedError('refused', 'the platform refused this message')]);
    start([sink]);
    await queue({ backoffMs: 10 }).enqueue([job('refused', 'checkin:s:3', 'hello')]);
    await eventually(() => (sink.tries.length >= 1 ? true : undefined), 5_000, 'the one try');
    await sleep(300);
    expect(sink.tries).toHaveLength(1);
    expect(sink.delivered).toEqual([]);
    expect(unreachable.filter((u) => u.platform === 'refused')).toEqual([]);
    expect(await jobsLeft('refused')).toBe(0);
  });

  it('retries transient failures with backoff and delivers once', async () => {
    const failure = () => new TransientDeliveryError('flaky', Object.assign(new Error('Bad Gateway'), { status: 502 }));
    const sink = new ScriptedSink('flaky', [failure, failure]);
    start([sink]);
    await queue({ backoffMs: 50 }).enqueue([job('flaky', 'checkin:s:2', 'hi again')]);
    await eventually(() => (sink.delivered.length >= 1 ? true : undefined), 5_000, 'the delivery after two failures');
    await sleep(200);
    expect(sink.texts()).toEqual(['hi again']);
    expect(sink.tries).toHaveLength(3);
    // Exponential backoff: 50 ms, then 100 ms.
    expect(sink.tries[2]! - sink.tries[1]!).toBeGreaterThanOrEqual(90);
  });

  it('paces messages rather than jobs, and resumes a half-sent job without sending a message twice', async () => {
    const failure = () => new TransientDeliveryError('multi', new Error('socket hang up'));
    const sink = new ScriptedSink('multi', [null, failure]);
    // One message per window of about 100 ms (3 in any 310 ms).
    start([sink], { limits: { multi: { overall: { max: 3, windowMs: 300 } } } });
    const texts = (who: string) => ['first', 'second', 'third'].map((t) => ({ text: [{ text: `${who} ${t}` }] }));
    await queue({ backoffMs: 50 }).enqueue([
      { platform: 'multi', target: target('a'), messages: texts('a'), key: 'checkin:a' },
      { platform: 'multi', target: target('b'), messages: texts('b'), key: 'checkin:b' },
    ]);
    await eventually(() => (sink.delivered.length >= 6 ? true : undefined), 8_000, () => `6 messages, got ${sink.delivered.length}`);
    await sleep(300);

    expect(sink.delivered).toHaveLength(6);
    for (const who of ['a', 'b']) expect(sink.texts().filter((t) => t.startsWith(who))).toEqual(texts(who).map((m) => m.text[0]!.text));
    // The platform's rule: never 4 messages in one window. Paced per job instead, each job's 3 messages would leave
    // together. (Each time is taken when the sink records the send, a little after its slot on a busy machine: hence
    // the margin, and no assertion on the gap between two neighbours.)
    const times = sink.delivered.map((d) => d.at);
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(250);
  });

  it('paces deliveries into one group chat, and does not hold up other chats meanwhile', async () => {
    const sink = new ScriptedSink('grouped');
    const window = 1_000;
    start([sink], { limits: { grouped: { perGroup: { max: 3, windowMs: window } } } });
    const q = queue();
    const group = { target: target('group'), group: true } as const;
    const started = Date.now();
    await q.enqueue(Array.from({ length: 6 }, (_, i) => job('grouped', `group:${i}`, `group ${i}`, group)));
    await q.enqueue([job('grouped', 'direct:1', 'direct')]);
    await eventually(() => (sink.delivered.length >= 7 ? true : undefined), 8_000, () => `7 deliveries, got ${sink.delivered.length}`);

    const groupTimes = sink.delivered.filter((d) => d.chatId === 'chat-group').map((d) => d.at).sort((a, b) => a - b);
    expect(groupTimes).toHaveLength(6);
    // Never more than 3 in any window of one second, so the last three take at least one more window.
    for (let i = 3; i < groupTimes.length; i++) expect(groupTimes[i]! - groupTimes[i - 3]!).toBeGreaterThanOrEqual(window);
    expect(groupTimes.at(-1)! - started).toBeGreaterThanOrEqual(window);
    // The direct message did not wait for the group's window.
    const direct = sink.delivered.find((d) => d.text === 'direct')!;
    expect(direct.at).toBeLessThan(groupTimes[3]!);
  });
});
