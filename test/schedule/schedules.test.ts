import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { OutboundMessage } from '../../src/core/messages.js';
import { RecipientUnreachableError } from '../../src/core/errors.js';
import type { DeliveryTarget } from '../../src/core/ports.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { RecordingSink } from '../helpers/recording-sink.js';
import { settled } from '../helpers/settled.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

/*
 * Personal schedules end to end, on a clock the test moves: real Postgres (the source of truth), real Redis and
 * BullMQ (the occasion and delivery queues), the real engine. Sweeps are run by the test, not by the interval.
 */

let env: TestEnvironment;
const running: Harness[] = [];
let now = 0;
const clock = () => now;

class FlakySink extends RecordingSink {
  unreachable = false;
  override async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    if (this.unreachable) throw new RecipientUnreachableError('test', 'blocked');
    return super.deliver(target, messages);
  }
}

async function start(sink = new FlakySink('test')): Promise<Harness> {
  const h = await startHarness(env.config, { clock, sink, occasionSettings: { sweepMs: 3_600_000, reminderMs: 2 * 3_600_000 } });
  running.push(h);
  return h;
}

const INTRO = "it's your check-in time";
const REMINDER = 'A gentle nudge';
const count = (h: Harness, userId: string, text: string) => h.sink.texts(userId).filter((t) => t.includes(text)).length;

async function scheduleOf(h: Harness, userId: string) {
  const identity = await h.tether.db.identity.findUniqueOrThrow({ where: { platform_externalId: { platform: 'test', externalId: userId } } });
  return h.tether.db.schedule.findUniqueOrThrow({ where: { personId: identity.personId } });
}

/** Moves the clock to `iso`, sweeps, and waits until `userId` has seen `text` `times` times. */
async function at(h: Harness, iso: string, userId: string, text: string, times: number): Promise<void> {
  now = Date.parse(iso);
  await h.tether.occasions.sweep();
  await eventually(() => (count(h, userId, text) >= times ? true : undefined), 10_000, `${times} × "${text}"`);
  await settled(h.tether);
  expect(count(h, userId, text)).toBe(times);
}

beforeAll(async () => {
  env = await createTestEnvironment();
});
afterEach(async () => {
  // Each test's people and schedules go, so the next test's sweeps see only its own.
  await running[0]?.tether.db.person.deleteMany();
  await Promise.all(running.splice(0).map((h) => h.tether.close()));
});
afterAll(async () => {
  await env.cleanup();
});

