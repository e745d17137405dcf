import { addDays, formatDate, instantOf, localAt, weekdayOf, type LocalDate } from './zoned-time.js';

/**
 * A weekly recurrence in a person's (or a community's) own time zone: which weekdays, at what local time, and the
 * quiet hours during which nothing proactive is sent.
 */
export interface WeeklyRecurrence {
  /** Bit d set = weekday d (0 = Monday … 6 = Sunday). */
  readonly days: number;
  /** Local time as minutes after midnight. */
  readonly minuteOfDay: number;
  readonly timeZone: string;
  /** Local quiet hours, [start, end) in minutes after midnight; may wrap past midnight (22:00–07:00). */
  readonly quiet?: { readonly start: number; readonly end: number } | null;
}

export const EVERY_DAY = 0b1111111;
export const WEEKDAYS = 0b0011111;
export const WEEKEND = 0b1100000;

/** The first occurrence strictly after `after`, or null when no weekday is chosen. */
export function nextOccurrence(r: WeeklyRecurrence, after: number): number | null {
  if ((r.days & EVERY_DAY) === 0) return null;
  const l = localAt(after, r.timeZone);
  const start: LocalDate = { year: l.year, month: l.month, day: l.day };
  // Eight days cover every weekday even when today's time has passed.
  for (let d = -1; d <= 8; d++) {
    const date = addDays(start, d);
    if (!(r.days & (1 << weekdayOf(date)))) continue;
    const at = instantOf(date, r.minuteOfDay, r.timeZone);
    if (at > after) return at;
  }
  return null;
}

/** Whether `instant` falls in the quiet hours, read on the clock of `timeZone`. */
export function inQuietHours(quiet: WeeklyRecurrence['quiet'], timeZone: string, instant: number): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const l = localAt(instant, timeZone);
  const m = l.hour * 60 + l.minute;
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** `instant`, or the end of the quiet hours it falls in. */
export function outsideQuietHours(quiet: WeeklyRecurrence['quiet'], timeZone: string, instant: number): number {
  if (!quiet || !inQuietHours(quiet, timeZone, instant)) return instant;
  const l = localAt(instant, timeZone);
  const today: LocalDate = { year: l.year, month: l.month, day: l.day };
  const endToday = instantOf(today, quiet.end, timeZone);
  return endToday > instant ? endToday : instantOf(addDays(today, 1), quiet.end, timeZone);
}

/**
 * When to send the one gentle reminder for a check-in sent at `occasion`: `delayMs` later, moved past quiet hours,
 * and not at all if that would reach the next occasion (a reminder never piles onto the next check-in).
 */
export function reminderTime(r: WeeklyRecurrence, occasion: number, delayMs: number): number | null {
  const at = outsideQuietHours(r.quiet, r.timeZone, occasion + delayMs);
  const next = nextOccurrence(r, occasion);
  return next !== null && at >= next ? null : at;
}

/** The occasion's name, unique per schedule: the local date it belongs to ("2026-03-08"). */
export function occasionName(r: Pick<WeeklyRecurrence, 'timeZone'>, occasion: number): string {
  const l = localAt(occasion, r.timeZone);
  return formatDate(l);
}
