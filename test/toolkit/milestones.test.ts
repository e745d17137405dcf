import { describe, expect, it } from 'vitest';
import { streakOf } from '../../src/store/person-view.js';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';

const DAY = 86_400_000;

describe('streaks', () => {
  it('count days in a row ending today or yesterday, and nothing after a gap', () => {
    const now = Date.parse('2027-02-10T12:00:00Z');
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    expect(streakOf([at(0), at(1), at(1), at(2), at(4)], now)).toBe(3);
    expect(streakOf([at(1), at(2)], now)).toBe(2);
    expect(streakOf([at(2), at(3)], now)).toBe(0);
    expect(streakOf([], now)).toBe(0);
  });
});

describe('milestones through the runtime', () => {
  const harness = harnessForSuite();
  const who = person('moe');

  it('celebrates the first check-in privately, and counts days from a date only when asked', async () => {
    for (const line of ['/checkin', 'I agree', '4', '2', '7', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await harness().say(who, line);
    expect(harness().sink.texts('moe').join('\n')).toContain("That's check-in number 1.");
    await harness().say(who, '/milestones');
    let text = harness().sink.texts('moe').at(-1)!;
    expect(text).toContain('• Check-ins so far: 1');
    expect(text).toContain('• Days in a row with a check-in: 1');
    expect(text).not.toContain('Days since');
    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
    for (const line of ['Count days from a date', tenDaysAgo]) await harness().say(who, line);
    await harness().say(who, '/milestones');
    text = harness().sink.texts('moe').at(-1)!;
    expect(text).toMatch(new RegExp(`• Days since ${tenDaysAgo}: 1[01]`));
    await harness().say(who, 'Stop counting days');
    await harness().say(who, '/milestones');
    expect(harness().sink.texts('moe').at(-1)).not.toContain('Days since');
  });
});