describe('personal schedules', () => {
  it('asks days, time, time zone and quiet hours, reads typed answers, and stores the schedule in Postgres', async () => {
    now = Date.parse('2027-01-04T10:00:00Z');
    const h = await start();
    const who = person('sam');
    for (const line of ['/schedule', 'I agree', 'Let me choose the days', 'mon wed fri', 'Another time', '7:30pm', 'Somewhere else', 'Berlin', 'Other hours', '22:30-06:45']) {
      await h.say(who, line);
    }
    expect(h.sink.texts('sam').at(-1)).toContain('Saved.');
    const s = await scheduleOf(h, 'sam');
    expect(s).toMatchObject({ days: 0b0010101, minuteOfDay: 19 * 60 + 30, timeZone: 'Europe/Berlin', quietStart: 22 * 60 + 30, quietEnd: 6 * 60 + 45, paused: false });
    // Monday 4 January 2027, 19:30 in Berlin (CET, UTC+1).
    expect(s.nextRunAt?.toISOString()).toBe('2027-01-04T18:30:00.000Z');
  });

  it('explains what it could not read, and keeps the question open', async () => {
    now = Date.parse('2027-01-04T10:00:00Z');
    const h = await start();
    const who = person('kai');
    for (const line of ['/schedule', 'I agree', 'Every day', 'Another time', '25:99']) await h.say(who, line);
    expect(h.sink.texts('kai').at(-1)).toContain('07:30 or 7:30pm');
    await h.say(who, '8am');
    await h.say(who, 'Somewhere else');
    await h.say(who, 'Mars/Olympus');
    expect(h.sink.texts('kai').at(-1)).toContain("couldn't find that time zone");
  });

  it('checks in at 21:00 Berlin time on both sides of the spring change, once each, with one reminder at most', async () => {
    now = Date.parse('2027-03-26T12:00:00Z');
    const h = await start();
    const who = person('ana');
    for (const line of ['/schedule', 'I agree', 'Every day', '21:00', 'Central Europe (Berlin, Paris, Madrid)', 'No quiet hours']) await h.say(who, line);
    expect((await scheduleOf(h, 'ana')).nextRunAt?.toISOString()).toBe('2027-03-26T20:00:00.000Z');

    // Not yet due: nothing is claimed.
    now = Date.parse('2027-03-26T19:58:00Z');
    expect(await h.tether.occasions.sweep()).toBe(0);

    await at(h, '2027-03-26T20:00:00Z', 'ana', INTRO, 1);
    // Before the change (CET, UTC+1) and after it (CEST, UTC+2): 21:00 on the wall clock both times.
    expect((await scheduleOf(h, 'ana')).nextRunAt?.toISOString()).toBe('2027-03-27T20:00:00.000Z');
    // The one reminder, two hours later, because the check-in was left unanswered.
    await at(h, '2027-03-26T22:00:00Z', 'ana', REMINDER, 1);
    await at(h, '2027-03-27T20:00:00Z', 'ana', INTRO, 2);
    expect((await scheduleOf(h, 'ana')).nextRunAt?.toISOString()).toBe('2027-03-28T19:00:00.000Z');
    await at(h, '2027-03-28T19:00:00Z', 'ana', INTRO, 3);
    // Sweeping again at the same moment sends nothing more.
    expect(await h.tether.occasions.sweep()).toBe(0);
    expect(count(h, 'ana', INTRO)).toBe(3);
    expect(count(h, 'ana', REMINDER)).toBe(1);
  });

  it('follows New York across the autumn change, and sends no reminder once the check-in is answered', async () => {
    now = Date.parse('2027-11-05T12:00:00Z');
    const h = await start();
    const who = person('lee');
    for (const line of ['/schedule', 'I agree', 'Every day', '08:00', 'US Eastern (New York)', '22:00 to 07:00']) await h.say(who, line);
    await at(h, '2027-11-06T12:00:00Z', 'lee', INTRO, 1); // EDT, UTC-4
    await h.say(who, '4'); // answers the first question: no reminder for this one
    await h.say(who, '/cancel');
    now = Date.parse('2027-11-06T14:00:00Z');
    await h.tether.occasions.sweep();
    await at(h, '2027-11-07T13:00:00Z', 'lee', INTRO, 2); // EST, UTC-5
    expect(count(h, 'lee', REMINDER)).toBe(0);
  });

  it('loses nothing and sends nothing twice when Redis is emptied and Tether restarts', async () => {
    now = Date.parse('2027-02-01T07:59:30Z');
    const first = await start();
    const who = person('noa');
    for (const line of ['/schedule', 'I agree', 'Every day', '08:00', 'UK and Ireland (London)', 'No quiet hours']) await first.say(who, line);
    // Claimed 30 s ahead: the check-in waits in Redis as a delayed job…
    expect(await first.tether.occasions.sweep()).toBe(1);
    await first.tether.close();
    running.splice(running.indexOf(first), 1);
    // …and Redis loses everything.
    const redis = new Redis(env.config.REDIS_URL);
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    now = Date.parse('2027-02-01T08:00:00Z');
    const second = await start(); // start-up releases the claims and sweeps again
    await eventually(() => (count(second, 'noa', INTRO) >= 1 ? true : undefined), 10_000, 'the check-in after the restart');
    // A third process sweeping the same moment, and another restart, send nothing more.
    const third = await start();
    await third.tether.occasions.sweep();
    await second.tether.occasions.sweep();
    await new Promise((r) => setTimeout(r, 500));
    expect(count(second, 'noa', INTRO) + count(third, 'noa', INTRO)).toBe(1);
    expect((await scheduleOf(second, 'noa')).nextRunAt?.toISOString()).toBe('2027-02-02T08:00:00.000Z');
  });

  it('after days of downtime sends one check-in, not one per missed day', async () => {
    now = Date.parse('2027-09-01T06:00:00Z');
    const h = await start();
    const who = person('uma');
    for (const line of ['/schedule', 'I agree', 'Every day', '08:00', 'UK and Ireland (London)', 'No quiet hours']) await h.say(who, line);
    // Three days later, the workers come back.
    now = Date.parse('2027-09-04T09:00:00Z');
    await at(h, '2027-09-04T09:00:00Z', 'uma', INTRO, 1);
    for (let i = 0; i < 3; i++) await h.tether.occasions.sweep();
    await new Promise((r) => setTimeout(r, 500));
    expect(count(h, 'uma', INTRO)).toBe(1);
    expect((await scheduleOf(h, 'uma')).nextRunAt?.toISOString()).toBe('2027-09-05T07:00:00.000Z');
  });

  it('pauses for a week, then resumes at the chosen time', async () => {
    now = Date.parse('2027-06-01T10:00:00Z');
    const h = await start();
    const who = person('ira');
    for (const line of ['/schedule', 'I agree', 'Every day', '18:00', 'UK and Ireland (London)', 'No quiet hours']) await h.say(who, line);
    for (const line of ['/pause', 'A week']) await h.say(who, line);
    const paused = await scheduleOf(h, 'ira');
    // Tuesday 1 June + 7 days: Tuesday 8 June, 18:00 BST.
    expect(paused.nextRunAt?.toISOString()).toBe('2027-06-08T17:00:00.000Z');
    await h.say(who, '/pause');
    await h.say(who, 'Until I say /resume');
    expect((await scheduleOf(h, 'ira')).nextRunAt).toBeNull();
    await h.say(who, '/resume');
    expect(h.sink.texts('ira').at(-1)).toContain('on again');
    expect((await scheduleOf(h, 'ira')).nextRunAt?.toISOString()).toBe('2027-06-01T17:00:00.000Z');
    await h.say(who, '/resume');
    expect(h.sink.texts('ira').at(-1)).toContain("aren't paused");
  });

  it('stops check-ins for someone the platform cannot reach, and starts them again when they write', async () => {
    now = Date.parse('2027-06-01T10:00:00Z');
    const sink = new FlakySink('test');
    const h = await start(sink);
    const who = person('ola');
    for (const line of ['/schedule', 'I agree', 'Every day', '12:00', 'UK and Ireland (London)', 'No quiet hours']) await h.say(who, line);
    sink.unreachable = true;
    now = Date.parse('2027-06-01T11:00:00Z');
    await h.tether.occasions.sweep();
    await eventually(async () => ((await scheduleOf(h, 'ola')).unreachable ? true : undefined), 10_000, 'the schedule to stop');
    expect((await scheduleOf(h, 'ola')).nextRunAt).toBeNull();
    sink.unreachable = false;
    await h.say(who, 'hello again');
    const lifted = await scheduleOf(h, 'ola');
    expect(lifted.unreachable).toBe(false);
    expect(lifted.nextRunAt).not.toBeNull();
  });

  it('forgets delivery keys older than a week with the sweeps, at most hourly, and keeps the recent ones', async () => {
    now = Date.parse('2031-01-10T12:00:00Z');
    const h = await start();
    const day = 86_400_000;
    await h.tether.db.processedEvent.createMany({
      data: [
        { key: 'telegram:u:old-1', createdAt: new Date(now - 8 * day) },
        { key: 'telegram:u:old-2', createdAt: new Date(now - 30 * day) },
        { key: 'telegram:u:recent', createdAt: new Date(now - 2 * day) },
      ],
    });
    // Start-up swept and kept house a moment ago: within the hour, nothing more happens.
    await h.tether.occasions.sweep();
    expect(await h.tether.db.processedEvent.count({ where: { key: { startsWith: 'telegram:u:' } } })).toBe(3);
    now += 3_600_000;
    await h.tether.occasions.sweep();
    expect((await h.tether.db.processedEvent.findMany({ where: { key: { startsWith: 'telegram:u:' } }, select: { key: true } })).map((r) => r.key)).toEqual(['telegram:u:recent']);
  });
});
