import type { Tether } from '../../src/app.js';
import { eventually } from './eventually.js';

/**
 * Waits until the occasion and delivery queues hold nothing waiting or running, so the job that sent a message has
 * also recorded it (planned the next check-in, cleared the reminder, marked the event check-in sent).
 *
 * Tests that move a clock by hours call this first. Without it, the next sweep could meet a row that job still holds,
 * skip it (SKIP LOCKED, as it should: in production the next sweep, seconds later, takes it) and claim nothing, since
 * in a test nobody sweeps again.
 */
export async function settled(tether: Tether): Promise<void> {
  const queues = tether.queues.filter((q) => !q.name.includes('timer'));
  await eventually(
    async () => {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      return counts.every((c) => Object.values(c).every((n) => n === 0)) ? true : undefined;
    },
    10_000,
    'the occasion and delivery queues to settle',
  );
}
