/**
 * What a sink throws when a platform did not take a message, so the delivery queue can tell "wait and retry" from
 * "gone for good" (RecipientUnreachableError, in runtime/ports.ts).
 */

/** The platform answered 429 Too Many Requests and said how long to wait (Telegram `retry_after`, Discord `retry_after`). */
export class RateLimitedError extends Error {
  constructor(
    readonly platform: string,
    /** How long the platform asked us to wait before sending anything again, in milliseconds. */
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super(`${platform}: rate limited, retry after ${retryAfterMs} ms`, options);
    this.name = 'RateLimitedError';
  }
}

/** The platform failed in a way that may pass (5xx, timeout, connection reset): retry with backoff. */
export class TransientDeliveryError extends Error {
  constructor(
    readonly platform: string,
    cause: unknown,
  ) {
    super(`${platform}: transient delivery failure (${describe(cause)})`, { cause });
    this.name = 'TransientDeliveryError';
  }
}

/** The class and status of a cause, never its message body (which may echo what we sent). */
function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const status = (cause as { status?: unknown }).status;
    return typeof status === 'number' ? `${cause.name} ${status}` : cause.name;
  }
  return typeof cause === 'number' ? `status ${cause}` : typeof cause;
}
