/**
 * What a sink throws when a platform did not take a message, one taxonomy for every platform, so that the delivery
 * queue and the runtime can tell "wait and retry" from "gone for good" without knowing the platform. Each error says
 * whether a retry can help (`retryable`); the delivery queue fails a job that cannot at once (BullMQ's
 * UnrecoverableError) instead of spending its attempts.
 */
export abstract class DeliveryError extends Error {
  abstract readonly retryable: boolean;

  constructor(
    readonly platform: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The platform answered 429 Too Many Requests and said how long to wait (Telegram `retry_after`, Discord `retry_after`). */
export class RateLimitedError extends DeliveryError {
  override readonly name = 'RateLimitedError';
  readonly retryable = true;

  constructor(
    platform: string,
    /** How long the platform asked us to wait before sending anything again, in milliseconds. */
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(platform, `${platform}: rate limited, retry after ${retryAfterMs} ms`, options);
  }
}

/** The platform failed in a way that may pass (5xx, timeout, connection reset): retry with backoff. */
export class TransientDeliveryError extends DeliveryError {
  override readonly name = 'TransientDeliveryError';
  readonly retryable = true;

  constructor(platform: string, cause: unknown) {
    super(platform, `${platform}: transient delivery failure (${describe(cause)})`, { cause });
  }
}

/**
 * The platform says this person cannot be reached any more (blocked the bot, closed DMs, deleted account). Not worth
 * retrying: the runtime and the delivery queue stop their timed messages instead.
 */
export class RecipientUnreachableError extends DeliveryError {
  override readonly name = 'RecipientUnreachableError';
  readonly retryable = false;

  constructor(
    platform: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(platform, `${platform}: recipient unreachable (${reason})`, options);
  }
}

/**
 * Whether trying the same delivery again could succeed. An error outside the taxonomy (a bug, a library's own error)
 * counts as retryable, as BullMQ treats it, so nothing is dropped that a retry would have sent.
 */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof DeliveryError) || error.retryable;
}

/** The class and status of a cause, never its message body (which may echo what we sent). */
function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const status = (cause as { status?: unknown }).status;
    return typeof status === 'number' ? `${cause.name} ${status}` : cause.name;
  }
  return typeof cause === 'number' ? `status ${cause}` : typeof cause;
}
