import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.js';
import { MAX_FAILED_TRIES } from '../../src/store/code-tries.js';
import { LinkStore } from '../../src/store/link-store.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/environment.js';

/**
 * The pause after five failed codes is what keeps 40-bit codes out of a guesser's reach. Tries that arrive at the
 * same time (several chats, several gateways, Telegram's parallel webhook connections) must not each see "not
 * paused yet" and all be looked up.
 */
describe('one-time code tries under concurrency', () => {
  let env: TestEnvironment;
  let db: Database;
  beforeAll(async () => {
    env = await createTestEnvironment();
    db = createDatabase(env.config.DATABASE_URL);
  });
  afterAll(async () => {
    await db.$disconnect();
    await env.cleanup();
  });

  it('looks up at most five codes an hour for a person, even when twenty arrive at once', async () => {
    const guesser = await db.person.create({ data: {} });
    const links = new LinkStore(db);
    const now = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => links.redeem(`GUESS${String(i).padStart(3, '2')}`, guesser.id, 'telegram', now)),
    );
    const lookedUp = outcomes.filter((o) => !o.ok && o.reason !== 'too-many-tries').length;
    expect(lookedUp).toBeLessThanOrEqual(MAX_FAILED_TRIES);
  });
});
