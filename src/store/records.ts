import { z } from 'zod';
import type { RecordEffect } from '../engine/types.js';

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

export type ParsedRecord = { readonly type: 'checkin'; readonly data: CheckInRecord };

export function parseRecord(record: RecordEffect): ParsedRecord {
  switch (record.type) {
    case 'checkin': {
      const parsed = checkInRecord.safeParse(record.values);
      if (!parsed.success) throw new RecordError(record.type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return { type: 'checkin', data: parsed.data };
    }
    default:
      throw new RecordError(record.type, ['unknown record type']);
  }
}
