import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { NoteCipher } from '../../src/crypto/note-cipher.js';
import { RedisSinkMemory } from '../../src/queue/redis-sink-memory.js';

/** The memory sinks share across gateways and workers: exclusive takes, and nothing readable in Redis. */
describe('RedisSinkMemory', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const prefix = `tether-sink-memory-${randomBytes(4).toString('hex')}`;
  const memory = new RedisSinkMemory(redis, prefix, NoteCipher.fromString(randomBytes(32).toString('hex')));
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('gives a value to exactly one of many processes taking it at once (a Discord placeholder is used once)', async () => {
    await memory.set('dc:placeholder:dm:123456789', 'interaction-token', 60_000);
    const taken = await Promise.all(Array.from({ length: 20 }, () => memory.take<string>('dc:placeholder:dm:123456789')));
    expect(taken.filter((t) => t === 'interaction-token')).toHaveLength(1);
    expect(await memory.get('dc:placeholder:dm:123456789')).toBeUndefined();
  });

  it('keeps neither the chat ids in key names nor the values in the clear, and lets entries expire', async () => {
    await memory.set('tg:keyboard:987654321', { messageId: 5, html: 'My reasons: my daughter' }, 200);
    expect(await memory.get('tg:keyboard:987654321')).toEqual({ messageId: 5, html: 'My reasons: my daughter' });
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('987654321');
    const stored = await Promise.all(keys.map((k) => redis.get(k)));
    expect(stored.join(' ')).not.toContain('daughter');
    await new Promise((r) => setTimeout(r, 300));
    expect(await memory.get('tg:keyboard:987654321')).toBeUndefined();
  });
});
