import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventually } from '../../helpers/eventually.js';
import { freePort } from '../free-port.js';
import { readBody } from '../read-body.js';

/*
 * A small Discord for tests: a REST server and a gateway WebSocket that the real discord.js client logs in to.
 * It dispatches real-shaped INTERACTION_CREATE and MESSAGE_CREATE payloads, records every REST call, keeps the
 * messages the bot posted (ephemeral ones visible only to their person), and can fail calls on request.
 */

export interface EmulatedUser {
  readonly id: string;
  readonly username: string;
  /** In the server: the member's permission bits (default: an ordinary member's, without Manage Server) and roles. */
  readonly permissions?: string;
  readonly roles?: readonly string[];
}

/** An ordinary member's permissions, and a server manager's (with Manage Server, 1 << 5). */
export const MEMBER_PERMISSIONS = '1071698660928';
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 32n);

export interface RecordedRest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown> | undefined;
  readonly status: number;
  /** The request as sent (multipart uploads keep their files here). */
  readonly raw: string;
}

export interface EmulatedMessage {
  readonly id: string;
  readonly channelId: string;
  content: string;
  components: unknown[];
  /** Set for an ephemeral message: only this person can see it. */
  readonly ephemeralFor: string | undefined;
  readonly interactionToken: string | undefined;
  edits: number;
}

interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  times: number;
}

interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly user: EmulatedUser;
  readonly channelId: string;
  readonly guildId: string | undefined;
  /** The message a component or modal came from. */
  readonly sourceMessageId: string | undefined;
  /** The reply created by the interaction response (type 4 or 5), once there is one. */
  originalId: string | undefined;
  responded: boolean;
  modal: unknown;
}

export const APPLICATION_ID = '1100000000000000001';
export const BOT_USER = { id: APPLICATION_ID, username: 'Tether', discriminator: '0', global_name: 'Tether', bot: true, avatar: null };
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1300000000000000001';
/** A role in the server without Manage Server (a community may make it its moderator role). */
export const HELPERS_ROLE_ID = '1400000000000000001';
const snowflake = (() => {
  let n = 1_400_000_000_000_000_000n;
  return () => String(++n);
})();

export class DiscordEmulator {
  readonly calls: RecordedRest[] = [];
  /** The shard each gateway connection identified as ([id, count]), in order. */
  readonly identified: Array<[number, number] | undefined> = [];
  readonly messages: EmulatedMessage[] = [];
  private readonly faults: Fault[] = [];
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly dmChannels = new Map<string, string>();
  /** Users who have left the server (GET member answers 404 Unknown Member for them). */
  private readonly departed = new Set<string>();
  private readonly sockets = new Set<WebSocket>();
  private seq = 0;
  readonly token = `Bot.${randomBytes(12).toString('hex')}`;

  private constructor(
    private readonly http: Server,
    private readonly gateway: WebSocketServer,
    readonly restApi: string,
    readonly gatewayUrl: string,
  ) {}

