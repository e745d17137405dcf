import type { FaultSpec } from './types.js';

/*
 * Ready-made faults for `emulator.failNext(matcher, fault)`, shaped like Discord's own answers.
 * Note how @discordjs/rest reacts (v2.6): a 429 is waited out and retried (no retry count), a 5xx is retried up to
 * `rest.retries` (3) more times before an HTTPError, any other 4xx throws a DiscordAPIError at once.
 */

export interface RateLimitFault {
  /** Seconds (fractions allowed; Discord's header is whole seconds but @discordjs/rest reads fractions). Default 0.2. */
  readonly retryAfter?: number;
  /**
   * A global limit (`x-ratelimit-global`): @discordjs/rest then holds back every route until it passes.
   * Default false: a per-route (bucket) limit, with `x-ratelimit-limit/remaining/reset/reset-after/bucket`.
   */
  readonly global?: boolean;
  /** `x-ratelimit-scope`. Default 'user' ('global' when global). */
  readonly scope?: 'user' | 'global' | 'shared';
  readonly bucket?: string;
  readonly times?: number;
}

export const faults = {
  /** 403 50007: the person blocks DMs from server members, has blocked the bot, or shares no server with it. */
  cannotSendToUser(times = 1): FaultSpec {
    return { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 }, times };
  },

  /** 429 with Discord's rate-limit headers. @discordjs/rest waits `retryAfter` and sends the same request again. */
  rateLimited(options: RateLimitFault = {}): FaultSpec {
    const retryAfter = options.retryAfter ?? 0.2;
    const global = options.global ?? false;
    const scope = options.scope ?? (global ? 'global' : 'user');
    const headers: Record<string, string> = { 'retry-after': String(retryAfter), 'x-ratelimit-scope': scope };
    if (global) {
      headers['x-ratelimit-global'] = 'true';
    } else {
      headers['x-ratelimit-limit'] = '5';
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
      headers['x-ratelimit-reset-after'] = retryAfter.toFixed(3);
      headers['x-ratelimit-bucket'] = options.bucket ?? 'emulated0bucket0hash';
    }
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
      headers,
      times: options.times ?? 1,
    };
  },

  /** A 5xx. @discordjs/rest retries it (3 times by default): pass times: 4 to make the call fail for good. */
  serverError(status = 500, times = 1): FaultSpec {
    return { status, body: { message: `${status}: Internal Server Error`, code: 0 }, times };
  },

  /** 403 50013: the bot lacks a permission for this. */
  missingPermissions(times = 1): FaultSpec {
    return { status: 403, body: { message: 'Missing Permissions', code: 50013 }, times };
  },

  /** 403 50001: the bot cannot see the channel / guild. */
  missingAccess(times = 1): FaultSpec {
    return { status: 403, body: { message: 'Missing Access', code: 50001 }, times };
  },

  /** 404 10062: the interaction expired (answered after 3 s) or is unknown. */
  unknownInteraction(times = 1): FaultSpec {
    return { status: 404, body: { message: 'Unknown interaction', code: 10062 }, times };
  },

  /** 404 10008. */
  unknownMessage(times = 1): FaultSpec {
    return { status: 404, body: { message: 'Unknown Message', code: 10008 }, times };
  },

  /** 404 10003. */
  unknownChannel(times = 1): FaultSpec {
    return { status: 404, body: { message: 'Unknown Channel', code: 10003 }, times };
  },
} as const;
