import { describe, expect, it } from 'vitest';
import { computeTrends, trendsText, type TrendPoint } from '../../src/insights/trends.js';
import { harnessForSuite } from '../helpers/harness-suite.js';
import { person } from '../helpers/tether-harness.js';

const DAY = 86_400_000;
const now = Date.parse('2027-05-31T12:00:00Z');
const point = (daysAgo: number, craving: number, emotion: string, need: string, response: string, mood = 3): TrendPoint => ({
  at: new Date(now - daysAgo * DAY),
  mood,
  craving,
  stress: 3,
  sleepHours: 7,
  emotion,
  need,
  response,
});

describe('trends from a person\'s own check-ins', () => {
  it('averages 7 and 30 days, finds what came with the strongest cravings and what was followed by lower ones', () => {
    const points = [
      point(20, 8, 'lonely', 'closeness', 'reach-out'),
      point(19, 3, 'calm', 'rest', 'note'),
      point(18, 9, 'lonely', 'closeness', 'ground'),
      point(17, 4, 'calm', 'rest', 'note'),
      point(5, 2, 'calm', 'rest', 'note', 4),
      point(4, 2, 'calm', 'rest', 'note', 4),
      point(40, 10, 'angry', 'space', 'note'), // older than 30 days: not counted
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    const t = computeTrends(points, now);
    expect(t.week).toMatchObject({ checkIns: 2, mood: 4, craving: 2 });
    expect(t.month).toMatchObject({ checkIns: 6, craving: 4.7 });
    expect(t.cravingByEmotion[0]).toEqual({ name: 'lonely', craving: 8.5, n: 2 });
    expect(t.afterResponse.find((r) => r.response === 'reach-out')).toEqual({ response: 'reach-out', change: -5, n: 1 });
    const text = trendsText(t);
    expect(text).toContain('Last 7 days: 2 check-ins; mood 4/5, craving 2/10');
    expect(text).toContain('Cravings were strongest with: lonely (8.5/10 over 2)');
    expect(text).toContain('lower after reaching out (-5 on average, 1 time)');
  });

  it('says plainly when there is nothing yet', () => {
    expect(trendsText(computeTrends([], now))).toContain('No check-ins in the last 30 days yet');
  });
});

describe('/trends through the runtime', () => {
  const harness = harnessForSuite();

  it('sends a PNG chart with the same in words', async () => {
    const who = person('tam');
    for (const answers of [['4', '2', '7', '2', 'Calm', 'Rest', 'Just note it', 'skip'], ['2', '6', '5', '4', 'Lonely', 'Closeness', 'Just note it', 'skip']]) {
      for (const line of ['/checkin', ...(harness().sink.texts('tam').length ? [] : ['I agree']), ...answers]) await harness().say(who, line);
    }
    await harness().say(who, '/trends');
    const chart = harness().sink.delivered.at(-1)!.message;
    expect(chart.file?.mime).toBe('image/png');
    const png = chart.file!.content as Uint8Array;
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);
    expect(chart.text.map((s) => s.text).join('')).toContain('Last 7 days: 2 check-ins; mood 3/5, craving 4/10');
  });
});
