import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import { startTether, type Tether } from '../../src/app.js';
import { HttpServer } from '../../src/http/http-server.js';
import { TelegramEmulator } from '../emulators/telegram.js';
import { readBody } from '../emulators/read-body.js';
import { createTestEnvironment, eventually, type TestEnvironment } from '../helpers/environment.js';

/*
 * Telegram in webhook mode behind a load balancer: two gateways register the same URL and secret, and a round-robin
 * proxy hands each update to the next one. A person's answers land on either; their check-in goes through whole.
 */

let env: TestEnvironment;
let emulator: TelegramEmulator;
let balancer: Server;
const gateways: Array<{ tether: Tether; adapter: TelegramAdapter; http: HttpServer }> = [];
const handledBy = [0, 0];
const errors: string[] = [];
const traffic: string[] = [];
/** Updates each chat's gateway has finished handling. */
const handled = new Map<number, number>();

beforeAll(async () => {
  env = await createTestEnvironment();
  emulator = await TelegramEmulator.start();
  const ports: number[] = [];
  let next = 0;
  balancer = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const i = next++ % 2;
      handledBy[i]!++;
      // Like a real balancer: a connection the gateway had just closed (keep-alive) is retried once; Tether handles
      // an update it has seen before only once, so a retry is safe.
      for (let attempt = 1; ; attempt++) {
        try {
          const upstream = await fetch(`http://127.0.0.1:${ports[i]}${req.url}`, {
            method: req.method ?? 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': String(req.headers['x-telegram-bot-api-secret-token'] ?? '') },
            body,
          });
          const reply = await upstream.text();
          const u = JSON.parse(body) as { update_id: number; message?: { chat: { id: number }; text?: string } };
          traffic.push(`${i}:${upstream.status}:${u.update_id}:${u.message?.chat.id}:${u.message?.text}`);
          // The gateway answers the webhook call once the update is handled.
          if (u.message) handled.set(u.message.chat.id, (handled.get(u.message.chat.id) ?? 0) + 1);
          res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(reply);
          return;
        } catch (error) {
          errors.push(String(error));
          if (attempt === 2) {
            res.writeHead(502).end();
            return;
          }
        }
      }
    })();
  });
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/telegram/webhook`;
  for (let i = 0; i < 2; i++) {
    const log = pino({ level: 'silent' });
    const http = new HttpServer();
    ports.push(await http.listen(0, '127.0.0.1'));
    const adapter = new TelegramAdapter({ token: emulator.token, apiRoot: emulator.apiRoot, webhookUrl: url, webhookSecret: 'one-secret-for-every-gateway', log });
    const tether = await startTether(env.config, { sinks: [adapter.sink], log, role: 'gateway' });
    await adapter.start(tether.runtime, http);
    gateways.push({ tether, adapter, http });
  }
}, 60_000);

afterAll(async () => {
  for (const g of gateways) {
    await g.adapter.stop();
    await g.http.close();
    await g.tether.close();
    await g.adapter.close();
  }
  await new Promise<void>((resolve) => balancer?.close(() => resolve()));
  await emulator?.stop();
  await env?.cleanup();
});

describe('Telegram webhook behind two gateways', () => {
  it('takes a check-in whose answers land on either gateway, and keeps it whole', async () => {
    const db = gateways[0]!.tether.db;
    const people = [4101, 4102, 4103].map((id) => emulator.privateChat(id));
    // Each person waits until their answer has been handled (the gateway answered the webhook call) before the next,
    // as a person waits for the reply.
    const answer = async (chatId: number, person: (typeof people)[number], line: string) => {
      const before = handled.get(chatId) ?? 0;
      await person.send(line);
      await eventually(() => ((handled.get(chatId) ?? 0) > before ? true : undefined), 10_000, () => `"${line}" handled for ${chatId}; traffic ${traffic.join(' ')}; balancer errors: ${errors.join(' | ')}`);
    };
    await Promise.all(
      people.map(async (person, i) => {
        const chatId = 4101 + i;
        for (const line of ['/checkin', 'I agree', '4', '2', '7', '2', 'Calm', 'Rest', 'Just note it', 'skip']) await answer(chatId, person, line);
      }),
    );
    for (const [i, person] of people.entries()) {
      await person.waitFor("I'm here whenever you want to check in again").catch((e: Error) => {
        throw new Error(`${e.message}\ntraffic ${traffic.join(' ')}\nmessages ${JSON.stringify(person.messages().map((m) => m.text.slice(0, 50)))}`);
      });
      const conversation = await db.conversation.findFirstOrThrow({ where: { chatId: String(4101 + i) } });
      expect(await db.checkIn.count({ where: { conversationId: conversation.id } })).toBe(1);
    }
    // Both gateways took a share, and both registered the same webhook.
    expect(handledBy[0]).toBeGreaterThan(5);
    expect(handledBy[1]).toBeGreaterThan(5);
    expect(new Set(emulator.callsOf('setWebhook').map((c) => `${String(c.payload.url)} ${String(c.payload.secret_token)}`)).size).toBe(1);
  });
});
