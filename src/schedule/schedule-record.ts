import { EVERY_DAY, WEEKDAYS, WEEKEND, type WeeklyRecurrence } from './recurrence.js';
import { minuteOf, parseDate, parseQuietHours, parseTime, parseTimeZone, textToDays } from './parse.js';
import { addDays, instantOf, localAt } from './zoned-time.js';
import { zoneOfChoice } from './zones.js';
import type { AnswerValue } from '../engine/types.js';

/*
 * The answers of /schedule and /pause (src/flows/schedule.ts) turned into what is stored. Answers were checked
 * when typed; they are checked again here, so a stored schedule is always one that can run.
 */

export class ScheduleRecordError extends Error {
  constructor(readonly problem: string) {
    super(`schedule record: ${problem}`);
    this.name = 'ScheduleRecordError';
  }
}



type Values = Readonly<Record<string, AnswerValue>>;

const str = (v: AnswerValue | undefined) => (typeof v === 'string' ? v : undefined);

function ok<T>(parsed: { ok: true; value: string } | { ok: false; reason: string }, then: (value: string) => T): T {
  if (!parsed.ok) throw new ScheduleRecordError(parsed.reason);
  return then(parsed.value);
}

export function readScheduleRecord(values: Values): WeeklyRecurrence {
  const daysChoice = str(values.days);
  const days =
    daysChoice === 'every-day' ? EVERY_DAY
    : daysChoice === 'weekdays' ? WEEKDAYS
    : daysChoice === 'weekend' ? WEEKEND
    : ok(parseWeekdaysValue(values.pickDays), textToDays);
  const timeChoice = str(values.time);
  const minuteOfDay =
    timeChoice?.startsWith('at-') ? Number(timeChoice.slice(3, 5)) * 60 + Number(timeChoice.slice(5, 7)) : ok(parseTime(str(values.timeOther) ?? ''), minuteOf);
  const zoneChoice = str(values.zone);
  const timeZone = zoneOfChoice(zoneChoice) ?? ok(parseTimeZone(str(values.zoneOther) ?? ''), (z) => z);
  const quietChoice = str(values.quiet);
  const quietText =
    quietChoice === 'none' ? undefined
    : quietChoice?.startsWith('q-') ? `${quietChoice.slice(2, 4)}:${quietChoice.slice(4, 6)}-${quietChoice.slice(7, 9)}:${quietChoice.slice(9, 11)}`
    : ok(parseQuietHours(str(values.quietOther) ?? ''), (q) => q);
  const quiet = quietText ? { start: minuteOf(quietText.slice(0, 5)), end: minuteOf(quietText.slice(6, 11)) } : null;
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= 1440) throw new ScheduleRecordError('time out of range');
  return { days, minuteOfDay, timeZone, quiet };
}

function parseWeekdaysValue(v: AnswerValue | undefined) {
  // Stored canonical already ("mon,wed"); textToDays reads it. An empty value means no day was chosen.
  const text = str(v) ?? '';
  return text && textToDays(text) ? ({ ok: true, value: text } as const) : ({ ok: false, reason: 'no days chosen' } as const);
}

/** Until when a pause lasts: an instant, or null for "until I resume". Dates are read on the schedule's clock. */
export function readPauseRecord(values: Values, timeZone: string, now: number): number | null {
  const length = str(values.length);
  const today = localAt(now, timeZone);
  switch (length) {
    case 'week':
      return instantOf(addDays(today, 7), 0, timeZone);
    case 'two-weeks':
      return instantOf(addDays(today, 14), 0, timeZone);
    case 'date':
      return ok(parseDate(str(values.until) ?? ''), (d) => {
        const [year, month, day] = d.split('-').map(Number) as [number, number, number];
        return instantOf({ year, month, day }, 0, timeZone);
      });
    case 'indefinite':
      return null;
    default:
      throw new ScheduleRecordError(`unknown pause length "${length ?? ''}"`);
  }
}

export interface EventTimes {
  readonly startsAt: number;
  readonly timeZone: string;
  /** The check-ins asked for, as instants. */
  readonly checkIns: ReadonlyArray<{ readonly dueAt: number; readonly kind: 'during' | 'after' }>;
}

/**
 * When an event plan's check-ins fall: an hour in, or two and four hours in; later that night (five hours after the
 * start), the next morning at 10:00, or both. `scheduleZone` stands in for "same as my check-ins".
 */
export function readEventTimes(values: Values, scheduleZone: string | undefined): EventTimes {
  const date = ok(parseDate(str(values.date) ?? ''), (d) => d.split('-').map(Number) as [number, number, number]);
  const minute = ok(parseTime(str(values.start) ?? ''), minuteOf);
  const zoneChoice = str(values.zone);
  const timeZone = zoneChoice === 'same' ? (scheduleZone ?? 'UTC') : (zoneOfChoice(zoneChoice) ?? ok(parseTimeZone(str(values.zoneOther) ?? ''), (z) => z));
  const day = { year: date[0], month: date[1], day: date[2] };
  const startsAt = instantOf(day, minute, timeZone);
  const HOUR = 3_600_000;
  const checkIns: Array<{ dueAt: number; kind: 'during' | 'after' }> = [];
  const during = str(values.during);
  if (during === 'one-hour') checkIns.push({ dueAt: startsAt + HOUR, kind: 'during' });
  if (during === 'every-two') checkIns.push({ dueAt: startsAt + 2 * HOUR, kind: 'during' }, { dueAt: startsAt + 4 * HOUR, kind: 'during' });
  const after = str(values.after);
  if (after === 'night' || after === 'both') checkIns.push({ dueAt: startsAt + 5 * HOUR, kind: 'after' });
  if (after === 'morning' || after === 'both') checkIns.push({ dueAt: instantOf(addDays(day, 1), 10 * 60, timeZone), kind: 'after' });
  return { startsAt, timeZone, checkIns };
}
