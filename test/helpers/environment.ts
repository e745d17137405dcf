import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { dropDatabase, migrate } from '../../src/db/migrate.js';

/**
 * A throwaway database and Redis prefix for one test file, against the real Postgres and Redis.
 * DATABASE_URL and REDIS_URL, when set, name the servers; the database name is replaced by a fresh one.
 */
export interface TestEnvironment {
  readonly config: Config;
  cleanup(): Promise<void>;
}

export async function createTestEnvironment(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestEnvironment> {
  const id = randomBytes(5).toString('hex');
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/tether_test_${id}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    REDIS_URL: base.REDIS_URL,
    REDIS_PREFIX: `tether-test-${id}`,
    TIMING_SCALE: '0.01',
    // Test files run side by side, each starting several Tethers: a few connections each stay well inside Postgres's 100.
    DATABASE_POOL_SIZE: '3',
    LOG_LEVEL: 'silent',
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...overrides,
  });
  await migrate(config.DATABASE_URL);
  return {
    config,
    async cleanup() {
      await dropDatabase(config.DATABASE_URL);
      const redis = new Redis(config.REDIS_URL);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}

/** The settings a Tether started as a child process needs to use this test file's database and Redis prefix. */
export function storageEnv(config: Config): Record<'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'REDIS_URL' | 'REDIS_PREFIX', string> {
  return {
    DATABASE_URL: config.DATABASE_URL,
    DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
    REDIS_URL: config.REDIS_URL,
    REDIS_PREFIX: config.REDIS_PREFIX,
  };
}

export { eventually } from './eventually.js';
