import { pino } from 'pino';
import { startTether, type Tether, type TetherOptions } from '../../../src/app.js';
import { TelegramAdapter } from '../../../src/adapters/telegram/telegram-adapter.js';
import type { Config } from '../../../src/config/schema.js';
import { HttpServer } from '../../../src/http/http-server.js';
import { TelegramEmulator } from '../../emulators/telegram.js';

/** Tether with its Telegram adapter, talking to the emulator: real grammY, Postgres, Redis and BullMQ. */
export interface TelegramRig {
  readonly emulator: TelegramEmulator;
  readonly tether: Tether;
  readonly adapter: TelegramAdapter;
  readonly http: HttpServer;
  readonly logs: string[];
  stop(): Promise<void>;
}

export async function startTelegramRig(config: Config, options: { webhook?: boolean; tether?: Partial<Omit<TetherOptions, 'sinks' | 'log'>> } = {}): Promise<TelegramRig> {
  const emulator = await TelegramEmulator.start();
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const http = new HttpServer();
  const port = await http.listen(0, '127.0.0.1');
  const adapter = new TelegramAdapter({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    webhookUrl: options.webhook ? `http://127.0.0.1:${port}/telegram/webhook` : undefined,
    webhookSecret: options.webhook ? 'test-webhook-secret-0123456789' : undefined,
    log,
  });
  const tether = await startTether(config, { ...options.tether, sinks: [adapter.sink], log });
  await adapter.start(tether.runtime, http);
  return {
    emulator,
    tether,
    adapter,
    http,
    logs,
    async stop() {
      await adapter.stop();
      await http.close();
      await tether.close();
      await adapter.close();
      await emulator.stop();
    },
  };
}
