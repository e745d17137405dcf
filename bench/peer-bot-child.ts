/**
 * One bot, alone in its own process, for bench/peer-conversations.ts: `tether` (the real TelegramAdapter over
 * startTether) or `plugin` (grammY with @grammyjs/conversations, its state in Postgres through `pg`). Both take
 * updates by webhook from the Telegram emulator, which runs in the parent process, so the CPU this process uses
 * is the framework's own (plus grammY and Node's HTTP server, which both share).
 *
 * Per update it records the CPU time (process.cpuUsage) and wall time spent inside grammY's middleware.
 * Messages from the parent: `reset`, `collect` (answers with the samples since the last reset), `stop`.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { Bot, webhookCallback, type Context, type NextFunction } from 'grammy';
import { pino } from 'pino';
import { PEER_SIZES } from './peer-flows.js';

export interface UpdateSample {
  readonly command: boolean;
  readonly cpuUs: number;
  readonly wallMs: number;
  /** SQL statements sent to Postgres while the update was handled (both bots reach Postgres through `pg`). */
  readonly sqlQueries: number;
}

export type ChildMessage = { type: 'ready' } | { type: 'samples'; samples: UpdateSample[]; processCpuUs: number } | { type: 'error'; message: string };

const framework = process.argv[2];
const apiRoot = process.env.BENCH_API_ROOT!;
const token = process.env.BENCH_TOKEN!;
const databaseUrl = process.env.BENCH_DATABASE_URL!;
const SECRET = 'bench-webhook-secret-0123456789';

let samples: UpdateSample[] = [];
/** Counts every statement either bot sends (Prisma's pg adapter and the plugin's storage both go through pg.Client). */
let sqlQueries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  sqlQueries++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

/** Outermost middleware: the CPU and wall time of everything the framework does for one update. */
async function measure(ctx: Context, next: NextFunction): Promise<void> {
  const queriesBefore = sqlQueries;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await next();
  const used = process.cpuUsage(cpu);
  samples.push({ command: ctx.message?.text?.startsWith('/') ?? false, cpuUs: used.user + used.system, wallMs: performance.now() - t0, sqlQueries: sqlQueries - queriesBefore });
}

const send = (m: ChildMessage) => process.send!(m);
let stop: () => Promise<void>;

try {
  stop = framework === 'tether' ? await startTetherBot() : await startPluginBot();
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'error', message: (error as Error).stack ?? String(error) });
  process.exit(1);
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'reset') samples = [];
  if (m.type === 'collect') {
    const cpu = process.cpuUsage();
    send({ type: 'samples', samples, processCpuUs: cpu.user + cpu.system });
  }
  if (m.type === 'stop') void stop().finally(() => process.exit(0));
});

async function startTetherBot(): Promise<() => Promise<void>> {
  const { startTether } = await import('../src/app.js');
  const { TelegramAdapter } = await import('../src/adapters/telegram/telegram-adapter.js');
  const { HttpServer } = await import('../src/http/http-server.js');
  const { loadConfig } = await import('../src/config/load.js');
  const { compileFlows, mergeRegistries } = await import('../src/engine/flow.js');
  const { builtInRegistry } = await import('../src/features/registry.js');
  const { tetherBenchFlow } = await import('./peer-flows.js');
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const config = loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL: base.REDIS_URL, REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX!, LOG_LEVEL: 'silent' });
  const log = pino({ level: process.env.BENCH_LOG ?? 'silent' }, pino.destination(2));
  const http = new HttpServer();
  const port = await http.listen(0, '127.0.0.1');
  const adapter = new TelegramAdapter({ token, apiRoot, webhookUrl: `http://127.0.0.1:${port}/telegram/webhook`, webhookSecret: SECRET, log });
  adapter.bot.use(measure);
  const registry = mergeRegistries(builtInRegistry(), compileFlows(PEER_SIZES.map(tetherBenchFlow)));
  const tether = await startTether(config, { sinks: [adapter.sink], log, registry });
  await adapter.start(tether.runtime, http);
  return async () => {
    await adapter.stop();
    await http.close();
    await tether.close();
  };
}

async function startPluginBot(): Promise<() => Promise<void>> {
  type BotContext = import('@grammyjs/conversations').ConversationFlavor<Context>;
  const { postgresStorage } = await import('./peer-storage.js');
  const { installPluginCheckIns } = await import('./peer-plugin-flow.js');
  const storage = await postgresStorage(databaseUrl);

  const bot = new Bot<BotContext>(token, { client: { apiRoot } });
  bot.use(measure);
  // The plugin's documented setup: one conversations() with a storage adapter, one createConversation per flow.
  await installPluginCheckIns(bot, { storage: { type: 'key', adapter: storage.adapter } });
  bot.catch((err) => process.stderr.write(`plugin bot: ${(err.error as Error).message}\n`));
  await bot.init();
  const handle = webhookCallback(bot, 'http', { secretToken: SECRET, onTimeout: 'return' });
  const server = createServer((req, res) => void handle(req, res));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  await bot.api.setWebhook(`http://127.0.0.1:${port}/`, { secret_token: SECRET });
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await storage.close();
  };
}
