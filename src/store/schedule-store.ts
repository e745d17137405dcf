import type { Database } from '../db/client.js';
import type { PersonFacts } from '../engine/types.js';
import { nextOccurrence, occasionName, reminderTime, type WeeklyRecurrence } from '../schedule/recurrence.js';
import { readPauseRecord } from '../schedule/schedule-record.js';
import type { Db } from './db.js';
import { claimOccasions } from './occasion-claim.js';


type ScheduleRow = {
  id: string;
  days: number;
  minuteOfDay: number;
  timeZone: string;
  quietStart: number | null;
  quietEnd: number | null;
  paused: boolean;
  pausedUntil: Date | null;
  unreachable: boolean;
};

/** A check-in or reminder whose time has come, handed to the occasion queue. */
export interface DueOccasion {
  readonly kind: 'checkin' | 'reminder';
  readonly scheduleId: string;
  readonly conversationId: string;
  readonly flowId: string;
  readonly occasion: string;
  readonly dueAt: number;
}

export function recurrenceOf(row: Pick<ScheduleRow, 'days' | 'minuteOfDay' | 'timeZone' | 'quietStart' | 'quietEnd'>): WeeklyRecurrence {
  return {
    days: row.days,
    minuteOfDay: row.minuteOfDay,
    timeZone: row.timeZone,
    quiet: row.quietStart !== null && row.quietEnd !== null ? { start: row.quietStart, end: row.quietEnd } : null,
  };
}

/** The next check-in after `after`, respecting a pause; null while paused indefinitely or unreachable. */
export function plannedRun(row: ScheduleRow, after: number): Date | null {
  if (row.unreachable || (row.paused && !row.pausedUntil)) return null;
  const from = Math.max(after, row.pausedUntil ? row.pausedUntil.getTime() - 1 : 0);
  const next = nextOccurrence(recurrenceOf(row), from);
  return next === null ? null : new Date(next);
}

/**
 * People's schedules in Postgres, the source of truth. Redis only ever holds occasions claimed here for the next
 * minute; a claimed occasion that was not sent within `staleMs` (Redis emptied, a process died) is claimed again,
 * and the conversation's processed-event key makes sure it is still sent once.
 */
export class ScheduleStore {
  constructor(private readonly db: Database) {}

  /** Creates or replaces the person's schedule (from /schedule), delivering to `conversationId`. */
  static async save(tx: Db, personId: string, conversationId: string, r: WeeklyRecurrence, now: number): Promise<void> {
    const fields = {
      conversationId,
      days: r.days,
      minuteOfDay: r.minuteOfDay,
      timeZone: r.timeZone,
      quietStart: r.quiet?.start ?? null,
      quietEnd: r.quiet?.end ?? null,
      paused: false,
      pausedUntil: null,
      unreachable: false,
      queuedAt: null,
      reminderAt: null,
      reminderOccasion: null,
      reminderQueuedAt: null,
    };
    const nextRunAt = plannedRun({ id: '', ...fields }, now);
    await tx.schedule.upsert({ where: { personId }, create: { personId, ...fields, nextRunAt }, update: { ...fields, nextRunAt } });
  }

  static async pause(tx: Db, personId: string, values: Parameters<typeof readPauseRecord>[0], now: number): Promise<void> {
    const row = await tx.schedule.findUnique({ where: { personId } });
    if (!row) return;
    const until = readPauseRecord(values, row.timeZone, now);
    const paused = { ...row, paused: true, pausedUntil: until === null ? null : new Date(until) };
    await tx.schedule.update({
      where: { id: row.id },
      data: { paused: true, pausedUntil: paused.pausedUntil, nextRunAt: plannedRun(paused, now), queuedAt: null, reminderAt: null, reminderQueuedAt: null },
    });
  }

  static async resume(tx: Db, personId: string, now: number): Promise<void> {
    const row = await tx.schedule.findUnique({ where: { personId } });
    if (!row) return;
    const resumed = { ...row, paused: false, pausedUntil: null, unreachable: false };
    await tx.schedule.update({ where: { id: row.id }, data: { paused: false, pausedUntil: null, unreachable: false, nextRunAt: plannedRun(resumed, now), queuedAt: null } });
  }

  /**
   * Claims what is due before `horizon` (check-ins and reminders) and not already claimed since `staleBefore`, in one
   * statement each, so two processes never claim the same row.
   */
  async claimDue(horizon: number, now: number, staleBefore: number, limit = 50_000): Promise<DueOccasion[]> {
    const window = { horizon, now, staleBefore, limit };
    const checkins = await claimOccasions<{ id: string; conversationId: string; flowId: string; nextRunAt: Date; timeZone: string }>(this.db, {
      table: 'Schedule', dueAt: 'nextRunAt', claimedAt: 'queuedAt', returning: ['id', 'conversationId', 'flowId', 'nextRunAt', 'timeZone'],
    }, window);
    const reminders = await claimOccasions<{ id: string; conversationId: string; flowId: string; reminderAt: Date; reminderOccasion: string }>(this.db, {
      table: 'Schedule', dueAt: 'reminderAt', claimedAt: 'reminderQueuedAt', returning: ['id', 'conversationId', 'flowId', 'reminderAt', 'reminderOccasion'],
    }, window);
    return [
      ...checkins.map((r) => ({
        kind: 'checkin' as const,
        scheduleId: r.id,
        conversationId: r.conversationId,
        flowId: r.flowId,
        occasion: occasionName(r, r.nextRunAt.getTime()),
        dueAt: r.nextRunAt.getTime(),
      })),
      ...reminders.map((r) => ({
        kind: 'reminder' as const,
        scheduleId: r.id,
        conversationId: r.conversationId,
        flowId: r.flowId,
        occasion: r.reminderOccasion,
        dueAt: r.reminderAt.getTime(),
      })),
    ];
  }