  static async start(): Promise<DiscordEmulator> {
    const [restPort, wsPort] = [await freePort(), await freePort()];
    let emulator: DiscordEmulator | undefined;
    const http = createServer((req, res) => {
      emulator!.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    await new Promise<void>((resolve) => http.listen(restPort, '127.0.0.1', resolve));
    const gateway = new WebSocketServer({ host: '127.0.0.1', port: wsPort });
    await new Promise<void>((resolve) => gateway.once('listening', () => resolve()));
    emulator = new DiscordEmulator(http, gateway, `http://127.0.0.1:${restPort}/api`, `ws://127.0.0.1:${wsPort}`);
    gateway.on('connection', (socket) => emulator!.onGateway(socket));
    return emulator;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- what tests do as people ------------------------------------------------------------------------------

  /** A slash command, in the server's channel (default) or in the person's DM with the bot. */
  slashCommand(user: EmulatedUser, name: string, options: { dm?: boolean; choice?: string } = {}): InteractionRecord {
    const data = {
      id: snowflake(),
      name,
      type: 1,
      ...(options.choice ? { options: [{ name: 'choice', type: 3, value: options.choice }] } : {}),
    };
    return this.interaction(user, 2, data, options.dm ? this.dmChannelOf(user) : CHANNEL_ID, !options.dm, undefined);
  }

  /** Presses a button (by label) on a message the person can see. */
  pressButton(user: EmulatedUser, message: EmulatedMessage, label: string): InteractionRecord {
    const button = buttonsOf(message).find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" on message ${message.id}: ${buttonsOf(message).map((b) => b.label).join(', ')}`);
    return this.componentInteraction(user, message, { custom_id: button.custom_id, component_type: 2 });
  }

  /** Picks an option (by label) in a message's select menu. */
  selectOption(user: EmulatedUser, message: EmulatedMessage, label: string): InteractionRecord {
    const menu = componentsOf(message).find((c) => c.type === 3) as { custom_id: string; options: { label: string; value: string }[] } | undefined;
    const option = menu?.options.find((o) => o.label === label);
    if (!menu || !option) throw new Error(`no select option "${label}" on message ${message.id}`);
    return this.componentInteraction(user, message, { custom_id: menu.custom_id, component_type: 3, values: [option.value] });
  }

  /** Submits the modal the bot last showed this person in answer to `opened`. */
  submitModal(user: EmulatedUser, opened: InteractionRecord, value: string): InteractionRecord {
    const modal = opened.modal as { custom_id: string; components: { components: { custom_id: string }[] }[] } | undefined;
    if (!modal) throw new Error('the bot showed no modal');
    const field = modal.components[0]!.components[0]!.custom_id;
    const data = { custom_id: modal.custom_id, components: [{ type: 1, components: [{ type: 4, custom_id: field, value }] }] };
    const source = opened.sourceMessageId ? this.messages.find((m) => m.id === opened.sourceMessageId) : undefined;
    return this.interaction(user, 5, data, opened.channelId, Boolean(opened.guildId), source);
  }

  /** A direct message from the person to the bot. */
  dm(user: EmulatedUser, content: string): void {
    const channelId = this.dmChannelOf(user);
    this.dispatch('MESSAGE_CREATE', {
      id: snowflake(),
      channel_id: channelId,
      // Discord marks DM messages with their channel's type; discord.js needs it for a DM channel it has not seen.
      channel_type: 1,
      author: { ...user, discriminator: '0', global_name: user.username, avatar: null },
      content,
      ...messageDefaults(),
      flags: 0,
    });
  }

  /** The next REST call matching method and path fails like this (`times` times). */
  failNext(method: string, path: RegExp, status: number, body: unknown, options: { times?: number; headers?: Record<string, string> } = {}): void {
    this.faults.push({ method, path, status, body, headers: options.headers ?? {}, times: options.times ?? 1 });
  }

  /** The person has closed DMs: every message the bot tries to send them fails with 50007. */
  closeDms(user: EmulatedUser): void {
    const channelId = this.dmChannelOf(user);
    this.failNext('POST', new RegExp(`^/channels/${channelId}/messages$`), 403, { message: 'Cannot send messages to this user', code: 50007 }, { times: 1000 });
  }

  dmChannelOf(user: EmulatedUser): string {
    let id = this.dmChannels.get(user.id);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(user.id, id);
    }
    return id;
  }

  /** What this person can see in a channel: everything public there plus their own ephemeral messages. */
  visibleTo(user: EmulatedUser, channelId: string): EmulatedMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && (m.ephemeralFor === undefined || m.ephemeralFor === user.id));
  }

