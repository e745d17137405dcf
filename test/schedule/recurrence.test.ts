import { describe, expect, it } from 'vitest';
import { EVERY_DAY, WEEKDAYS, inQuietHours, nextOccurrence, occasionName, reminderTime, type WeeklyRecurrence } from '../../src/schedule/recurrence.js';
import { localAt } from '../../src/schedule/zoned-time.js';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The next `n` occurrences after `from`. */
function occurrences(r: WeeklyRecurrence, from: string, n: number): string[] {
  const out: string[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) {
    const next = nextOccurrence(r, t);
    if (next === null) break;
    out.push(iso(next)!);
    t = next;
  }
  return out;
}

describe('daily check-ins across daylight-saving changes', () => {
  it('New York, spring forward (14 March 2027): 08:00 local every day, 23 hours apart across the change', () => {
    const r = { days: EVERY_DAY, minuteOfDay: 8 * 60, timeZone: 'America/New_York' };
    expect(occurrences(r, '2027-03-12T20:00:00Z', 3)).toEqual(['2027-03-13T13:00:00.000Z', '2027-03-14T12:00:00.000Z', '2027-03-15T12:00:00.000Z']);
  });

  it('New York, fall back (7 November 2027): 08:00 local every day', () => {
    const r = { days: EVERY_DAY, minuteOfDay: 8 * 60, timeZone: 'America/New_York' };
    expect(occurrences(r, '2027-11-05T20:00:00Z', 3)).toEqual(['2027-11-06T12:00:00.000Z', '2027-11-07T13:00:00.000Z', '2027-11-08T13:00:00.000Z']);
  });

  it('Berlin, spring forward (28 March 2027) and fall back (31 October 2027): 21:30 local', () => {
    const r = { days: EVERY_DAY, minuteOfDay: 21 * 60 + 30, timeZone: 'Europe/Berlin' };
    expect(occurrences(r, '2027-03-27T00:00:00Z', 2)).toEqual(['2027-03-27T20:30:00.000Z', '2027-03-28T19:30:00.000Z']);
    expect(occurrences(r, '2027-10-30T00:00:00Z', 2)).toEqual(['2027-10-30T19:30:00.000Z', '2027-10-31T20:30:00.000Z']);
  });

  it('Sydney, where the seasons are the other way round (4 April 2027 back, 3 October 2027 forward)', () => {
    const r = { days: EVERY_DAY, minuteOfDay: 9 * 60, timeZone: 'Australia/Sydney' };
    expect(occurrences(r, '2027-04-02T12:00:00Z', 2)).toEqual(['2027-04-02T22:00:00.000Z', '2027-04-03T23:00:00.000Z']);
    expect(occurrences(r, '2027-10-01T12:00:00Z', 2)).toEqual(['2027-10-01T23:00:00.000Z', '2027-10-02T22:00:00.000Z']);
  });

  it('a time skipped by the change moves forward by the gap; a time that happens twice is the first', () => {
    const skipped = { days: EVERY_DAY, minuteOfDay: 2 * 60 + 30, timeZone: 'America/New_York' };
    expect(iso(nextOccurrence(skipped, at('2027-03-14T05:00:00Z')))).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    const twice = { days: EVERY_DAY, minuteOfDay: 1 * 60 + 30, timeZone: 'America/New_York' };
    expect(iso(nextOccurrence(twice, at('2027-11-07T04:00:00Z')))).toBe('2027-11-07T05:30:00.000Z'); // 01:30 EDT, not EST
    const berlinTwice = { days: EVERY_DAY, minuteOfDay: 2 * 60 + 30, timeZone: 'Europe/Berlin' };
    expect(iso(nextOccurrence(berlinTwice, at('2027-10-30T12:00:00Z')))).toBe('2027-10-31T00:30:00.000Z');
  });

  it('every occurrence over a whole year reads the chosen local time, in four zones', () => {
    for (const timeZone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata']) {
      const r = { days: EVERY_DAY, minuteOfDay: 7 * 60 + 45, timeZone };
      const all = occurrences(r, '2027-01-01T00:00:00Z', 365);
      expect(all).toHaveLength(365);
      for (const o of all) expect(localAt(at(o), timeZone)).toMatchObject({ hour: 7, minute: 45 });
      expect(new Set(all.map((o) => occasionName(r, at(o)))).size).toBe(365);
    }
  });
});

describe('weekdays, quiet hours and reminders', () => {
  it('weekdays only: Friday evening leads to Monday', () => {
    const r = { days: WEEKDAYS, minuteOfDay: 18 * 60, timeZone: 'Europe/London' };
    // Friday 2027-01-08 19:00 London → Monday 2027-01-11 18:00.
    expect(iso(nextOccurrence(r, at('2027-01-08T19:00:00Z')))).toBe('2027-01-11T18:00:00.000Z');
    expect(nextOccurrence({ ...r, days: 0 }, at('2027-01-08T19:00:00Z'))).toBeNull();
  });

  it('quiet hours that wrap past midnight', () => {
    const quiet = { start: 22 * 60, end: 7 * 60 };
    expect(inQuietHours(quiet, 'Europe/London', at('2027-01-08T23:30:00Z'))).toBe(true);
    expect(inQuietHours(quiet, 'Europe/London', at('2027-01-09T06:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, 'Europe/London', at('2027-01-09T07:00:00Z'))).toBe(false);
    expect(inQuietHours(quiet, 'Europe/London', at('2027-01-09T12:00:00Z'))).toBe(false);
  });

  it('a reminder waits out quiet hours and is dropped rather than piling onto the next check-in', () => {
    const r = { days: EVERY_DAY, minuteOfDay: 21 * 60, timeZone: 'Europe/London', quiet: { start: 22 * 60, end: 7 * 60 } };
    const occasion = at('2027-01-08T21:00:00Z');
    expect(iso(reminderTime(r, occasion, 2 * 3_600_000))).toBe('2027-01-09T07:00:00.000Z');
    expect(iso(reminderTime({ ...r, quiet: null }, occasion, 2 * 3_600_000))).toBe('2027-01-08T23:00:00.000Z');
    expect(reminderTime(r, occasion, 25 * 3_600_000)).toBeNull();
  });
});
