import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteCipher } from '../../../src/crypto/note-cipher.js';
import { RedisSinkMemory } from '../../../src/queue/redis-sink-memory.js';
import { LocalSinkMemory } from '../../../src/adapters/shared/local-sink-memory.js';
import type { SinkMemory } from '../../../src/core/ports.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/environment.js';

let env: TestEnvironment;
let redis: Redis;

beforeAll(async () => {
  env = await createTestEnvironment();
  redis = new Redis(env.config.REDIS_URL);
});
afterAll(async () => {
  await redis.quit();
  await env.cleanup();
});

/** take() closes a keyboard in one round trip: it must hand the value over once and leave nothing behind. */
async function takesOnce(memory: SinkMemory): Promise<void> {
  await memory.set('tg:keyboard:42', { messageId: 7, html: 'How steady do you feel?' }, 60_000);
  expect(await memory.take('tg:keyboard:42')).toEqual({ messageId: 7, html: 'How steady do you feel?' });
  expect(await memory.take('tg:keyboard:42')).toBeUndefined();
  expect(await memory.get('tg:keyboard:42')).toBeUndefined();
  expect(await memory.take('tg:keyboard:never-set')).toBeUndefined();
}

describe('sink memory take()', () => {
  it('hands a value over once, in process', async () => {
    await takesOnce(new LocalSinkMemory());
  });

  it('treats an expired entry as gone, in process', async () => {
    let now = 0;
    const memory = new LocalSinkMemory(() => now);
    await memory.set('k', 1, 10);
    now = 11;
    expect(await memory.take('k')).toBeUndefined();
  });

  it('hands a value over once in Redis, encrypted at rest', async () => {
    const memory = new RedisSinkMemory(redis, env.config.REDIS_PREFIX, NoteCipher.fromString(randomBytes(32).toString('hex')));
    await memory.set('tg:keyboard:43', { messageId: 8, html: 'secret words' }, 60_000);
    // Key names are keyed hashes (no chat ids), values ciphertext.
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}:sink:*`);
    expect(keys).toHaveLength(1);
    expect(await redis.get(keys[0]!)).not.toContain('secret words');
    await memory.delete('tg:keyboard:43');
    await takesOnce(memory);
    expect(await redis.keys(`${env.config.REDIS_PREFIX}:sink:*`)).toEqual([]);
  });
});
