/** Discord snowflakes: 64-bit ids whose top 42 bits are milliseconds since 2015-01-01 (Discord's epoch). */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/**
 * A fresh, real-shaped snowflake (19 digits today). @discordjs/rest only treats 17–19 digit ids as ids when it
 * buckets routes, and discord.js reads creation times from them, so ids must look like Discord's.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment);
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{17,20}$/.test(value);
}

/** When a snowflake was made, in ms since 1970. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
