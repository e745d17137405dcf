import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { textToEvent } from '../src/adapters/shared/inbound-text.js';
import { renderForTerminal } from '../src/adapters/terminal/render.js';
import { startTether } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { dropDatabase } from '../src/db/migrate.js';
import type { MessageSink } from '../src/core/ports.js';
import { round, summarize } from './stats.js';

/**
 * One inbound answer to its reply with the real Postgres and Redis, through the terminal adapter's path (typed line
 * → event → runtime → engine → Postgres → rendered line). A throwaway database and Redis prefix are used and removed.
 * Memory with 10,000 conversations is measured apart, in a process of its own (bench/memory.ts).
 */
/** Issue 8: one answer to its reply at 500 answers/s across 1,000 conversations. */
export const TARGET = { p50Ms: 2, p99Ms: 10 } as const;

export async function measureRoundTrip(): Promise<{ table: Record<string, unknown>[]; json: Record<string, unknown> }> {
  const id = randomBytes(4).toString('hex');
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/tether_bench_${id}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), REDIS_URL: base.REDIS_URL, REDIS_PREFIX: `tether-bench-${id}`, LOG_LEVEL: 'silent' });

  let rendered = 0;
  const sink: MessageSink = {
    platform: 'terminal',
    async deliver(_target, messages) {
      for (const m of messages) rendered += renderForTerminal(m, false).length;
    },
  };
  const tether = await startTether(config, { sinks: [sink], log: pino({ level: 'silent' }) });
  const say = (userId: string, line: string) => tether.runtime.dispatch({ key: { platform: 'terminal', chatId: `terminal:${userId}`, userId } }, textToEvent(line));
  const timed = async (userId: string, line: string) => {
    const t0 = process.hrtime.bigint();
    await say(userId, line);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };

  try {
    // 1. Sequential answers in the middle of a check-in (each one a conditional UPDATE in Postgres).
    const answers: number[] = [];
    await say('seq', '/checkin');
    await say('seq', 'I agree'); // consent, once per person
    await say('seq', '/cancel');
    for (let i = 0; i < 700; i++) {
      await say('seq', '/checkin');
      for (const a of ['3', '2', '7']) answers.push(await timed('seq', a));
      await say('seq', '/cancel');
    }
    const sequential = summarize(answers.slice(100));

    // 2. Answers that arm or cancel a BullMQ timer (an exercise started, then stopped).
    const timerSamples: number[] = [];
    for (let i = 0; i < 400; i++) {
      timerSamples.push(await timed('timers', '/breathe box'));
      timerSamples.push(await timed('timers', '/cancel'));
    }
    const withTimers = summarize(timerSamples.slice(100));

    // 3. 1,000 conversations at once, answers arriving at 500 per second for 10 seconds.
    const users = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    for (const u of users) {
      await say(u, '/checkin');
      await say(u, 'I agree');
    }
    const cycle = ['3', '2', '7', '/cancel', '/checkin'];
    const position = new Map<string, number>();
    const rateSamples: number[] = [];
    const total = 5000;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + i * 2;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const u = users[i % users.length]!;
      const step = position.get(u) ?? 0;
      position.set(u, step + 1);
      inFlight.push(timed(u, cycle[step % cycle.length]!).then((ms) => void rateSamples.push(ms)));
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - started) / 1000;
    const concurrent = summarize(rateSamples);

    const ms = (s: ReturnType<typeof summarize>) => ({ p50: round(s.p50, 3), p90: round(s.p90, 3), p99: round(s.p99, 3), max: round(s.max, 2), n: s.n });
    const json = {
      sequentialAnswerMs: ms(sequential),
      timerArmingAnswerMs: ms(withTimers),
      concurrent: { conversations: 1000, targetPerSecond: 500, achievedPerSecond: round(total / elapsed, 1), ...ms(concurrent) },
      renderedChars: rendered,
    };
    const met = concurrent.p50 <= TARGET.p50Ms && concurrent.p99 <= TARGET.p99Ms;
    const table = [
      { case: 'answer mid check-in, one at a time', ...json.sequentialAnswerMs, target: '-', met: '-' },
      { case: 'command that arms / cancels a timer', ...json.timerArmingAnswerMs, target: '-', met: '-' },
      { case: `1,000 conversations, ${json.concurrent.achievedPerSecond}/s`, ...ms(concurrent), target: `p50 <= ${TARGET.p50Ms}, p99 <= ${TARGET.p99Ms}`, met: met ? 'yes' : 'NO' },
    ];
    Object.assign(json.concurrent, { target: TARGET, met });
    return { table, json };
  } finally {
    await tether.close();
    await dropDatabase(config.DATABASE_URL);
    const redis = new Redis(config.REDIS_URL);
    const keys = await redis.keys(`${config.REDIS_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
}
