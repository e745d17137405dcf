import type { Database } from '../db/client.js';

/** Failed code tries (/link, /support) a person may make in an hour before codes are paused for them. */
export const MAX_FAILED_TRIES = 5;
const WINDOW_MS = 60 * 60_000;

type Db = Pick<Database, 'codeTry'>;

/**
 * Guards one-time codes against guessing: every code that does not work is written down, and after five in an hour
 * a person's next tries are refused without looking the code up (so a refusal says nothing about any code).
 */
export const codeTries = {
  async paused(db: Db, personId: string, now: number): Promise<boolean> {
    const recent = await db.codeTry.count({ where: { personId, at: { gt: new Date(now - WINDOW_MS) } } });
    return recent >= MAX_FAILED_TRIES;
  },

  async failed(db: Db, personId: string, now: number): Promise<void> {
    await db.codeTry.create({ data: { personId, at: new Date(now) } });
    // Old tries say nothing any more.
    await db.codeTry.deleteMany({ where: { personId, at: { lte: new Date(now - WINDOW_MS) } } });
  },
};
