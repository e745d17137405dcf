import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startTether, type Tether } from '../../src/app.js';
import type { OutboundMessage } from '../../src/core/messages.js';
import { RecipientUnreachableError } from '../../src/core/errors.js';
import type { DeliveryTarget, MessageSink } from '../../src/core/ports.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';
import { person } from '../helpers/tether-harness.js';

/** A platform on which the person blocks the bot after a given number of deliveries. */
class BlockingSink implements MessageSink {
  readonly platform = 'test';
  deliveries = 0;
  attemptsAfterBlock = 0;
  constructor(public blockAfter: number) {}
  async deliver(_t: DeliveryTarget, _m: readonly OutboundMessage[]): Promise<void> {
    if (this.deliveries >= this.blockAfter) {
      this.attemptsAfterBlock++;
      throw new RecipientUnreachableError('test', 'Forbidden: bot was blocked by the user');
    }
    this.deliveries++;
  }
}

let env: TestEnvironment;
let tether: Tether;
const sink = new BlockingSink(3);

beforeAll(async () => {
  env = await createTestEnvironment();
  tether = await startTether(env.config, { sinks: [sink], log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await tether.close();
  await env.cleanup();
});

describe('a person the platform can no longer reach', () => {
  it('stops their exercise and timed messages at the first refusal, without retrying, until they write again', async () => {
    const who = person('blocked');
    await tether.runtime.dispatch({ key: who }, { type: 'command', name: 'breathe', args: 'box' });
    // Intro and two phases arrive; the third delivery is refused.
    const identity = await eventually(async () => {
      const i = await tether.db.identity.findFirst({ where: { externalId: 'blocked' } });
      return i && !i.reachable ? i : undefined;
    }, 10_000, 'the identity marked unreachable');
    expect(identity.reachable).toBe(false);
    const conversation = (await tether.runtime.conversation({ conversationId: (await tether.db.conversation.findFirstOrThrow({ where: { personId: identity.personId } })).id }))!;
    expect(conversation.state.stack).toEqual([]);
    expect(conversation.state.timers).toEqual([]);
    // Nothing more is attempted while the exercise would have gone on.
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.attemptsAfterBlock).toBe(1);

    // They unblock and come back: writing again makes them reachable.
    sink.blockAfter = Number.POSITIVE_INFINITY;
    await tether.runtime.dispatch({ key: who }, { type: 'command', name: 'help' });
    const again = await tether.db.identity.findFirstOrThrow({ where: { externalId: 'blocked' } });
    expect(again.reachable).toBe(true);
  });
});

describe('when something fails on Tether\'s side', () => {
  it('says so kindly instead of falling silent, and loses nothing stored', async () => {
    const sink2 = { platform: 'test2', said: [] as string[], async deliver(_t: DeliveryTarget, m: readonly OutboundMessage[]) { for (const x of m) this.said.push(x.text.map((s) => s.text).join('')); } };
    const broken = await startTether({ ...env.config, DATABASE_URL: env.config.DATABASE_URL }, { sinks: [sink2], log: pino({ level: 'silent' }) });
    try {
      await broken.db.$disconnect();
      // Break the connection for good: point the client at a database that does not exist.
      (broken.store as unknown as { db: unknown }).db = (await import('../../src/db/client.js')).createDatabase(env.config.DATABASE_URL.replace(/\/[^/]+$/, '/tether_missing_db'));
      await expect(broken.runtime.dispatch({ key: { platform: 'test2', chatId: 'c', userId: 'u' } }, { type: 'command', name: 'help' })).rejects.toThrow();
      expect(sink2.said).toEqual([expect.stringContaining('Something went wrong on my side')]);
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});
