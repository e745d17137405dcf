/**
 * Each platform's published sending limits, as data, and how the delivery queue paces itself below them.
 *
 * Sources:
 * - Telegram Bot FAQ, "My bot is hitting limits, how do I avoid this?" (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 *   no more than one message per second in a single chat, about 30 messages per second overall, and no more than
 *   20 messages per minute in one group.
 * - Discord developer docs, "Rate Limits" (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit):
 *   a global limit of 50 requests per second per bot, on top of per-route buckets announced in response headers.
 * - The terminal has no limit.
 */

/** At most `max` messages in any window of `windowMs` milliseconds. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

export interface PlatformLimits {
  /** Across every chat the bot talks to. */
  readonly overall?: RateLimit;
  /** Into one group chat (a `group: true` delivery). */
  readonly perGroup?: RateLimit;
}

export const perSecond = (max: number): RateLimit => ({ max, windowMs: 1_000 });
export const perMinute = (max: number): RateLimit => ({ max, windowMs: 60_000 });

export const PLATFORM_LIMITS: Readonly<Record<string, PlatformLimits>> = {
  telegram: { overall: perSecond(30), perGroup: perMinute(20) },
  discord: { overall: perSecond(50) },
  terminal: {},
};

/** A platform not listed is not paced. */
export function limitsFor(platform: string, overrides: Readonly<Record<string, PlatformLimits>> = {}): PlatformLimits {
  return overrides[platform] ?? PLATFORM_LIMITS[platform] ?? {};
}

/**
 * How much later than its slot one message may reach the platform, relative to the others, without the platform ever
 * seeing more than its limit in a sliding window (network and event-loop jitter).
 */
export const PACE_JITTER_MS = 10;

/** A BullMQ worker limiter: at most `max` jobs start in each fixed window of `duration` ms. */
export interface Pace {
  readonly max: number;
  readonly duration: number;
}

/**
 * The BullMQ limiter that stays under `limit` as the platform counts it: over any sliding window, not BullMQ's
 * fixed windows (a burst at the end of one fixed window and another at the start of the next would double the rate).
 *
 * The window is cut into `slots` short windows of `burst` messages each (a tenth of the limit: 3 per 101 ms for
 * Telegram's 30/s, 5 per 101 ms for Discord's 50/s). A BullMQ window starts when its first job is taken, so windows
 * are at least `duration` apart; any span of `windowMs + jitterMs` then holds at most `slots` window starts, hence at
 * most `limit.max` messages, as long as no message arrives more than `jitterMs` late relative to another.
 *
 * Why not one message every ceil(1000/30)+1 = 35 ms: that is 95.2% of the limit on paper, and each BullMQ window
 * overruns by about a millisecond (the worker sleeps until the window's key expires, then asks Redis again), which
 * costs 3% at 35 ms but under 1.5% at 101 ms.
 */
export function paceFor(limit: RateLimit, jitterMs = PACE_JITTER_MS): Pace {
  const burst = Math.max(1, Math.floor(limit.max / 10));
  const slots = Math.floor(limit.max / burst);
  return { max: burst, duration: Math.ceil((limit.windowMs + jitterMs) / slots) };
}

/** The share of `limit` that `pace` reaches if every window lasts exactly `duration`. */
export function nominalShare(pace: Pace, limit: RateLimit): number {
  return (pace.max / pace.duration) / (limit.max / limit.windowMs);
}
