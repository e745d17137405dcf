import { pino } from 'pino';
import { Writable } from 'node:stream';
import { startTether, type Tether, type TetherOptions } from '../../src/app.js';
import type { Config } from '../../src/config/schema.js';
import type { ConversationKey } from '../../src/core/address.js';
import { RecordingSink } from './recording-sink.js';

/** A running Tether (real Postgres, Redis, BullMQ) with a recording sink and captured logs. */
export interface Harness {
  readonly tether: Tether;
  readonly sink: RecordingSink;
  readonly logs: string[];
  say(key: ConversationKey, line: string): Promise<void>;
}

export async function startHarness(config: Config, options: Partial<Omit<TetherOptions, 'log'>> & { sink?: RecordingSink } = {}): Promise<Harness> {
  const sink = options.sink ?? new RecordingSink('test');
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: 'debug' }, stream);
  const tether = await startTether(config, { ...options, sinks: [sink], log });
  return {
    tether,
    sink,
    logs,
    async say(key, line) {
      const { textToEvent } = await import('../../src/adapters/shared/inbound-text.js');
      await tether.runtime.dispatch({ key }, textToEvent(line));
    },
  };
}

export const person = (userId: string): ConversationKey => ({ platform: 'test', chatId: `dm-${userId}`, userId });
