import { randomBytes } from 'node:crypto';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { TelegramSink } from '../../../src/adapters/telegram/telegram-sink.js';
import { NoteCipher } from '../../../src/crypto/note-cipher.js';
import { plain } from '../../../src/engine/rich-text.js';
import { RedisSinkMemory } from '../../../src/queue/redis-sink-memory.js';

/**
 * What a Telegram sink remembers (the message a timed step edits, the keyboard that is live) must be written by the
 * time deliver() resolves: the next step may be sent by another process, which reads it from Redis.
 */
describe('TelegramSink with shared (Redis) memory', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const prefix = `tether-review-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('has remembered the slotted message and its live keyboard when deliver() resolves', async () => {
    // The Bot API itself is the only stand-in: every call "succeeds" with message 42.
    const api = new Api('1:review');
    api.config.use(async () => ({ ok: true, result: { message_id: 42, date: 0, chat: { id: 7, type: 'private' } } }) as never);
    const memory = new RedisSinkMemory(redis, prefix, NoteCipher.fromString(randomBytes(32).toString('hex')));
    const sink = new TelegramSink(api);
    sink.useMemory(memory);

    await sink.deliver({ conversationId: 'c1', chatId: '7', userId: '7' }, [
      { text: plain('Breathe in…'), slot: 'exercise', input: { kind: 'choice', token: 't1', options: [{ id: 'stop', label: 'Stop' }] } },
    ]);

    // Read at once, as the next deliver() would (here, or in a worker that fires the next step).
    expect(await memory.get<{ messageId: number }>('tg:keyboard:7')).toMatchObject({ messageId: 42 });
    expect(await memory.get<number>('tg:slot:7|exercise')).toBe(42);
  });
});
