import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LoggerOptions {
  /** Human-readable lines instead of JSON; by default only in development on a terminal. */
  readonly pretty?: boolean;
}

/**
 * Structured JSON logs (production, CI, tests), or readable coloured lines when a developer watches a terminal.
 * Whatever a person wrote and every secret are redacted by path before either format sees them, and the code logs
 * ids and outcomes, never message text.
 */
export function createLogger(level: string, destination: 1 | 2 = 2, options: LoggerOptions = {}): Logger {
  const usePretty = options.pretty ?? wantsPretty(destination);
  const stream: DestinationStream = usePretty
    ? pretty({ destination, colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,app', sync: true })
    : pino.destination({ fd: destination, sync: false });
  return pino(
    {
      level,
      base: { app: 'tether' },
      redact: {
        paths: [
          'text',
          '*.text',
          'note',
          '*.note',
          'token',
          '*.token',
          'password',
          '*.password',
          'config.TELEGRAM_BOT_TOKEN',
          'config.DISCORD_TOKEN',
          'config.DASHBOARD_PASSWORD',
          'DATABASE_URL',
        ],
        censor: '[redacted]',
      },
    },
    stream,
  );
}

/** Development on a terminal: NODE_ENV unset or "development", and the log's stream is a TTY (not a file or CI). */
function wantsPretty(destination: 1 | 2): boolean {
  const env = process.env.NODE_ENV ?? 'development';
  const stream = destination === 1 ? process.stdout : process.stderr;
  return env === 'development' && stream.isTTY === true;
}
