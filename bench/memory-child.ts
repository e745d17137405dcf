/**
 * Runs alone in its own process (see bench/memory.ts), so the bench harness's own memory does not count: loads what
 * Tether loads, one part at a time, then drives 10,000 conversations through the terminal adapter's path and
 * prints one JSON line. Argument: `eager` (every platform SDK and the chart libraries loaded at start) or `lean`
 * (only what a terminal-only process needs, as src/main.ts loads it). Runs under tsx or built (tsconfig.build.json).
 */
import { randomBytes } from 'node:crypto';

const mode = process.argv[2] === 'lean' ? 'lean' : 'eager';
const gc = (globalThis as { gc?: () => void }).gc;
const MB = 2 ** 20;

interface Sample {
  readonly stage: string;
  readonly rssMB: number;
  readonly heapUsedMB: number;
  readonly externalMB: number;
}

const samples: Sample[] = [];
let peakHeapUsed = 0;
const watch = setInterval(() => (peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed)), 20);
watch.unref();

function sample(stage: string): void {
  gc?.();
  const m = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  samples.push({ stage, rssMB: r(m.rss / MB), heapUsedMB: r(m.heapUsed / MB), externalMB: r((m.external + m.arrayBuffers) / MB) });
}
const r = (x: number) => Math.round(x * 10) / 10;

sample('node (with tsx under npm start)');

// Postgres through Prisma: the client, its driver adapter and (on the first query) the wasm query compiler.
const { loadConfig } = await import('../src/config/load.js');
const { migrate, dropDatabase } = await import('../src/db/migrate.js');
const { createDatabase } = await import('../src/db/client.js');
const id = randomBytes(4).toString('hex');
const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const url = new URL(base.DATABASE_URL);
url.pathname = `/tether_bench_mem_${id}`;
const config = loadConfig({ DATABASE_URL: url.toString(), REDIS_URL: base.REDIS_URL, REDIS_PREFIX: `tether-bench-mem-${id}`, LOG_LEVEL: 'silent' });
await migrate(config.DATABASE_URL);
{
  // Enough queries, and a pause, for V8 to finish compiling the hot parts of the wasm query compiler in the
  // background: otherwise that memory lands in whichever part is loaded next.
  const probe = createDatabase(config.DATABASE_URL, 1);
  for (let i = 0; i < 200; i++) await probe.conversation.findFirst({ where: { chatId: String(i) } });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await probe.$disconnect();
}
sample('+ Prisma client, first query (wasm query compiler)');

if (mode === 'eager') {
  await import('../src/adapters/discord/discord-adapter.js');
  sample('+ discord.js');
  await import('../src/adapters/telegram/telegram-adapter.js');
  sample('+ grammY');
  await import('chart.js');
  await import('@napi-rs/canvas');
  sample('+ chart.js, @napi-rs/canvas');
}
await import('bullmq');
await import('ioredis');
sample('+ BullMQ, ioredis');

const { pino } = await import('pino');
const { startTether } = await import('../src/app.js');
const { textToEvent } = await import('../src/adapters/shared/inbound-text.js');
const { renderForTerminal } = await import('../src/adapters/terminal/render.js');
let rendered = 0;
const tether = await startTether(config, {
  sinks: [
    {
      platform: 'terminal',
      async deliver(_target, messages) {
        for (const m of messages) rendered += renderForTerminal(m, false).length;
      },
    },
  ],
  log: pino({ level: 'silent' }),
});
sample('+ startTether (runtime, 4 Redis connections, workers)');

const say = (userId: string, line: string) => tether.runtime.dispatch({ key: { platform: 'terminal', chatId: `terminal:${userId}`, userId } }, textToEvent(line));
const growth: { conversations: number; rssMB: number; heapUsedMB: number }[] = [];
const TOTAL = 10_000;
const BATCH = 200;
const driveStarted = performance.now();
try {
  for (let i = 0; i < TOTAL; i += BATCH) {
    await Promise.all(
      Array.from({ length: BATCH }, async (_, j) => {
        const u = `m${i + j}`;
        await say(u, '/checkin');
        await say(u, 'I agree');
        await say(u, '4');
      }),
    );
    if ((i + BATCH) % 1000 === 0) {
      sample(`${i + BATCH} conversations`);
      const last = samples.at(-1)!;
      growth.push({ conversations: i + BATCH, rssMB: last.rssMB, heapUsedMB: last.heapUsedMB });
    }
  }
  const driveSeconds = (performance.now() - driveStarted) / 1000;
  const atRest = samples.at(-1)!;
  const beforeConversations = samples.find((s) => s.stage.startsWith('+ startTether'))!;
  const usage = process.resourceUsage();
  const result = {
    mode,
    flags: process.execArgv.filter((a) => a.startsWith('--max')),
    conversations: TOTAL,
    peakRssMB: r((usage.maxRSS * 1024) / MB),
    peakHeapUsedMB: r(peakHeapUsed / MB),
    rssAt10kMB: atRest.rssMB,
    heapUsedAt10kMB: atRest.heapUsedMB,
    rssPer1kConversationsMB: r((atRest.rssMB - beforeConversations.rssMB) / (TOTAL / 1000)),
    heapPer1kConversationsMB: r((atRest.heapUsedMB - beforeConversations.heapUsedMB) / (TOTAL / 1000)),
    stages: samples.filter((s) => !s.stage.endsWith('conversations')),
    growth,
    /** How fast the 30,000 dispatches went (200 at a time): a flag that saves memory must not cost much here. */
    dispatchesPerSecond: Math.round((TOTAL * 3) / driveSeconds),
    renderedChars: rendered,
  };
  process.stdout.write(`MEMORY-RESULT ${JSON.stringify(result)}\n`);
} finally {
  await tether.close();
  await dropDatabase(config.DATABASE_URL);
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.REDIS_URL);
  const keys = await redis.keys(`${config.REDIS_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
process.exit(0);
