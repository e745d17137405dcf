import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './db.js';

/** What is due in one table: the column holding when, and the column saying a process claimed it (and when). */
export interface OccasionColumns {
  readonly table: 'Schedule' | 'Community' | 'EventCheckIn';
  readonly dueAt: string;
  readonly claimedAt: string;
  /** A further condition on the row, fixed SQL (an event check-in not yet sent). */
  readonly also?: string;
  /** The columns to return for each claimed row. */
  readonly returning: readonly string[];
}

export interface ClaimWindow {
  /** Claim what is due before this instant. */
  readonly horizon: number;
  readonly now: number;
  /** A claim older than this was not carried out (Redis emptied, a process died): claim it again. */
  readonly staleBefore: number;
  /** At most this many rows, earliest first; without it, every due row. */
  readonly limit?: number;
}

/**
 * Claims, in one statement, the rows of `columns.table` due before the horizon and not claimed since `staleBefore`,
 * marking them claimed now. Rows another process is claiming at the same moment are skipped (`FOR UPDATE SKIP
 * LOCKED`), so two processes never claim the same row. Schedules (check-ins and reminders), communities (group
 * posts and summaries) and event check-ins all claim through here. Table and column names are fixed in code, never
 * taken from input.
 */
export function claimOccasions<Row>(db: Db, columns: OccasionColumns, window: ClaimWindow): Promise<Row[]> {
  const name = (column: string) => Prisma.raw(`"${column}"`);
  const table = name(columns.table);
  const dueAt = name(columns.dueAt);
  const claimedAt = name(columns.claimedAt);
  const also = columns.also ? Prisma.raw(` AND ${columns.also}`) : Prisma.empty;
  const order = window.limit === undefined ? Prisma.empty : Prisma.sql`ORDER BY ${dueAt} LIMIT ${window.limit}`;
  const returning = Prisma.raw(columns.returning.map((c) => `r."${c}"`).join(', '));
  return db.$queryRaw<Row[]>(Prisma.sql`
      WITH due AS (
        SELECT "id" FROM ${table}
         WHERE ${dueAt} <= ${new Date(window.horizon)}${also} AND (${claimedAt} IS NULL OR ${claimedAt} < ${new Date(window.staleBefore)})
         ${order} FOR UPDATE SKIP LOCKED)
      UPDATE ${table} r SET ${claimedAt} = ${new Date(window.now)} FROM due WHERE r."id" = due."id"
      RETURNING ${returning}`);
}
