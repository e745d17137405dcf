import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { startTether, type Tether } from '../../../src/app.js';
import { HttpServer } from '../../../src/http/http-server.js';
import { APPLICATION_ID, DiscordEmulator } from '../../emulators/discord/emulator.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/environment.js';

/* Discord sharding: a gateway runs the shards it is given, of how many in all, and says so when it identifies. */

let env: TestEnvironment;
let emulator: DiscordEmulator;
let tether: Tether;
const adapters: DiscordAdapter[] = [];

beforeAll(async () => {
  env = await createTestEnvironment();
  emulator = await DiscordEmulator.start();
  tether = await startTether(env.config, { sinks: [], log: pino({ level: 'silent' }), role: 'gateway' });
});
afterAll(async () => {
  for (const a of adapters) await a.close();
  await tether?.close();
  await emulator?.stop();
  await env?.cleanup();
});

describe('Discord shards', () => {
  it('identifies as its own shards of the whole (here 1 and 3 of 4), one gateway connection each', async () => {
    for (const ids of [[1, 3]]) {
      const adapter = new DiscordAdapter({ token: emulator.token, applicationId: APPLICATION_ID, apiRoot: emulator.restApi, log: pino({ level: 'silent' }), shards: { ids, count: 4 } });
      adapters.push(adapter);
      await adapter.start(tether.runtime, new HttpServer());
      expect(adapter.isReady()).toBe(true);
    }
    expect(emulator.identified.map((s) => s?.join('/')).sort()).toEqual(['1/4', '3/4']);
  });
});
