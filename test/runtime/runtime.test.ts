import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { getAnswer } from '../../src/engine/answer-map.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import { timerJobId } from '../../src/queue/timer-queue.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

let env: TestEnvironment;
const running: Harness[] = [];

async function start(options: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  const h = await startHarness(env.config, options);
  running.push(h);
  return h;
}

async function stop(h: Harness): Promise<void> {
  await h.tether.close();
  running.splice(running.indexOf(h), 1);
}

beforeAll(async () => {
  env = await createTestEnvironment();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.tether.close()));
});
afterAll(async () => {
  await env.cleanup();
});

describe('runtime with real Postgres, Redis and BullMQ', () => {
  it('stores a completed check-in as one CheckIn row, with the person and identity created on first contact', async () => {
    const h = await start();
    const who = person('alex');
    for (const line of ['/checkin', 'I agree', '4', '2', '7.5', '2', 'hopeful', 'closeness', 'note', 'Went to a meeting tonight.']) await h.say(who, line);
    const identity = await h.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'test', externalId: 'alex' } } });
    const rows = await h.tether.store.checkInsOf(identity.personId);
    expect(rows).toHaveLength(1);
    // At rest, the note is ciphertext.
    const raw = await h.tether.db.checkIn.findFirstOrThrow({ where: { personId: identity.personId } });
    expect(raw.note).toMatch(/^enc:v1:/);
    expect(raw.note).not.toContain('meeting');
    expect(rows[0]).toMatchObject({
      mood: 4,
      craving: 2,
      sleepHours: 7.5,
      stress: 2,
      emotion: 'hopeful',
      need: 'closeness',
      response: 'note',
      note: 'Went to a meeting tonight.',
      platform: 'test',
    });
    expect(h.sink.texts().join('\n')).toContain("You're feeling hopeful, and what you need most is closeness.");
    // Personal text never reaches the logs.
    expect(h.logs.join('')).not.toContain('meeting tonight');
  });

  it('plays a breathing exercise whose steps arrive over time through BullMQ', async () => {
    const h = await start();
    const who = person('sam');
    const started = Date.now();
    await h.say(who, '/breathe box');
    const texts = await eventually(() => {
      const t = h.sink.texts('sam');
      return t.some((x) => x.includes('How do you feel now?')) ? t : undefined;
    }, 20_000, 'the end of the exercise');
    const phases = texts.filter((t) => t.includes('Round'));
    expect(phases).toHaveLength(16);
    expect(new Set(phases).size).toBe(16); // none repeated
    // 6 s + 16 × 4 s at TIMING_SCALE 0.01 is 0.7 s: the steps were paced, not sent at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  it('advances once when the same timer is delivered twice, and BullMQ keeps one job per timer', async () => {
    // A gateway runs no timer worker: the test delivers the timer itself, twice, and the real job (due 60 ms after
    // /breathe on the scaled clock) cannot get there first on a busy machine.
    const h = await start({ role: 'gateway' });
    const who = person('kim');
    await h.say(who, '/breathe box');
    const conversation = (await h.tether.runtime.conversation({ key: who }))!;
    const timer = conversation.state.timers[0]!;
    await h.tether.scheduler.schedule(conversation.id, [{ id: timer.id, dueAt: Date.now() + 60_000 }]);
    const waiting = await h.tether.scheduler.queue.getJob(timerJobId(conversation.id, timer.id));
    expect(waiting).toBeDefined();
    const before = h.sink.delivered.length;
    const outcomes = await Promise.all([
      h.tether.runtime.dispatch({ conversationId: conversation.id }, { type: 'timer', timerId: timer.id }),
      h.tether.runtime.dispatch({ conversationId: conversation.id }, { type: 'timer', timerId: timer.id }),
    ]);
    const advanced = outcomes.filter((o) => o.kind === 'handled' && o.transition.changed);
    expect(advanced).toHaveLength(1);
    const firstPhase = h.sink.delivered.slice(before).filter((d) => toPlainText(d.message.text).includes('Round 1 of 4'));
    expect(firstPhase).toHaveLength(1);
  });

  it('never loses or corrupts one of two answers arriving at once from two processes', async () => {
    const a = await start();
    const b = await start();
    const who = person('lee');
    await a.say(who, '/checkin');
    await a.say(who, 'I agree');
    await Promise.all([a.say(who, '4'), b.say(who, '2')]);
    const conversation = (await a.tether.runtime.conversation({ key: who }))!;
    const run = conversation.state.stack[0]!;
    expect(run.stepId).toBe('sleep');
    expect([getAnswer(run.answers, 'mood'), getAnswer(run.answers, 'craving')].sort()).toEqual([2, 4]);
    expect(conversation.version).toBe(4); // /checkin, I agree, answer, answer
  });

  it('handles the same platform delivery once', async () => {
    const h = await start();
    const who = person('ari');
    await h.tether.runtime.dispatch({ key: who }, { type: 'command', name: 'checkin' }, { dedupKey: 'test:update:1' });
    await h.tether.runtime.dispatch({ key: who }, { type: 'text', text: 'I agree' }, { dedupKey: 'test:update:1b' });
    const first = await h.tether.runtime.dispatch({ key: who }, { type: 'text', text: '3' }, { dedupKey: 'test:update:2' });
    const again = await h.tether.runtime.dispatch({ key: who }, { type: 'text', text: '3' }, { dedupKey: 'test:update:2' });
    expect(first.kind).toBe('handled');
    expect(again.kind).toBe('duplicate');
    const conversation = (await h.tether.runtime.conversation({ key: who }))!;
    expect(conversation.state.stack[0]!.stepId).toBe('craving');
    expect(h.sink.texts().filter((t) => t.includes('How strong is any craving'))).toHaveLength(1);
  });

  it('continues an exercise after a restart, with no step lost or repeated', async () => {
    const first = await start();
    const who = person('noor');
    await first.say(who, '/breathe paced');
    await eventually(() => (first.sink.texts('noor').filter((t) => t.includes('Round')).length >= 3 ? true : undefined), 10_000, 'three phases');
    await stop(first);
    const seenBefore = first.sink.texts('noor').filter((t) => t.includes('Round'));

    const second = await start();
    await eventually(() => (second.sink.texts('noor').some((t) => t.includes('How do you feel now?')) ? true : undefined), 20_000, 'the end');
    const seenAfter = second.sink.texts('noor').filter((t) => t.includes('Round'));
    expect(seenAfter.length).toBeGreaterThan(0);
    const all = [...seenBefore, ...seenAfter];
    expect(all).toHaveLength(12); // 6 rounds × in, out
    expect(new Set(all).size).toBe(12);
  });

  it('re-arms every stored timer when Redis lost them', async () => {
    const h = await start();
    const who = person('jo');
    for (const line of ['/checkin', 'I agree', '3', '9']) await h.say(who, line);
    const conversation = (await h.tether.runtime.conversation({ key: who }))!;
    const followUp = conversation.state.timers.find((t) => t.kind === 'follow-up')!;
    const jobId = timerJobId(conversation.id, followUp.id);
    expect(await h.tether.scheduler.queue.getJob(jobId)).toBeDefined();
    await stop(h);

    const redis = new Redis(env.config.REDIS_URL);
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    const again = await start();
    const job = await again.tether.scheduler.queue.getJob(jobId);
    expect(job?.data).toEqual({ conversationId: conversation.id, timerId: followUp.id });
    expect(await job!.isDelayed()).toBe(true);
    const delay = job!.opts.delay ?? 0;
    expect(delay).toBeGreaterThan(59 * 60_000);
  });
});
