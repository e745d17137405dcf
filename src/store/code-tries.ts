import type { Database } from '../db/client.js';

/** Code tries (/link, /support) that did not work that a person may make in an hour before codes are paused for them. */
export const MAX_FAILED_TRIES = 5;
const WINDOW_MS = 60 * 60_000;
/** The advisory-lock namespace for code tries (the migrator's lock is a single key). */
const CODE_TRIES_LOCK = 7424838;

/**
 * Guards one-time codes against guessing. A try is written down before its code is looked up, under a lock per
 * person, so tries that arrive together (several chats, gateways, parallel webhook calls) cannot all slip under the
 * limit. A code that works takes its try back; after five that did not in an hour, the next are refused without
 * looking anything up (so a refusal says nothing about any code).
 */
export const codeTries = {
  /** Takes one try: its id, or undefined when the person is paused. */
  async take(db: Database, personId: string, now: number): Promise<string | undefined> {
    return db.$transaction(async (tx) => {
      // Two-key form: its own namespace, apart from the migrations' lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CODE_TRIES_LOCK}::int, hashtext(${personId}))`;
      await tx.codeTry.deleteMany({ where: { personId, at: { lte: new Date(now - WINDOW_MS) } } });
      const recent = await tx.codeTry.count({ where: { personId } });
      if (recent >= MAX_FAILED_TRIES) return undefined;
      return (await tx.codeTry.create({ data: { personId, at: new Date(now) }, select: { id: true } })).id;
    });
  },

  /** The code worked: the try does not count against them. */
  async giveBack(db: Pick<Database, 'codeTry'>, tryId: string): Promise<void> {
    await db.codeTry.deleteMany({ where: { id: tryId } });
  },
};
