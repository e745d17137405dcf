import { BoundedMap } from '../../lib/bounded-map.js';
import type { SinkMemory } from '../../core/ports.js';

/** The in-process memory a sink starts with (one process, tests). */
export class LocalSinkMemory implements SinkMemory {
  private readonly entries = new BoundedMap<string, { value: unknown; until: number }>(100_000);

  constructor(private readonly clock: () => number = Date.now) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, until: this.clock() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async take<T>(key: string): Promise<T | undefined> {
    const value = await this.get<T>(key);
    this.entries.delete(key);
    return value;
  }
}
