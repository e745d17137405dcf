import { startTether } from './app.js';
import type { PlatformAdapter } from './adapters/platform.js';
import { DiscordAdapter } from './adapters/discord/discord-adapter.js';
import { TelegramAdapter } from './adapters/telegram/telegram-adapter.js';
import { TerminalAdapter } from './adapters/terminal/terminal-adapter.js';
import { ConfigError, loadConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { HttpServer } from './http/http-server.js';
import { createLogger, type Logger } from './runtime/logger.js';

/**
 * `npm start`: runs every platform whose token is configured, side by side; with none (or with --console) it
 * opens the terminal chat.
 */
async function main(): Promise<number> {
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
  const useTerminal = consoleOnly || !hasPlatform(config);
  // In the terminal chat, logs would get in the way of the conversation: only problems are shown.
  const log = createLogger(useTerminal && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
  return useTerminal ? runTerminal(config, log) : runPlatforms(config, log);
}

function hasPlatform(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.DISCORD_TOKEN);
}

async function runTerminal(config: Config, log: Logger): Promise<number> {
  const terminal = new TerminalAdapter({
    input: process.stdin,
    output: process.stdout,
    ...(config.TERMINAL_USER ? { user: config.TERMINAL_USER } : {}),
  });
  const tether = await startTether(config, { sinks: [terminal.sink], log });
  process.once('SIGTERM', () => void tether.close().then(() => process.exit(143)));
  await terminal.run(tether.runtime);
  await tether.close();
  log.flush();
  return 0;
}

async function runPlatforms(config: Config, log: Logger): Promise<number> {
  const platforms: PlatformAdapter[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
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
    platforms.push(
      new DiscordAdapter({ token: config.DISCORD_TOKEN, applicationId: config.DISCORD_APPLICATION_ID, apiRoot: config.DISCORD_API_ROOT, log }),
    );
  }
  const tether = await startTether(config, { sinks: platforms.map((p) => p.sink), log });
  const http = new HttpServer();
  http.readiness(async () => ({
    ...(await tether.readiness()),
    ...Object.fromEntries(platforms.map((p) => [p.name, p.isReady()])),
  }));
  const port = await http.listen(config.HTTP_PORT, config.HTTP_HOST);
  log.info({ port }, 'http server listening');
  for (const platform of platforms) await platform.start(tether.runtime, http);
  log.info({ platforms: platforms.map((p) => p.name) }, 'tether is running');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('shutting down');
  for (const platform of platforms) await platform.stop();
  await http.close();
  await tether.close();
  log.flush();
  return 0;
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
  },
);
