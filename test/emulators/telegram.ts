import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { eventually } from '../helpers/eventually.js';
import { freePort } from './free-port.js';
import { readBody } from './read-body.js';

/*
 * Telegram for tests: telegram-test-api (a third-party Bot API emulator) behind a small recording proxy.
 * The bot talks to the proxy as its apiRoot. The proxy records every call, answers the methods the emulator
 * lacks, injects faults (403, 429, network errors), re-delivers an update on request, keeps long polling from
 * spinning, and relays webhook calls with Telegram's secret header.
 */

export interface RecordedCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
  readonly status: number;
  readonly body: unknown;
}

type Fault = { readonly kind: 'error'; readonly status: number; readonly description: string; readonly retryAfter?: number } | { readonly kind: 'network' };
interface PendingFault {
  readonly method: string;
  readonly matches: (payload: Record<string, unknown>) => boolean;
  readonly fault: Fault;
  times: number;
}

export interface BotMessage {
  readonly messageId: number;
  readonly chatId: string;
  /** The text as the bot last set it (edits applied), HTML as sent. */
  readonly html: string;
  /** The text with tags removed and entities decoded: what a person reads. */
  readonly text: string;
  readonly keyboard: InlineKeyboardMarkup['inline_keyboard'];
}

export const TEST_BOT_TOKEN = '123456789:AAFakeTokenForTheTelegramEmulator_x1';
export const TEST_BOT_USERNAME = 'TestNameBot';

/** Methods the emulator does not implement, answered by the proxy like Telegram would. */
const answeredByProxy: Record<string, unknown> = {
  setMyCommands: true,
  deleteMyCommands: true,
  getMyCommands: [],
  sendChatAction: true,
  setChatMenuButton: true,
};

export class TelegramEmulator {
  readonly calls: RecordedCall[] = [];
  private readonly faults: PendingFault[] = [];
  private readonly replay: unknown[] = [];
  private duplicateNext = false;
  private readonly relayedIds = new Map<string, number>();
  /** Group membership as getChatMember reports it ("chat:user" → status); "member" by default. */
  private readonly members = new Map<string, string>();
  private stopped = false;
  private webhook: { url: string; secret: string | undefined } | undefined;

  private constructor(
    readonly server: TelegramServer,
    private readonly proxy: Server,
    readonly apiRoot: string,
    readonly token: string,
  ) {}

