import { startTether } from './app.js';
import { TerminalAdapter } from './adapters/terminal/terminal-adapter.js';
import { ConfigError, loadConfig } from './config/load.js';
import { createLogger } from './runtime/logger.js';

/**
 * `npm start`: runs every platform whose token is configured; with none (or with --console) it opens the
 * terminal chat.
 */
async function main(): Promise<number> {
  let config;
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
  const platforms: string[] = [];
  const useTerminal = consoleOnly || platforms.length === 0;
  // In the terminal chat, logs would get in the way of the conversation: only problems are shown.
  const level = useTerminal && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  const log = createLogger(level);

  const terminal = useTerminal ? new TerminalAdapter({
        input: process.stdin,
        output: process.stdout,
        ...(config.TERMINAL_USER ? { user: config.TERMINAL_USER } : {}),
      }) : undefined;
  const tether = await startTether(config, { sinks: terminal ? [terminal.sink] : [], log });
  const stop = async (code: number) => {
    await tether.close();
    log.flush();
    return code;
  };
  if (terminal) {
    process.once('SIGINT', () => void stop(130).then((c) => process.exit(c)));
    await terminal.run(tether.runtime);
    return stop(0);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  return stop(0);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const err = error as Error & { code?: string };
    process.stderr.write(`Tether could not start: ${err.message}\n`);
    if (err.code === 'ECONNREFUSED') {
      process.stderr.write('Is Postgres or Redis running? `docker compose up -d` starts both (see the README).\n');
    }
    process.exitCode = 1;
  },
);