  /** What everyone in a channel can see. */
  publicIn(channelId: string): EmulatedMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && m.ephemeralFor === undefined);
  }

  waitFor(user: EmulatedUser, channelId: string, text: string, timeoutMs = 10_000): Promise<EmulatedMessage> {
    return eventually(
      () => [...this.visibleTo(user, channelId)].reverse().find((m) => m.content.includes(text)),
      timeoutMs,
      () => `"${text}" for ${user.username}. Last: ${this.visibleTo(user, channelId).slice(-3).map((m) => m.content).join(' | ')}`,
      15,
    );
  }

  /** The user leaves the server. */
  leaveServer(userId: string): void {
    this.departed.add(userId);
  }

  waitForCall(predicate: (c: RecordedRest) => boolean, timeoutMs = 10_000): Promise<RecordedRest> {
    return eventually(() => this.calls.find(predicate), timeoutMs, 'a REST call', 15);
  }

  // ---- gateway ------------------------------------------------------------------------------------------------

  private onGateway(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        this.identified.push((payload.d as { shard?: [number, number] }).shard);
        this.ready(socket);
      }
      if (payload.op === 6) socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
    });
  }

  private ready(socket: WebSocket): void {
    const send = (t: string, d: unknown) => socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
    send('READY', {
      v: 10,
      user: BOT_USER,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: randomBytes(8).toString('hex'),
      resume_gateway_url: this.gatewayUrl,
      application: { id: APPLICATION_ID, flags: 0 },
      private_channels: [],
    });
    send('GUILD_CREATE', {
      id: GUILD_ID,
      name: 'Peer Support Circle',
      owner_id: '1500000000000000001',
      icon: null,
      features: [],
      roles: [
        { id: GUILD_ID, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: HELPERS_ROLE_ID, name: 'Peer helpers', permissions: MEMBER_PERMISSIONS, position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 },
      ],
      channels: [{ id: CHANNEL_ID, type: 0, name: 'check-ins', position: 0, guild_id: GUILD_ID, permission_overwrites: [] }],
      members: [{ user: BOT_USER, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
      emojis: [],
      stickers: [],
      threads: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      premium_tier: 0,
      nsfw_level: 0,
      preferred_locale: 'en-US',
      system_channel_flags: 0,
      premium_progress_bar_enabled: false,
    });
  }

  private dispatch(t: string, d: unknown): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private componentInteraction(user: EmulatedUser, message: EmulatedMessage, data: Record<string, unknown>): InteractionRecord {
    const inGuild = message.channelId === CHANNEL_ID;
    return this.interaction(user, 3, data, message.channelId, inGuild, message);
  }

  private interaction(user: EmulatedUser, type: number, data: unknown, channelId: string, inGuild: boolean, source: EmulatedMessage | undefined): InteractionRecord {
    const record: InteractionRecord = {
      id: snowflake(),
      token: `itok_${randomBytes(16).toString('hex')}`,
      user,
      channelId,
      guildId: inGuild ? GUILD_ID : undefined,
      sourceMessageId: source?.id,
      originalId: undefined,
      responded: false,
      modal: undefined,
    };
    this.interactions.set(record.token, record);
    const apiUser = { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null };
    this.dispatch('INTERACTION_CREATE', {
      id: record.id,
      application_id: APPLICATION_ID,
      type,
      data,
      token: record.token,
      version: 1,
      channel_id: channelId,
      channel: { id: channelId, type: inGuild ? 0 : 1, ...(inGuild ? { guild_id: GUILD_ID, name: 'check-ins' } : {}) },
      ...(inGuild
        ? {
            guild_id: GUILD_ID,
            guild: { id: GUILD_ID, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { user: apiUser, roles: user.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: user.permissions ?? MEMBER_PERMISSIONS },
          }
        : { user: apiUser }),
      ...(source ? { message: this.apiMessage(source) } : {}),
      app_permissions: '1071698660928',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: inGuild ? { '0': GUILD_ID } : { '1': user.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    });
    return record;
  }

  // ---- REST ---------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://discord');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type']);
    const method = req.method ?? 'GET';
    const fault = this.takeFault(method, path);
    if (fault) {
      this.calls.push({ method, path, query: url.searchParams, body, status: fault.status, raw });
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(JSON.stringify(fault.body));
      return;
    }
    const { status, json } = this.route(method, path, url.searchParams, body);
    this.calls.push({ method, path, query: url.searchParams, body, status, raw });
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  }

  private route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown> | undefined): { status: number; json?: unknown } {
    const ok = (json: unknown) => ({ status: 200, json });
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return ok({ url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'GET' && path === '/users/@me') return ok(BOT_USER);
    if (method === 'GET' && (m = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path))) {
      if (m[1] !== GUILD_ID || this.departed.has(m[2]!)) return { status: 404, json: { code: 10007, message: 'Unknown Member' } };
      return ok({ user: { id: m[2], username: m[2], discriminator: '0', avatar: null }, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 });
    }
    if (method === 'GET' && path === '/applications/@me') return ok({ id: APPLICATION_ID, name: 'Tether', flags: 0, bot_public: true });
    if (method === 'PUT' && (m = /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.exec(path))) {
      return ok((body as unknown as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: APPLICATION_ID, version: snowflake() })));
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String(body?.recipient_id);
      const id = this.dmChannelOf({ id: recipient, username: recipient });
      return ok({ id, type: 1, recipients: [{ id: recipient, username: recipient, discriminator: '0', avatar: null }], last_message_id: null });
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const dm = [...this.dmChannels.entries()].find(([, id]) => id === m![1]);
      return ok(dm ? { id: m[1], type: 1, recipients: [{ id: dm[0], username: dm[0], discriminator: '0', avatar: null }] } : { id: m[1], type: 0, guild_id: GUILD_ID, name: 'check-ins' });
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      return ok(this.apiMessage(this.post(m[1]!, body, undefined, undefined)));
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'PATCH') {
      return this.editMessage(m[2]!, body);
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      return this.callback(m[2]!, body ?? {}, query.get('with_response') === 'true');
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)\/messages\/(@original|\d+)$/.exec(path))) {
      const interaction = this.interactions.get(m[1]!);
      if (!interaction) return { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };
      const id = m[2] === '@original' ? (interaction.originalId ?? interaction.sourceMessageId) : m[2];
      if (!id) return { status: 404, json: { message: 'Unknown Message', code: 10008 } };
      if (method === 'PATCH') return this.editMessage(id, body);
      if (method === 'GET') return ok(this.apiMessage(this.messages.find((x) => x.id === id)!));
      if (method === 'DELETE') {
        const i = this.messages.findIndex((x) => x.id === id);
        if (i >= 0) this.messages.splice(i, 1);
        return { status: 204 };
      }
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)$/.exec(path)) && method === 'POST') {
      const interaction = this.interactions.get(m[1]!);
      if (!interaction) return { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };
      const ephemeral = (Number(body?.flags ?? 0) & 64) === 64;
      return ok(this.apiMessage(this.post(interaction.channelId, body, ephemeral ? interaction.user.id : undefined, interaction.token)));
    }
    return { status: 404, json: { message: `404: Not Found (${method} ${path})`, code: 0 } };
  }

  private callback(token: string, body: Record<string, unknown>, withResponse: boolean): { status: number; json?: unknown } {
    const interaction = this.interactions.get(token);
    if (!interaction) return { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
    if (interaction.responded) return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    interaction.responded = true;
    const type = Number(body.type);
    const data = (body.data ?? {}) as Record<string, unknown>;
    const ephemeralFor = interaction.guildId && (Number(data.flags ?? 0) & 64) === 64 ? interaction.user.id : undefined;
    let message: EmulatedMessage | undefined;
    if (type === 4 || type === 5) {
      // A reply, or "thinking…" that an edit of @original later fills in.
      message = this.post(interaction.channelId, type === 4 ? data : { content: '' }, ephemeralFor, token);
      interaction.originalId = message.id;
    } else if (type === 7 && interaction.sourceMessageId) {
      this.editMessage(interaction.sourceMessageId, data);
    } else if (type === 9) {
      interaction.modal = data;
    }
    if (!withResponse) return { status: 204 };
    return { status: 200, json: { interaction: { id: interaction.id, type: 2 }, resource: { type, ...(message ? { message: this.apiMessage(message) } : {}) } } };
  }

  private post(channelId: string, body: Record<string, unknown> | undefined, ephemeralFor: string | undefined, token: string | undefined): EmulatedMessage {
    const message: EmulatedMessage = {
      id: snowflake(),
      channelId,
      content: String(body?.content ?? ''),
      components: (body?.components as unknown[]) ?? [],
      ephemeralFor,
      interactionToken: token,
      edits: 0,
    };
    this.messages.push(message);
    return message;
  }

  private editMessage(id: string, body: Record<string, unknown> | undefined): { status: number; json?: unknown } {
    const message = this.messages.find((x) => x.id === id);
    if (!message) return { status: 404, json: { message: 'Unknown Message', code: 10008 } };
    if (body && 'content' in body) message.content = String(body.content ?? '');
    if (body && 'components' in body) message.components = (body.components as unknown[]) ?? [];
    message.edits++;
    return { status: 200, json: this.apiMessage(message) };
  }

  private apiMessage(message: EmulatedMessage): Record<string, unknown> {
    return {
      id: message.id,
      channel_id: message.channelId,
      author: BOT_USER,
      content: message.content,
      components: message.components,
      ...messageDefaults(),
      flags: message.ephemeralFor ? 64 : 0,
      ...(message.channelId === CHANNEL_ID ? { guild_id: GUILD_ID } : {}),
    };
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => f.method === method && f.path.test(path));
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (--f.times <= 0) this.faults.splice(i, 1);
    return f;
  }
}

/** The fields every message payload carries that these tests never vary. */
function messageDefaults() {
  return {
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  };
}

type Button = { type: 2; label: string; custom_id: string };

export function componentsOf(message: EmulatedMessage): Array<{ type: number } & Record<string, unknown>> {
  return (message.components as { components?: Array<{ type: number } & Record<string, unknown>> }[]).flatMap((row) => row.components ?? []);
}

export function buttonsOf(message: EmulatedMessage): Button[] {
  return componentsOf(message).filter((c): c is Button & { type: number } & Record<string, unknown> => c.type === 2) as Button[];
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const json = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
  return json ? (JSON.parse(json[1]!) as Record<string, unknown>) : { raw };
}