  static async start(token = TEST_BOT_TOKEN): Promise<TelegramEmulator> {
    const port = await freePort();
    const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const proxyPort = await freePort();
    let emulator: TelegramEmulator | undefined;
    const proxy = createServer((req, res) => {
      emulator!.handle(req, res).catch(() => {
        // The emulator went away under a pending call (the test is tearing down): answer like a closing server.
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
    emulator = new TelegramEmulator(server, proxy, `http://127.0.0.1:${proxyPort}`, token);
    return emulator;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.proxy.closeAllConnections();
    await new Promise<void>((resolve) => this.proxy.close(() => resolve()));
    await this.server.stop();
  }

  /** A person in a private chat with the bot (chat id = user id, as on Telegram). */
  privateChat(userId: number, firstName = 'Test'): TelegramUser {
    return new TelegramUser(this, userId, userId, 'private', firstName);
  }

  /** A person writing in a group the bot is in. */
  inGroup(userId: number, groupId: number, firstName = 'Test'): TelegramUser {
    return new TelegramUser(this, userId, groupId, 'group', firstName);
  }

  /** The next call of `method` (matching `matches`) fails this way, `times` times. */
  failNext(method: string, fault: Fault, options: { times?: number; matches?: (payload: Record<string, unknown>) => boolean } = {}): void {
    this.faults.push({ method, fault, times: options.times ?? 1, matches: options.matches ?? (() => true) });
  }

  /** The next batch of updates the bot fetches is delivered a second time, with the same update ids. */
  deliverNextUpdatesTwice(): void {
    this.duplicateNext = true;
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** What getChatMember says of `userId` in `chatId` ("administrator", "creator", "left", …). */
  setMember(chatId: number, userId: number, status: string): void {
    this.members.set(`${chatId}:${userId}`, status);
  }

  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    return eventually(() => this.calls.find(predicate), timeoutMs, 'a Bot API call');
  }

  /** What the bot sent to one chat, oldest first, with edits applied. */
  messagesIn(chatId: number | string): BotMessage[] {
    return this.server.storage.botMessages
      .filter((u) => String(u.message.chat_id) === String(chatId))
      .map((u) => {
        const html = String(u.message.text ?? '');
        const markup = u.message.reply_markup as InlineKeyboardMarkup | undefined;
        return { messageId: u.messageId, chatId: String(chatId), html, text: htmlToText(html), keyboard: markup?.inline_keyboard ?? [] };
      });
  }

  // ---- the proxy ------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (url.pathname === '/_webhook') return this.relayWebhook(raw, res);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const method = match[2]!;
    const payload = parsePayload(raw, req.headers['content-type'], url.searchParams);
    const fault = this.takeFault(method, payload);
    if (fault?.kind === 'network') {
      this.calls.push({ method, payload, status: 0, body: 'network error' });
      req.socket.destroy();
      return;
    }
    if (fault) {
      const body = { ok: false, error_code: fault.status, description: fault.description, ...(fault.retryAfter !== undefined ? { parameters: { retry_after: fault.retryAfter } } : {}) };
      this.calls.push({ method, payload, status: fault.status, body });
      return send(res, fault.status, body);
    }
    if (method in answeredByProxy) {
      const body = { ok: true, result: answeredByProxy[method] };
      this.calls.push({ method, payload, status: 200, body });
      return send(res, 200, body);
    }
    if (method === 'setWebhook') {
      // The emulator posts updates without Telegram's secret header: it posts to us, and we relay with it.
      this.webhook = { url: String(payload.url), secret: payload.secret_token as string | undefined };
      const body = await this.forward(match[1]!, method, { url: `${this.apiRoot}/_webhook` });
      this.calls.push({ method, payload, status: 200, body });
      return send(res, 200, body);
    }
    if (method === 'getUpdates') return this.getUpdates(match[1]!, payload, res);
    if (method === 'getChatMember') {
      // The emulator has no group roles: the test says who is an administrator.
      const status = this.members.get(`${String(payload.chat_id)}:${String(payload.user_id)}`) ?? 'member';
      const body = { ok: true, result: { status, user: { id: Number(payload.user_id), is_bot: false, first_name: 'Member' } } };
      this.calls.push({ method, payload, status: 200, body });
      return send(res, 200, body);
    }
    if (method === 'sendDocument' || method === 'sendPhoto') {
      // The emulator has no files: answer like Telegram, and keep the upload (multipart) for the test to read.
      const chatId = /name="chat_id"\r\n\r\n([^\r]+)/.exec(raw)?.[1] ?? '';
      const media = method === 'sendPhoto' ? { photo: [{ file_id: 'p', file_unique_id: 'u', width: 900, height: 460 }] } : { document: { file_id: 'f', file_unique_id: 'u' } };
      const body = { ok: true, result: { message_id: 900000 + this.calls.length, date: 0, chat: { id: Number(chatId), type: 'private' }, ...media } };
      this.calls.push({ method, payload: { ...payload, chat_id: chatId }, status: 200, body });
      return send(res, 200, body);
    }
    const body = await this.forward(match[1]!, method, payload);
    this.calls.push({ method, payload, status: 200, body });
    send(res, 200, body);
  }

  /** The emulator answers getUpdates at once, ignoring `timeout`: wait here (up to a second) for updates instead. */
  private async getUpdates(token: string, payload: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const wait = Math.min(Number(payload.timeout ?? 0), 1) * 1000;
    const deadline = Date.now() + wait;
    let result: unknown[] = [];
    for (;;) {
      if (this.replay.length) {
        result = this.replay.splice(0);
        break;
      }
      const body = (await this.forward(token, 'getUpdates', {})) as { result?: unknown[] };
      result = body.result ?? [];
      if (result.length || Date.now() >= deadline || res.destroyed || this.stopped) break;
      await sleep(25);
    }
    if (result.length && this.duplicateNext) {
      this.duplicateNext = false;
      this.replay.push(...result);
    }
    const body = { ok: true, result };
    this.calls.push({ method: 'getUpdates', payload, status: 200, body });
    send(res, 200, body);
  }

  private async relayWebhook(raw: string, res: ServerResponse): Promise<void> {
    if (!this.webhook) return send(res, 404, {});
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.webhook.secret ? { 'x-telegram-bot-api-secret-token': this.webhook.secret } : {}) },
      body: this.uniqueUpdateIds(raw),
    });
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
  }

  /**
   * The emulator reads its update counter before a webhook call and moves it on after, so updates sent while another
   * is being handled share an id; Telegram's are unique per bot. Each distinct update (chat, id and content) gets an
   * id of its own, the same one again when the same update is sent again.
   */
  private uniqueUpdateIds(raw: string): string {
    const update = JSON.parse(raw) as {
      update_id: number;
      message?: { chat: { id: number }; text?: string };
      callback_query?: { data?: string; message?: { chat: { id: number } } };
    };
    const chat = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? 0;
    const key = `${chat}:${update.update_id}:${update.message?.text ?? ''}:${update.callback_query?.data ?? ''}`;
    let id = this.relayedIds.get(key);
    if (id === undefined) this.relayedIds.set(key, (id = this.relayedIds.size + 1));
    return JSON.stringify({ ...update, update_id: id });
  }

  private async forward(token: string, method: string, payload: Record<string, unknown>): Promise<unknown> {
    const response = await fetch(`${this.server.config.apiURL}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return response.json();
  }

  private takeFault(method: string, payload: Record<string, unknown>): Fault | undefined {
    const i = this.faults.findIndex((f) => f.method === method && f.matches(payload));
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (--f.times <= 0) this.faults.splice(i, 1);
    return f.fault;
  }
}

/** Someone talking to the bot, through the emulator's client API. */
export class TelegramUser {
  private readonly client;

  constructor(
    private readonly emulator: TelegramEmulator,
    readonly userId: number,
    readonly chatId: number,
    type: 'private' | 'group',
    firstName: string,
  ) {
    this.client = emulator.server.getClient(emulator.token, { userId, chatId, type, firstName, userName: `user${userId}`, chatTitle: 'Peer support group' });
  }

  /** The language of the person's Telegram app (`from.language_code`), if set: `es`, `en`… */
  languageCode: string | undefined;

  private get from(): Record<string, unknown> {
    return this.languageCode ? { from: { language_code: this.languageCode } } : {};
  }

  /** Sends a line: a command (`/checkin args`) or plain text. */
  async send(text: string): Promise<void> {
    if (text.startsWith('/')) {
      const command = text.split(/\s/)[0]!;
      await this.client.sendCommand(this.client.makeCommand(text, { entities: [{ offset: 0, length: command.length, type: 'bot_command' }], ...this.from }));
    } else {
      await this.client.sendMessage(this.client.makeMessage(text, this.from));
    }
  }

  /** Sends a photo with a caption (no text of its own). */
  async sendCaptioned(caption: string): Promise<void> {
    const message = this.client.makeMessage('', { caption, photo: [{ file_id: 'photo-1', file_unique_id: 'p1', width: 10, height: 10 }], ...this.from }) as Record<string, unknown>;
    delete message.text;
    await this.client.sendMessage(message as never);
  }

  /** A callback query with this data, as a modified client could send it, on a message the bot sent. */
  async pressData(data: string, message: BotMessage): Promise<void> {
    await this.client.sendCallback(this.client.makeCallbackQuery(data, { message: { message_id: message.messageId, chat: { id: this.chatId } }, ...this.from }));
  }

  /** Presses the button with this label on a message (the latest message with such a button by default). */
  async press(label: string, message?: BotMessage): Promise<void> {
    const target = message ?? [...this.messages()].reverse().find((m) => m.keyboard.flat().some((b) => b.text === label));
    if (!target) throw new Error(`no button "${label}" in chat ${this.chatId}`);
    const button = target.keyboard.flat().find((b) => b.text === label);
    if (!button || !('callback_data' in button)) throw new Error(`button "${label}" has no callback data`);
    await this.client.sendCallback(
      this.client.makeCallbackQuery(button.callback_data, { message: { message_id: target.messageId, chat: { id: this.chatId } }, ...this.from }),
    );
  }

  messages(): BotMessage[] {
    return this.emulator.messagesIn(this.chatId);
  }

  waitFor(text: string, timeoutMs = 10_000): Promise<BotMessage> {
    return eventually(
      () => this.messages().find((m) => m.text.includes(text)),
      timeoutMs,
      () => `"${text}" in chat ${this.chatId}. Last: ${this.messages().slice(-3).map((m) => m.text).join(' | ')}`,
    );
  }
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function parsePayload(raw: string, contentType: string | undefined, query: URLSearchParams): Record<string, unknown> {
  const fromQuery = Object.fromEntries(query);
  if (!raw) return fromQuery;
  if (contentType?.includes('application/json')) return { ...fromQuery, ...(JSON.parse(raw) as Record<string, unknown>) };
  if (contentType?.includes('application/x-www-form-urlencoded')) return { ...fromQuery, ...Object.fromEntries(new URLSearchParams(raw)) };
  return { ...fromQuery, raw };
}


function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
