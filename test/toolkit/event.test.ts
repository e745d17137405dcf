import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/environment.js';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';
import { settled } from '../helpers/settled.js';

/* /event: a plan for a risky occasion whose check-ins fire during and after it, on a clock the test moves. */

let now = Date.parse('2027-07-01T12:00:00Z');
const harness = harnessForSuite(() => ({ clock: () => now, occasionSettings: { sweepMs: 3_600_000 } }));
const who = person('lou');

const count = (text: string) => harness().sink.texts('lou').filter((t) => t.includes(text)).length;

describe('an event plan', () => {
  it('plans who to go with, how to leave and who is on standby, and keeps the words encrypted', async () => {
    for (const line of ['/event', 'I agree', "my cousin's wedding", '2027-07-10', '6pm', 'UK and Ireland (London)', 'my sister', 'taxi home at 22:00', 'Someone else', 'Jo', 'Once, an hour in', 'The next morning']) {
      await harness().say(who, line);
    }
    const summary = harness().sink.texts('lou').at(-1)!;
    expect(summary).toContain("Your plan for my cousin's wedding, on 2027-07-10 at 18:00:");
    expect(summary).toContain('• Leaving: taxi home at 22:00');
    expect(summary).toContain('• On standby: Jo');
    const plan = await harness().tether.db.eventPlan.findFirstOrThrow({ include: { checkIns: { orderBy: { dueAt: 'asc' } } } });
    expect(plan.what).toMatch(/^enc:v1:/);
    expect(plan.startsAt.toISOString()).toBe('2027-07-10T17:00:00.000Z'); // 18:00 BST
    expect(plan.checkIns.map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([
      ['during', '2027-07-10T18:00:00.000Z'],
      ['after', '2027-07-11T09:00:00.000Z'], // 10:00 BST the next morning
    ]);
  });

  it('checks in during the event, offers help if it is getting hard, and again the next morning, once each', async () => {
    now = Date.parse('2027-07-10T18:00:00Z');
    await harness().tether.occasions.sweep();
    await eventually(() => (count('checking in as you asked') === 1 ? true : undefined), 10_000, 'the check-in during the event');
    await harness().say(who, "It's getting hard");
    expect(harness().sink.texts('lou').at(-1)).toContain("It's okay to step outside, or to leave now.");
    await harness().say(who, '/cancel');
    await harness().tether.occasions.sweep();
    await settled(harness().tether);
    now = Date.parse('2027-07-11T09:00:00Z');
    await harness().tether.occasions.sweep();
    await eventually(() => (count('checking in as you asked') === 2 ? true : undefined), 10_000, 'the check-in the next morning');
    await harness().tether.occasions.sweep();
    await settled(harness().tether);
    expect(count('checking in as you asked')).toBe(2);
    expect(await harness().tether.db.eventCheckIn.count({ where: { sentAt: null } })).toBe(0);
  });
});
