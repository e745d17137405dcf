import { RateLimitedError } from '../core/errors.js';
import { RecipientUnreachableError } from '../core/errors.js';
import type { MessageSink } from '../core/ports.js';
import type { SinkMemory } from '../core/ports.js';
import type { TetherMetrics } from './metrics.js';

/**
 * A sink that counts the messages the platform accepted (replies, exercise steps and paced deliveries alike: every
 * message leaves through a sink) and the failures that are ours to look at. A 429 is counted as a delivery retry
 * by the delivery queue, and an unreachable person is expected, so neither counts as an error here.
 */
export function countingSink(sink: MessageSink, metrics: TetherMetrics): MessageSink {
  return {
    platform: sink.platform,
    async deliver(target, messages, answered, reply) {
      try {
        await sink.deliver(target, messages, answered, reply);
      } catch (error) {
        if (!(error instanceof RateLimitedError || error instanceof RecipientUnreachableError)) metrics.error('send');
        throw error;
      }
      metrics.sent(sink.platform, messages.length);
    },
    // Everything else the platform offers passes through unchanged.
    ...(sink.directChat ? { directChat: (userId: string) => sink.directChat!(userId) } : {}),
    ...(sink.isMember ? { isMember: (community: string, userId: string) => sink.isMember!(community, userId) } : {}),
    ...(sink.useMemory ? { useMemory: (memory: SinkMemory) => sink.useMemory!(memory) } : {}),
  };
}