  /** Claims event-plan check-ins due before `horizon` (see claimDue). */
  async claimDueEvents(horizon: number, now: number, staleBefore: number, limit = 50_000): Promise<Array<{ kind: 'event'; eventCheckInId: string; conversationId: string; occasion: string; dueAt: number }>> {
    const rows = await claimOccasions<{ id: string; conversationId: string; dueAt: Date }>(this.db, {
      table: 'EventCheckIn', dueAt: 'dueAt', claimedAt: 'queuedAt', also: '"sentAt" IS NULL', returning: ['id', 'conversationId', 'dueAt'],
    }, { horizon, now, staleBefore, limit });
    return rows.map((r) => ({ kind: 'event', eventCheckInId: r.id, conversationId: r.conversationId, occasion: `event-${r.id.slice(0, 8)}`, dueAt: r.dueAt.getTime() }));
  }

  /** Whether an event check-in is still to be sent (its plan may have been deleted). */
  async eventPending(eventCheckInId: string): Promise<boolean> {
    return (await this.db.eventCheckIn.count({ where: { id: eventCheckInId, sentAt: null } })) === 1;
  }

  async eventSent(eventCheckInId: string, at: number): Promise<void> {
    await this.db.eventCheckIn.updateMany({ where: { id: eventCheckInId }, data: { sentAt: new Date(at) } });
  }

  /** Whether the occasion is still the one the schedule waits for (a changed or paused schedule drops it). */
  async isCurrent(due: DueOccasion): Promise<boolean> {
    const row = await this.db.schedule.findUnique({ where: { id: due.scheduleId }, select: { nextRunAt: true, reminderAt: true, reminderOccasion: true } });
    if (!row) return false;
    if (due.kind === 'checkin') return row.nextRunAt?.getTime() === due.dueAt;
    return row.reminderOccasion === due.occasion && row.reminderAt?.getTime() === due.dueAt;
  }

  /** After a check-in was handled: plan the next one and this one's single reminder. */
  async completed(due: DueOccasion, reminderDelayMs: number, now = Date.now()): Promise<void> {
    const row = await this.db.schedule.findUnique({ where: { id: due.scheduleId } });
    if (!row) return;
    if (due.kind === 'reminder') {
      await this.db.schedule.updateMany({ where: { id: row.id, reminderOccasion: due.occasion }, data: { reminderAt: null, reminderQueuedAt: null } });
      return;
    }
    const reminder = reminderDelayMs > 0 ? reminderTime(recurrenceOf(row), due.dueAt, reminderDelayMs) : null;
    await this.db.schedule.updateMany({
      where: { id: row.id, nextRunAt: new Date(due.dueAt) },
      data: {
        // After downtime, the next one after now: one missed check-in is not followed by a burst of the others.
        nextRunAt: plannedRun(row, Math.max(due.dueAt, now)),
        lastOccasion: due.occasion,
        queuedAt: null,
        reminderAt: reminder === null ? null : new Date(reminder),
        reminderOccasion: reminder === null ? null : due.occasion,
        reminderQueuedAt: null,
      },
    });
  }

  /** The platform cannot reach the person: their check-ins stop until they write again. */
  async pauseUnreachable(conversationId: string): Promise<void> {
    await this.db.schedule.updateMany({ where: { conversationId }, data: { unreachable: true, nextRunAt: null, queuedAt: null, reminderAt: null } });
  }

  /** They wrote again: check-ins that stopped only because they could not be reached start again. */
  static async liftUnreachable(db: Db, personId: string, now: number): Promise<void> {
    const row = await db.schedule.findUnique({ where: { personId } });
    if (!row?.unreachable) return;
    const lifted = { ...row, unreachable: false };
    await db.schedule.update({ where: { id: row.id }, data: { unreachable: false, nextRunAt: plannedRun(lifted, now), queuedAt: null } });
  }

  /** Forgets every claim, so the next sweep hands everything due to the queue again (start-up after Redis was emptied). */
  async releaseClaims(): Promise<number> {
    const a = await this.db.schedule.updateMany({ where: { queuedAt: { not: null } }, data: { queuedAt: null } });
    const b = await this.db.schedule.updateMany({ where: { reminderQueuedAt: { not: null } }, data: { reminderQueuedAt: null } });
    const c = await this.db.eventCheckIn.updateMany({ where: { queuedAt: { not: null }, sentAt: null }, data: { queuedAt: null } });
    return a.count + b.count + c.count;
  }
}

export function factsFrom(row: { paused: boolean; pausedUntil: Date | null; unreachable: boolean } | null, now: number): PersonFacts {
  if (!row) return { scheduled: false, paused: false };
  return { scheduled: true, paused: row.paused && (!row.pausedUntil || row.pausedUntil.getTime() > now) };
}
