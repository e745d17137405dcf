import type { OutboundMessage } from '../../src/core/messages.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import type { DeliveryTarget, MessageSink } from '../../src/core/ports.js';

/** A platform that keeps what it was asked to deliver, for tests that look at the runtime without an adapter. */
export class RecordingSink implements MessageSink {
  readonly delivered: Array<{ target: DeliveryTarget; message: OutboundMessage }> = [];

  constructor(readonly platform = 'test') {}

  async deliver(target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    for (const message of messages) this.delivered.push({ target, message });
  }

  /** Plain text of every message delivered, or only of those for one platform user. */
  texts(userId?: string): string[] {
    return this.delivered.filter((d) => userId === undefined || d.target.userId === userId).map((d) => toPlainText(d.message.text));
  }

  last(): OutboundMessage | undefined {
    return this.delivered.at(-1)?.message;
  }
}
