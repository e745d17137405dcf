import { z } from 'zod';
import type { RecordEffect } from '../engine/types.js';
import type { FlowScope } from '../core/messages.js';
import { SETTING_FIELDS, type SettingField } from '../community/settings.js';
import { readScheduleRecord } from '../schedule/schedule-record.js';
import type { WeeklyRecurrence } from '../schedule/recurrence.js';
import { UNKNOWN_REGION } from '../safety/crisis-region.js';

/*
 * The shape each kind of record must have before it is stored. A flow that emits a record with a missing or
 * odd value fails loudly here instead of storing half a check-in.
 */

const text = (max: number) => z.string().max(max).nullable();

export const checkInRecord = z.object({
  mood: z.number().int().min(1).max(5),
  craving: z.number().int().min(0).max(10),
  sleepHours: z.number().min(0).max(24).nullable(),
  stress: z.number().int().min(1).max(5),
  emotion: z.string().min(1).max(40),
  emotionOther: text(60),
  need: z.string().min(1).max(40),
  response: z.string().min(1).max(40),
  note: text(4000),
});
export type CheckInRecord = z.infer<typeof checkInRecord>;

export class RecordError extends Error {
  constructor(
    readonly recordType: string,
    readonly problems: readonly string[],
  ) {
    super(`record "${recordType}" is not valid: ${problems.join('; ')}`);
    this.name = 'RecordError';
  }
}

export type ParsedRecord =
  | { readonly type: 'checkin'; readonly data: CheckInRecord }
  | { readonly type: 'group-checkin'; readonly mood: number | null; readonly answers: Readonly<Record<string, string | number | null>>; readonly scope: FlowScope & { occasion: string } }
  | { readonly type: 'schedule'; readonly recurrence: WeeklyRecurrence }
  | { readonly type: 'pause'; readonly values: RecordEffect['values'] }
  | { readonly type: 'resume' }
  | { readonly type: 'plan-piece'; readonly piece: 'reasons' | 'triggers' | 'warning-signs' | 'coping' | 'people'; readonly text: string }
  | { readonly type: 'event'; readonly values: RecordEffect['values'] }
  | { readonly type: 'count-from'; readonly date: string | null }
  /** The country the person chose for crisis lines (ISO code), or ZZ for somewhere else. */
  | { readonly type: 'crisis-region'; readonly region: string }
  | { readonly type: 'supporter-add'; readonly name: string; readonly how: string | null }
  | { readonly type: 'supporter-remove'; readonly position: number }
  | { readonly type: 'slip'; readonly happened: string | null; readonly before: string | null; readonly need: string | null; readonly repair: string | null; readonly helper: string | null }
  | { readonly type: 'community-setting'; readonly field: SettingField; readonly value: string; readonly scope: FlowScope };

/** Every record type the store can write: flows naming another fail at load (see compileFlows). */
export const RECORD_TYPES = ['checkin', 'group-checkin', 'schedule', 'pause', 'resume', 'plan-piece', 'event', 'count-from', 'crisis-region', 'supporter-add', 'supporter-remove', 'slip', 'community-setting'] as const satisfies readonly ParsedRecord['type'][];

export function parseRecord(record: RecordEffect): ParsedRecord {
  switch (record.type) {
    case 'checkin': {
      const parsed = checkInRecord.safeParse(record.values);
      if (!parsed.success) throw new RecordError(record.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return { type: 'checkin', data: parsed.data };
    }
    case 'group-checkin': {
      const scope = record.scope;
      if (!scope?.occasion) throw new RecordError(record.type, ['a group check-in needs its community and occasion']);
      const mood = record.values.mood;
      if (mood !== undefined && mood !== null && !(typeof mood === 'number' && Number.isInteger(mood) && mood >= 1 && mood <= 5)) throw new RecordError(record.type, ['mood out of range']);
      return { type: 'group-checkin', mood: typeof mood === 'number' ? mood : null, answers: record.values, scope: { ...scope, occasion: scope.occasion } };
    }
    case 'schedule':
      try {
        return { type: 'schedule', recurrence: readScheduleRecord(record.values) };
      } catch (error) {
        throw new RecordError(record.type, [(error as Error).message]);
      }
    case 'pause':
      return { type: 'pause', values: record.values };
    case 'resume':
      return { type: 'resume' };
    case 'plan-piece': {
      const parsed = z.object({ piece: z.enum(['reasons', 'triggers', 'warning-signs', 'coping', 'people']), text: z.string().min(1).max(600) }).safeParse(record.values);
      if (!parsed.success) throw new RecordError(record.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return { type: 'plan-piece', ...parsed.data };
    }
    case 'event':
      return { type: 'event', values: record.values };
    case 'count-from': {
      const date = record.values.date ?? null;
      if (date !== null && !(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))) throw new RecordError(record.type, ['date must be YYYY-MM-DD or empty']);
      return { type: 'count-from', date };
    }
    case 'crisis-region': {
      const region = String(record.values.region ?? '');
      if (!/^[a-z]{2}$|^other$/.test(region)) throw new RecordError(record.type, ['region must be a two-letter code or "other"']);
      return { type: 'crisis-region', region: region === 'other' ? UNKNOWN_REGION : region.toUpperCase() };
    }
    case 'supporter-add': {
      const parsed = z.object({ name: z.string().trim().min(1).max(60), how: text(200) }).safeParse(record.values);
      if (!parsed.success) throw new RecordError(record.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return { type: 'supporter-add', ...parsed.data };
    }
    case 'supporter-remove': {
      const m = /^s([1-5])$/.exec(String(record.values.position));
      if (!m) throw new RecordError(record.type, ['position must be s1 to s5']);
      return { type: 'supporter-remove', position: Number(m[1]) };
    }
    case 'slip': {
      const parsed = z
        .object({ happened: text(1000), before: text(1000), need: z.string().max(40).nullable(), repair: text(600), helper: text(300) })
        .safeParse(record.values);
      if (!parsed.success) throw new RecordError(record.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return { type: 'slip', ...parsed.data };
    }
    case 'community-setting': {
      const field = record.values.field;
      const value = record.values.value;
      if (!record.scope?.moderator) throw new RecordError(record.type, ['a community setting needs a verified moderator scope']);
      if (typeof field !== 'string' || !(SETTING_FIELDS as readonly string[]).includes(field)) throw new RecordError(record.type, [`unknown field ${String(field)}`]);
      if (value === null || value === undefined) throw new RecordError(record.type, ['no value']);
      return { type: 'community-setting', field: field as SettingField, value: String(value), scope: record.scope };
    }
    default:
      throw new RecordError(record.type, ['unknown record type']);
  }
}
