import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { person, startHarness, type Harness } from '../helpers/tether-harness.js';

/* /event: a plan for a risky occasion whose check-ins fire during and after it, on a clock the test moves. */

let env: TestEnvironment;
let h: Harness;
let now = Date.parse('2027-07-01T12:00:00Z');
const who = person('lou');

beforeAll(async () => {
  env = await createTestEnvironment();
  h = await startHarness(env.config, { clock: () => now, occasionSettings: { sweepMs: 3_600_000 } });
});
afterAll(async () => {
  await h?.tether.close();
  await env?.cleanup();
});

const count = (text: string) => h.sink.texts('lou').filter((t) => t.includes(text)).length;

describe('an event plan', () => {
  it('plans who to go with, how to leave and who is on standby, and keeps the words encrypted', async () => {
    for (const line of ['/event', 'I agree', "my cousin's wedding", '2027-07-10', '6pm', 'UK and Ireland (London)', 'my sister', 'taxi home at 22:00', 'Someone else', 'Jo', 'Once, an hour in', 'The next morning']) {
      await h.say(who, line);
    }
    const summary = h.sink.texts('lou').at(-1)!;
    expect(summary).toContain("Your plan for my cousin's wedding, on 2027-07-10 at 18:00:");
    expect(summary).toContain('• Leaving: taxi home at 22:00');
    expect(summary).toContain('• On standby: Jo');
    const plan = await h.tether.db.eventPlan.findFirstOrThrow({ include: { checkIns: { orderBy: { dueAt: 'asc' } } } });
    expect(plan.what).toMatch(/^enc:v1:/);
    expect(plan.startsAt.toISOString()).toBe('2027-07-10T17:00:00.000Z'); // 18:00 BST
    expect(plan.checkIns.map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([
      ['during', '2027-07-10T18:00:00.000Z'],
      ['after', '2027-07-11T09:00:00.000Z'], // 10:00 BST the next morning
    ]);
  });

  it('checks in during the event, offers help if it is getting hard, and again the next morning, once each', async () => {
    now = Date.parse('2027-07-10T18:00:00Z');
    await h.tether.occasions.sweep();
    await eventually(() => (count('checking in as you asked') === 1 ? true : undefined), 10_000, 'the check-in during the event');
    await h.say(who, "It's getting hard");
    expect(h.sink.texts('lou').at(-1)).toContain("It's okay to step outside, or to leave now.");
    await h.say(who, '/cancel');
    await h.tether.occasions.sweep();
    now = Date.parse('2027-07-11T09:00:00Z');
    await h.tether.occasions.sweep();
    await eventually(() => (count('checking in as you asked') === 2 ? true : undefined), 10_000, 'the check-in the next morning');
    await h.tether.occasions.sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(count('checking in as you asked')).toBe(2);
    expect(await h.tether.db.eventCheckIn.count({ where: { sentAt: null } })).toBe(0);
  });
});
