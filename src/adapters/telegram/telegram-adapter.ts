import { createHash } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import type { HttpServer } from '../../http/http-server.js';
import type { PlatformAdapter } from '../platform.js';
import type { Logger } from '../../runtime/logger.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import { commandMenus } from './commands.js';
import { telegramInbound } from './telegram-inbound.js';
import { TelegramSink } from './telegram-sink.js';

export interface TelegramOptions {
  readonly token: string;
  readonly apiRoot: string;
  /** Set: Telegram posts updates here (webhook mode). Unset: long polling. */
  readonly webhookUrl?: string | undefined;
  readonly webhookSecret?: string | undefined;
  readonly log: Logger;
}

const WEBHOOK_PATH = '/telegram/webhook';

/**
 * The Telegram platform: a grammY bot whose updates go to the engine and whose API takes the engine's messages.
 * Updates run concurrently across chats and in order within one chat. 429s wait `retry_after`, network and
 * server errors retry with backoff (auto-retry), and a blocked bot stops that person's timed messages.
 */
export class TelegramAdapter implements PlatformAdapter {
  readonly name = 'telegram';
  readonly bot: Bot;
  readonly sink: TelegramSink;
  private runner: RunnerHandle | undefined;
  private webhook = false;
  private sending = false;
  private receiving = false;

  constructor(private readonly options: TelegramOptions) {
    this.bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
    this.sink = new TelegramSink(this.bot.api);
  }

  async startSending(): Promise<void> {
    if (this.sending) return;
    // The bot's own name, for the deep links in group posts.
    await this.bot.init();
    this.sink.username = this.bot.botInfo.username;
    this.sending = true;
  }

  async start(runtime: ConversationRuntime, http: HttpServer): Promise<void> {
    const { log } = this.options;
    this.receiving = true;
    await this.startSending();
    this.bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    this.bot.use(telegramInbound(runtime, this.sink, log));
    this.bot.catch((err) => {
      // Never the update itself: it holds what the person wrote.
      log.error({ err: err.error instanceof Error ? err.error.message : String(err.error), updateId: err.ctx.update.update_id }, 'telegram update failed');
    });
    await this.registerCommands(runtime);

    if (this.options.webhookUrl) {
      const secret = this.options.webhookSecret ?? derivedSecret(this.options.token);
      http.route('POST', WEBHOOK_PATH, webhookCallback(this.bot, 'http', { secretToken: secret, onTimeout: 'return' }));
      await this.bot.api.setWebhook(this.options.webhookUrl, { secret_token: secret, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
      log.info({ username: this.bot.botInfo.username }, 'telegram: webhook set');
      this.webhook = true;
      return;
    }
    await this.bot.api.deleteWebhook().catch(() => undefined);
    this.runner = run(this.bot, {
      runner: { fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] }, silent: true },
    });
    log.info({ username: this.bot.botInfo.username }, 'telegram: long polling');
  }

  async stop(): Promise<void> {
    this.webhook = false;
    // Stops fetching updates and waits for the ones being handled.
    if (this.runner?.isRunning()) await this.runner.stop();
  }

  async close(): Promise<void> {
    await this.stop();
    this.sending = false;
  }

  isReady(): boolean {
    return this.receiving ? this.webhook || Boolean(this.runner?.isRunning()) : this.sending;
  }

  private async registerCommands(runtime: ConversationRuntime): Promise<void> {
    const menus = commandMenus(runtime.registry);
    try {
      await this.bot.api.setMyCommands(menus.private, { scope: { type: 'all_private_chats' } });
      await this.bot.api.setMyCommands(menus.groups, { scope: { type: 'all_group_chats' } });
    } catch (error) {
      this.options.log.warn({ err: (error as Error).message }, 'telegram: could not register commands');
    }
  }
}

/** The same secret on every instance, without a second setting to keep in sync. */
function derivedSecret(token: string): string {
  return createHash('sha256').update(`tether-webhook:${token}`).digest('hex').slice(0, 48);
}
