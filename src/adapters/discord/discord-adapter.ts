import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { HttpServer } from '../../http/http-server.js';
import type { Logger } from '../../runtime/logger.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import type { PlatformAdapter } from '../platform.js';
import { attachDiscordInbound } from './discord-inbound.js';
import { DiscordSink } from './discord-sink.js';

export interface DiscordOptions {
  readonly token: string;
  readonly applicationId: string;
  /** The REST base, e.g. https://discord.com/api (tests point it at a local emulator). */
  readonly apiRoot: string;
  readonly log: Logger;
}

/**
 * The Discord platform: a discord.js client for slash commands, buttons, select menus, modals and DMs.
 * discord.js queues REST calls per route and waits out rate limits; what it surfaces as "cannot send to this user"
 * becomes an unreachable person, never a crash.
 */
export class DiscordAdapter implements PlatformAdapter {
  readonly name = 'discord';
  readonly client: Client;
  readonly sink: DiscordSink;

  constructor(private readonly options: DiscordOptions) {
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
      partials: [Partials.Channel],
      rest: { api: options.apiRoot },
      allowedMentions: { parse: [] },
    });
    this.client.rest.setToken(options.token);
    this.sink = new DiscordSink(this.client.rest, options.applicationId);
  }

  async start(runtime: ConversationRuntime, _http: HttpServer): Promise<void> {
    attachDiscordInbound(this.client, runtime, this.sink, this.options.log);
    this.client.on(Events.Error, (err) => this.options.log.error({ err: err.message }, 'discord: client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    this.options.log.info({ user: this.client.user?.tag }, 'discord: connected');
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  isReady(): boolean {
    return this.client.isReady();
  }
}
