import { Redis } from 'ioredis';

/** An ioredis connection as BullMQ wants it (workers need `maxRetriesPerRequest: null`). */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
