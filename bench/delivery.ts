import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../src/config/load.js';
import { RateLimitedError, TransientDeliveryError } from '../src/core/errors.js';
import { DeliveryQueue, startDeliveryWorkers, type DeliveryJob } from '../src/delivery/delivery-queue.js';
import { PLATFORM_LIMITS } from '../src/delivery/platform-limits.js';
import type { OutboundMessage } from '../src/core/messages.js';
import { createRedis } from '../src/queue/redis.js';
import type { DeliveryTarget, MessageSink } from '../src/core/ports.js';
import { round } from './stats.js';

export interface DeliveryMeasurement {
  /** The fake platform's limit: messages in any sliding second. */
  limitPerSecond: number;
  /** Distinct messages the platform accepted. */
  delivered: number;
  /** From the start of the workers to the last accepted message. */
  seconds: number;
  /** Accepted messages per second over that span. */
  rate: number;
  /** rate / limitPerSecond: how close the pacing runs to the limit (target >= 0.97). */
  shareOfLimit: number;
  /** Requests the platform refused with 429 (target 0). */
  status429: number;
  /** Enqueued messages never accepted (target 0). */
  lost: number;
  /** Accepted deliveries beyond the first of each message (target 0). */
  duplicated: number;
}

/**
 * A stand-in for the Telegram Bot API's sending limit: at most `limit` accepted messages in any sliding second, a 429
 * with `parameters.retry_after` (whole seconds, as Telegram sends it) beyond that. It counts how often each message id
 * arrived.
 */
function startFakePlatform(limit: number) {
  const accepted: number[] = [];
  let windowStart = 0; // index of the oldest accepted arrival still inside the last second
  const arrivals = new Map<string, number>();
  let status429 = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      while (windowStart < accepted.length && accepted[windowStart]! <= now - 1_000) windowStart++;
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (accepted.length - windowStart >= limit) {
        status429++;
        const retryAfter = Math.max(1, Math.ceil((accepted[windowStart]! + 1_000 - now) / 1_000));
        reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
        return;
      }
      if (req.url === '/warm-up') {
        reply(200, { ok: true });
        return;
      }
      const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      accepted.push(now);
      arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
      reply(200, { ok: true, result: { message_id: accepted.length } });
    });
  });

  return {
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    stats: () => ({ accepted: [...accepted], arrivals: new Map(arrivals), status429 }),
  };
}

/** Sends each message to the fake platform as one request; a 429 becomes RateLimitedError, a 5xx or network error TransientDeliveryError. */
class BenchSink implements MessageSink {
  readonly platform = 'telegram';

  constructor(private readonly url: string) {}

  /** One uncounted request, to open the keep-alive connection. */
  async warmUp(): Promise<void> {
    await (await fetch(`${this.url}/warm-up`, { method: 'POST', body: '{}' })).json();
  }

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i++) {
      let response: Response;
      try {
        response = await fetch(`${this.url}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: `${target.conversationId}.${i}` }),
        });
      } catch (error) {
        throw new TransientDeliveryError(this.platform, error);
      }
      const body = (await response.json()) as { parameters?: { retry_after?: number } };
      if (response.status === 429) throw new RateLimitedError(this.platform, (body.parameters?.retry_after ?? 1) * 1_000);
      if (response.status >= 500) throw new TransientDeliveryError(this.platform, response.status);
    }
  }
}

/**
 * Proactive messages through DeliveryQueue and BullMQ with Telegram's published limit (30 per second overall),
 * against a fake platform that enforces that limit over any sliding second. 900 messages take about 30 s.
 * Uses the real Redis with a throwaway prefix, removed afterwards.
 */
export async function measureDelivery(options: { messages?: number } = {}): Promise<DeliveryMeasurement> {
  const count = options.messages ?? 900;
  const limitPerSecond = PLATFORM_LIMITS.telegram!.overall!.max;
  const platform = startFakePlatform(limitPerSecond);
  const url = await platform.listen();
  const { REDIS_URL } = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const prefix = `tether-bench-delivery-${randomBytes(4).toString('hex')}`;
  const redis = createRedis(REDIS_URL);
  const queue = new DeliveryQueue(redis, prefix);
  let workers: { close(): Promise<void> } | undefined;
  let started = 0;

  try {
    const jobs: DeliveryJob[] = Array.from({ length: count }, (_, i) => ({
      platform: 'telegram',
      target: { conversationId: `bench-${i}`, chatId: `${100_000 + i}`, userId: `${100_000 + i}` },
      messages: [{ text: [{ text: 'Time for your check-in.' }] }],
      key: `checkin:bench-${i}:2025-03-01T09:00:00.000Z`,
    }));
    await queue.enqueue(jobs);
    // A running bot has talked to its platform long before it sends proactive messages: open the connection (and
    // compile the request path) first, so that a cold first request does not count as pacing jitter.
    await new BenchSink(url).warmUp();
    started = performance.now();
    workers = startDeliveryWorkers(redis, prefix, [new BenchSink(url)], {
      log: pino({ level: 'silent' }),
      onUnreachable: async () => {},
    });

    const deadline = Date.now() + (count / limitPerSecond) * 2_000 + 30_000;
    while (platform.stats().arrivals.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // let any duplicate arrive
  } finally {
    await workers?.close();
    await queue.close();
    await platform.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }

  const { accepted, arrivals, status429 } = platform.stats();
  // From the start of the workers to the last accepted message: startup counts against the rate, never for it.
  const seconds = accepted.length > 0 ? (accepted.at(-1)! - started) / 1_000 : 0;
  const rate = seconds > 0 ? arrivals.size / seconds : 0;
  let duplicated = 0;
  for (const n of arrivals.values()) duplicated += n - 1;
  return {
    limitPerSecond,
    delivered: arrivals.size,
    seconds: round(seconds, 2),
    rate: round(rate, 2),
    shareOfLimit: round(rate / limitPerSecond, 3),
    status429,
    lost: count - arrivals.size,
    duplicated,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const messages = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await measureDelivery(messages ? { messages } : {}), null, 2));
}
