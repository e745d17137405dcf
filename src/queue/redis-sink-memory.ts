import type { Redis } from 'ioredis';
import type { NoteCipher } from '../crypto/note-cipher.js';
import type { SinkMemory } from '../core/ports.js';

/**
 * Sink memory in Redis, shared by every gateway and worker (see runtime/sink-memory.ts). Values are encrypted like
 * notes in Postgres: a live question's text can name a person's reasons or supporters, and reply tokens are secrets.
 */
export class RedisSinkMemory implements SinkMemory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly cipher: NoteCipher,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    return this.read<T>(await this.redis.get(this.keyOf(key)));
  }

  async take<T>(key: string): Promise<T | undefined> {
    return this.read<T>(await this.redis.getdel(this.keyOf(key)));
  }

  private read<T>(raw: string | null): T | undefined {
    if (raw === null) return undefined;
    try {
      return JSON.parse(this.cipher.decrypt(raw)) as T;
    } catch {
      // Written under another key (rotated) or damaged: forgotten, like an expired entry.
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.set(this.keyOf(key), this.cipher.encrypt(JSON.stringify(value)), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  private keyOf(key: string): string {
    // The key names chats and people: only its keyed name is stored.
    return `${this.prefix}:sink:${this.cipher.keyedName(key)}`;
  }
}
