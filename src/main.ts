import { startTether } from './app.js';
import type { PlatformAdapter } from './adapters/platform.js';
import { TerminalAdapter } from './adapters/terminal/terminal-adapter.js';
import { ConfigError, loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { HttpServer } from './http/http-server.js';
import { mountOperations } from './ops/operations.js';
import { createLogger, type Logger } from './runtime/logger.js';
import { nextStopSignal, shutDown, type ShutdownOutcome } from './process/shutdown.js';

/**
 * `npm start`: runs every platform whose token is configured, side by side; with none (or with --console) it
 * opens the terminal chat.
 */
async function main(): Promise<number> {
  // Listening from the first moment: a stop asked for during start-up is honoured once start-up is done, and if
  // start-up hangs (a platform that never answers), the process leaves after the shutdown deadline anyway.
  const stop = nextStopSignal();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nSee .env.example and the README's configuration section.\n`);
      return 78;
    }
    throw error;
  }
  const consoleOnly = process.argv.includes('--console');
  if (config.NODE_ENV === 'production' && !consoleOnly && !hasPlatform(config)) {
    // A server (a container) without a platform would open the terminal chat with nobody at it, exit, and restart.
    process.stderr.write('Tether cannot start: no platform is configured. Set TELEGRAM_BOT_TOKEN and/or DISCORD_TOKEN (see the README\'s self-hosting section), or run `npm run console` for the terminal chat.\n');
    return 78;
  }
  const useTerminal = consoleOnly || !hasPlatform(config);
  let started = false;
  let hung: NodeJS.Timeout | undefined;
  void stop.then(() => {
    if (!started) hung = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
  });
  // Start-up finished after all: the orderly shutdown (with its own deadline) takes over.
  const lifecycle: Lifecycle = {
    stop,
    started: () => {
      started = true;
      clearTimeout(hung);
    },
  };
  // In the terminal chat, logs would get in the way of the conversation: only problems are shown.
  const log = createLogger(useTerminal && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
  return useTerminal ? runTerminal(config, log, lifecycle) : runPlatforms(config, log, lifecycle);
}

/** The stop signal (listened for since the process began) and a way to say start-up is over. */
interface Lifecycle {
  readonly stop: Promise<NodeJS.Signals>;
  started(): void;
}

function hasPlatform(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.DISCORD_TOKEN);
}

async function runTerminal(config: Config, log: Logger, lifecycle: Lifecycle): Promise<number> {
  const terminal = new TerminalAdapter({
    input: process.stdin,
    output: process.stdout,
    ...(config.TERMINAL_USER ? { user: config.TERMINAL_USER } : {}),
  });
  // The terminal chat is one person's: it runs everything in one process, whatever TETHER_ROLE says.
  const tether = await startTether(config, { sinks: [terminal.sink], log, role: 'all' });
  lifecycle.started();
  void lifecycle.stop.then((signal) => {
    log.info({ signal }, 'shutting down');
    terminal.stop();
  });
  await terminal.run(tether.runtime);
  const timeoutMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  return exitAfter(await shutDown([{ name: 'tether', run: () => tether.close({ drainMs: timeoutMs }) }], timeoutMs, log), log);
}

async function runPlatforms(config: Config, log: Logger, lifecycle: Lifecycle): Promise<number> {
  const platforms: PlatformAdapter[] = [];
  // Each platform's SDK is loaded only when its token is set (discord.js alone is 10-30 MB of memory).
  if (config.TELEGRAM_BOT_TOKEN) {
    const { TelegramAdapter } = await import('./adapters/telegram/telegram-adapter.js');
    platforms.push(
      new TelegramAdapter({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhookUrl: config.TELEGRAM_WEBHOOK_URL,
        webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        log,
      }),
    );
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { DiscordAdapter } = await import('./adapters/discord/discord-adapter.js');
    platforms.push(
      new DiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        apiRoot: config.DISCORD_API_ROOT,
        log,
        shards: config.DISCORD_SHARD_COUNT ? { count: config.DISCORD_SHARD_COUNT, ids: config.DISCORD_SHARD_IDS } : undefined,
      }),
    );
  }
  const role = config.TETHER_ROLE;
  const tether = await startTether(config, { sinks: platforms.map((p) => p.sink), log });
  const http = new HttpServer();
  http.readiness(async () => ({
    ...(await tether.readiness()),
    ...Object.fromEntries(platforms.map((p) => [p.name, p.isReady()])),
  }));
  mountOperations(http, tether, config);
  const port = await http.listen(config.HTTP_PORT, config.HTTP_HOST);
  log.info({ port }, 'http server listening');
  // A worker only sends (timed steps, schedules, paced delivery); gateways and `all` take the platforms' events.
  for (const platform of platforms) await (role === 'worker' ? platform.startSending() : platform.start(tether.runtime, http));
  log.info({ platforms: platforms.map((p) => p.name), role }, 'tether is running');

  lifecycle.started();
  const signal = await lifecycle.stop;
  log.info({ signal, role }, 'shutting down');
  const timeoutMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
  const outcome = await shutDown(
    [
      // No new events: platforms stop delivering, webhooks stop being accepted.
      { name: 'platforms', run: () => Promise.all(platforms.map((p) => p.stop())) },
      { name: 'http', run: () => http.close() },
      // Running answers and jobs finish; their replies still go out through the platforms' APIs.
      { name: 'tether', run: () => tether.close({ drainMs: timeoutMs }) },
      { name: 'platform clients', run: () => Promise.all(platforms.map((p) => p.close())) },
    ],
    timeoutMs,
    log,
  );
  return exitAfter(outcome, log);
}

/** 0 after a clean shutdown; 1 when the deadline passed (what was cut short is picked up again after a restart). */
function exitAfter(outcome: ShutdownOutcome, log: Logger): number {
  if (outcome.kind === 'timed-out') log.warn({ during: outcome.during }, 'shutdown took too long; exiting anyway');
  else log.info('stopped cleanly');
  log.flush();
  if (outcome.kind === 'clean') return 0;
  // Something still holds the process open: leave anyway, once the log is written.
  setTimeout(() => process.exit(1), 500).unref();
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const err = error as Error & { code?: string };
    process.stderr.write(`Tether could not start: ${err.message}\n`);
    if (err.code === 'ECONNREFUSED') {
      process.stderr.write('Is Postgres or Redis running? `docker compose up -d postgres redis` starts both (see the README).\n');
    }
    process.exitCode = 1;
    // What did start (Redis and Postgres connections, workers, the HTTP server) would keep a half-started process
    // alive and healthy-looking: leave, so a supervisor restarts it.
    setTimeout(() => process.exit(1), 500).unref();
  },
);
