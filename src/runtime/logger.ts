import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Whatever a person wrote and every token are redacted by path, and the code logs ids and
 * outcomes, never message text.
 */
export function createLogger(level: string, destination: 1 | 2 = 2): Logger {
  return pino(
    {
      level,
      base: { app: 'tether' },
      redact: {
        paths: ['text', '*.text', 'note', '*.note', 'token', '*.token', 'config.TELEGRAM_BOT_TOKEN', 'config.DISCORD_TOKEN', 'DATABASE_URL'],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: destination, sync: false }),
  );
}
