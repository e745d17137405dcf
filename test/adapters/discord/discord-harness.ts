import { pino } from 'pino';
import { startTether, type Tether, type TetherOptions } from '../../../src/app.js';
import { DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import type { Config } from '../../../src/config/schema.js';
import { HttpServer } from '../../../src/http/http-server.js';
import { APPLICATION_ID, DiscordEmulator } from '../../emulators/discord/emulator.js';

/** Tether with its Discord adapter logged in to the emulator: real discord.js, Postgres, Redis and BullMQ. */
export interface DiscordRig {
  readonly emulator: DiscordEmulator;
  readonly tether: Tether;
  readonly adapter: DiscordAdapter;
  readonly logs: string[];
  stop(): Promise<void>;
}

export async function startDiscordRig(config: Config, options: { tether?: Partial<Omit<TetherOptions, 'sinks' | 'log'>> } = {}): Promise<DiscordRig> {
  const emulator = await DiscordEmulator.start();
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const adapter = new DiscordAdapter({ token: emulator.token, applicationId: APPLICATION_ID, apiRoot: emulator.restApi, log });
  const tether = await startTether(config, { ...options.tether, sinks: [adapter.sink], log });
  const http = new HttpServer();
  await adapter.start(tether.runtime, http);
  return {
    emulator,
    tether,
    adapter,
    logs,
    async stop() {
      await adapter.stop();
      await tether.close();
      await adapter.close();
      await emulator.stop();
    },
  };
}
