import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { startTether } from '../../src/app.js';
import { TerminalAdapter } from '../../src/adapters/terminal/terminal-adapter.js';
import type { MessageSink } from '../../src/core/ports.js';
import { createTestEnvironment } from '../helpers/environment.js';
import { adapterContract, type ContractDriver } from './contract.js';

/** The terminal as the contract sees it: one terminal chat per person, lines in and lines out. */
adapterContract('terminal', { buttons: false }, async (): Promise<ContractDriver> => {
  const env = await createTestEnvironment();
  const people = new Map<string, { input: PassThrough; printed: string[]; adapter: TerminalAdapter; done: Promise<void> }>();
  const sink: MessageSink = {
    platform: 'terminal',
    deliver: (target, messages, answered) => people.get(target.userId)!.adapter.sink.deliver(target, messages, answered),
  };
  const tether = await startTether(env.config, { sinks: [sink], log: pino({ level: 'silent' }) });

  const personFor = (user: string) => {
    let p = people.get(user);
    if (!p) {
      const input = new PassThrough();
      const output = new PassThrough();
      const printed: string[] = [];
      output.on('data', (c: Buffer) => printed.push(c.toString()));
      const adapter = new TerminalAdapter({ input, output, user, drainTimeoutMs: 1, downloadsDir: mkdtempSync(join(tmpdir(), 'tether-files-')) });
      p = { input, printed, adapter, done: adapter.run(tether.runtime) };
      people.set(user, p);
    }
    return p;
  };
  const lines = (user: string) => personFor(user).printed.join('').split(/\n(?=\S)/);
  /** The number of `label` in the most recent numbered list: that is what a person would type. */
  const numberOf = (user: string, label: string, after?: string) => {
    const all = personFor(user).printed.join('');
    const from = after ? all.lastIndexOf(after) : 0;
    const options = [...all.slice(from).matchAll(/^ {2}(\d+)\. (.+)$/gm)];
    const hit = options.reverse().find((m) => m[2] === label);
    return hit ? hit[1]! : label;
  };

  return {
    platform: 'terminal',
    db: tether.db,
    store: tether.store,
    async say(user, text) {
      personFor(user).input.write(`${text}\n`);
    },
    async choose(user, label) {
      personFor(user).input.write(`${numberOf(user, label)}\n`);
    },
    async transcript(user) {
      return lines(user);
    },
    async files(user) {
      const saved = [...personFor(user).printed.join('').matchAll(/\(saved (\S+) to (\S+)\)/g)];
      return saved.map((m) => ({ name: m[1]!, content: readFileSync(m[2]!, 'utf8') }));
    },
    async close() {
      for (const p of people.values()) {
        p.input.end();
        await p.done;
      }
      await tether.close();
      await env.cleanup();
    },
  };
});
