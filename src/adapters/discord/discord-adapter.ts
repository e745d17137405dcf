import { Client, Events, GatewayIntentBits, Partials, Routes } from 'discord.js';
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
  /** Sharding for large bots: the shards this process runs, of how many in all. */
  readonly shards?: { readonly ids?: readonly number[] | undefined; readonly count: number } | undefined;
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
      // Each gateway process runs its share of the shards; Discord routes a server's events to its shard.
      ...(options.shards
        ? { shardCount: options.shards.count, shards: [...(options.shards.ids ?? Array.from({ length: options.shards.count }, (_, i) => i))] }
        : {}),
    });
    this.client.rest.setToken(options.token);
    this.sink = new DiscordSink(this.client.rest, options.applicationId);
  }

  private sending = false;
  private receiving = false;

  /** REST only: checks the token once, opens no gateway connection. */
  async startSending(): Promise<void> {
    if (this.sending) return;
    await this.client.rest.get(Routes.user('@me'));
    this.sending = true;
  }

  async start(runtime: ConversationRuntime, _http: HttpServer): Promise<void> {
    this.receiving = true;
    this.sending = true;
    attachDiscordInbound(this.client, runtime, this.sink, this.options.log);
    this.client.on(Events.Error, (err) => this.options.log.error({ err: err.message }, 'discord: client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    this.options.log.info({ user: this.client.user?.tag }, 'discord: connected');
  }

  async stop(): Promise<void> {
    // New events are no longer taken; REST stays, for the replies still being sent. The gateway closes with close().
    this.client.removeAllListeners(Events.InteractionCreate);
    this.client.removeAllListeners(Events.MessageCreate);
  }

  async close(): Promise<void> {
    this.sending = false;
    await this.client.destroy();
  }

  isReady(): boolean {
    return this.receiving ? this.client.isReady() : this.sending;
  }
}
