import type { Database } from '../db/client.js';

/**
 * How long a delivery's key is kept so that the same delivery twice is handled once. Platforms re-send within
 * hours (Telegram keeps an update for 24), and occasions are also guarded by their own rows; a week is ample.
 */
export const PROCESSED_EVENT_RETENTION_MS = 7 * 86_400_000;

/** Forgets delivery keys older than the retention: one row per incoming message would otherwise grow forever. */
export async function pruneProcessedEvents(db: Pick<Database, 'processedEvent'>, now: number): Promise<number> {
  const { count } = await db.processedEvent.deleteMany({ where: { createdAt: { lt: new Date(now - PROCESSED_EVENT_RETENTION_MS) } } });
  return count;
}
