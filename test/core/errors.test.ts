import { describe, expect, it } from 'vitest';
import { isRetryable, RateLimitedError, RecipientUnreachableError, TransientDeliveryError } from '../../src/core/errors.js';

describe('delivery error taxonomy', () => {
  it('says which failures a retry can help', () => {
    expect(isRetryable(new RateLimitedError('telegram', 1_000))).toBe(true);
    expect(isRetryable(new TransientDeliveryError('discord', Object.assign(new Error('Bad Gateway'), { status: 502 })))).toBe(true);
    expect(isRetryable(new RecipientUnreachableError('telegram', 'Forbidden: bot was blocked by the user'))).toBe(false);
    // Something outside the taxonomy is retried, as BullMQ would: nothing is dropped that a retry would have sent.
    expect(isRetryable(new Error('unexpected'))).toBe(true);
  });

  it('keeps the platform and the names logs and metrics use, never the cause text', () => {
    const error = new TransientDeliveryError('discord', Object.assign(new Error('secret words'), { status: 502 }));
    expect(error.name).toBe('TransientDeliveryError');
    expect(error.platform).toBe('discord');
    expect(error.message).toBe('discord: transient delivery failure (Error 502)');
    expect(new RecipientUnreachableError('telegram', 'blocked').name).toBe('RecipientUnreachableError');
  });
});
