import { z } from 'zod';

const url = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a ${protocols.join(' or ')} URL, for example ${example}`);

const number = (min: number, max: number, example: string) =>
  z.coerce
    .number({ error: `must be a number from ${min} to ${max}, for example ${example}` })
    .min(min, `must be at least ${min}, for example ${example}`)
    .max(max, `must be at most ${max}, for example ${example}`);

/** Every setting Tether reads from the environment, with its default and an example for error messages. */
export const configSchema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgresql://postgres:postgres@127.0.0.1:5432/tether').default(
    'postgresql://postgres:postgres@127.0.0.1:5432/tether',
  ),
  /** Postgres connections per process, opened at start and kept (each Postgres allows about 100 in all by default). */
  DATABASE_POOL_SIZE: number(1, 100, '10').default(10),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _, for example tether')
    .default('tether'),
  /** Multiplies every exercise timing: 1 is real time, 0.01 plays a breathing exercise a hundred times faster. */
  TIMING_SCALE: number(0.001, 10, '0.01').default(1),
  /** After a check-in with a high craving, how long until Tether gently checks back in. */
  FOLLOW_UP_MINUTES: number(1, 24 * 60, '60').default(60),
  /** A craving at or above this (0-10) counts as high. */
  HIGH_CRAVING: number(1, 10, '7').default(7),
  /** After a scheduled check-in nobody answered, the one gentle reminder comes this much later (0: no reminder). */
  REMINDER_MINUTES: number(0, 24 * 60, '120').default(120),
  /** After a group check-in post, its anonymous summary comes this much later. */
  GROUP_SUMMARY_MINUTES: number(1, 24 * 60, '180').default(180),
  /** How often schedules are swept for what is due (seconds). */
  SCHEDULE_SWEEP_SECONDS: number(1, 300, '30').default(30),
  /**
   * Region whose emergency number and crisis lines people get when neither their community nor their own choice
   * names one (US, GB, ES, ...); unset: international (and the crisis reply asks which country). Never a locale.
   */
  CRISIS_REGION: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter region code, for example GB')
    .transform((v) => v.toUpperCase())
    .optional(),
  /** 32 bytes (64 hex characters) that encrypt notes at rest. Required in production; generated locally if unset. */
  ENCRYPTION_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex characters, for example the output of `openssl rand -hex 32`')
    .optional(),
  /** Where a locally generated encryption key is kept (git-ignored). */
  ENCRYPTION_KEY_FILE: z.string().min(1).default('.tether/encryption.key'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, silent, for example info',
  }).default('info'),
  /** Who the terminal chat is talking to; your operating system user name by default. */
  TERMINAL_USER: z
    .string()
    .regex(/^[\w.@-]{1,60}$/, 'must be 1-60 letters, digits, ., @, - or _, for example sam')
    .optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456789:AAH... (the token @BotFather gives you)')
    .optional(),
  /** Any Bot API server: the official one, a self-hosted one, or an emulator in tests. */
  TELEGRAM_API_ROOT: url(['https:', 'http:'], 'https://api.telegram.org').default('https://api.telegram.org'),
  /** Public HTTPS URL Telegram should post updates to. Unset: long polling. */
  TELEGRAM_WEBHOOK_URL: url(['https:', 'http:'], 'https://tether.example.org/telegram').optional(),
  /** Secret Telegram sends with every webhook call; derived from the token when unset. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 letters, digits, _ or -').optional(),
  /**
   * What this process does. `all`: everything (one process is enough for most communities). `gateway`: receives
   * platform events and answers them. `worker`: timed steps, schedules and paced delivery, sending through the
   * platforms' APIs. Any number of each can share one Postgres and one Redis.
   */
  TETHER_ROLE: z.enum(['all', 'gateway', 'worker'], { error: 'must be all, gateway or worker, for example worker' }).default('all'),
  /** On SIGTERM/SIGINT, how long running answers and jobs get to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: number(1, 600, '25').default(25),
  /** The built-in HTTP server (webhooks, health, readiness and metrics). */
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  HTTP_PORT: number(0, 65535, '8080').default(8080),
  DISCORD_TOKEN: z.string().min(20, 'must be the bot token from the Discord developer portal').optional(),
  /** The application id from the Discord developer portal (General Information). */
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,25}$/, 'must be the numeric application id, for example 1234567890123456789').optional(),
  /** Register slash commands in this server only (instant, for testing); unset registers them globally. */
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,25}$/, 'must be a numeric server id, for example 1234567890123456789').optional(),
  /** Discord sharding: how many shards the bot runs as in all (large bots; unset: one, or Discord's advice). */
  DISCORD_SHARD_COUNT: number(1, 10_000, '4').optional(),
  /** Which of those shards this gateway process runs ("0,1"); unset: all of them. */
  DISCORD_SHARD_IDS: z
    .string()
    .regex(/^\d{1,5}(,\d{1,5})*$/, 'must be shard numbers separated by commas, for example 0,1')
    .transform((v) => v.split(',').map(Number))
    .optional(),
  /** Where Discord's REST API is (tests point it at a local emulator). */
  DISCORD_API_ROOT: url(['https:', 'http:'], 'https://discord.com/api').default('https://discord.com/api'),
  /** The queue dashboard (/admin/queues) is served only when both are set, behind HTTP basic auth. */
  DASHBOARD_USER: z.string().regex(/^[^:\s]{1,64}$/, 'must be 1-64 characters without spaces or ":", for example ops').optional(),
  DASHBOARD_PASSWORD: z.string().min(12, 'must be at least 12 characters, for example the output of `openssl rand -base64 18`').optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Settings that only make sense together. */
export const configChecks: ReadonlyArray<{ readonly check: (c: Config) => boolean; readonly path: keyof Config; readonly message: string }> = [
  {
    check: (c) => !c.DISCORD_TOKEN || Boolean(c.DISCORD_APPLICATION_ID),
    path: 'DISCORD_APPLICATION_ID',
    message: 'is required when DISCORD_TOKEN is set, for example 1234567890123456789',
  },
  {
    check: (c) => !c.DISCORD_SHARD_IDS || Boolean(c.DISCORD_SHARD_COUNT),
    path: 'DISCORD_SHARD_COUNT',
    message: 'is required when DISCORD_SHARD_IDS is set: the number of shards in all, for example 4',
  },
  {
    check: (c) => !c.DISCORD_SHARD_IDS || !c.DISCORD_SHARD_COUNT || c.DISCORD_SHARD_IDS.every((id) => id < c.DISCORD_SHARD_COUNT!),
    path: 'DISCORD_SHARD_IDS',
    message: 'must each be below DISCORD_SHARD_COUNT (shards are numbered from 0), for example 0,1 of 4',
  },
  {
    check: (c) => !c.DASHBOARD_USER || Boolean(c.DASHBOARD_PASSWORD),
    path: 'DASHBOARD_PASSWORD',
    message: 'is required when DASHBOARD_USER is set (the queue dashboard needs both), at least 12 characters',
  },
  {
    check: (c) => !c.DASHBOARD_PASSWORD || Boolean(c.DASHBOARD_USER),
    path: 'DASHBOARD_USER',
    message: 'is required when DASHBOARD_PASSWORD is set (the queue dashboard needs both), for example ops',
  },
];
