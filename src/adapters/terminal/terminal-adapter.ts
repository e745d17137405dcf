import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { OutboundMessage } from '../../core/messages.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import type { DeliveryTarget, MessageSink } from '../../core/ports.js';
import type { ConversationKey } from '../../core/address.js';
import { textToEvent } from '../shared/inbound-text.js';
import { renderForTerminal } from './render.js';

export interface TerminalOptions {
  readonly input: Readable & { isTTY?: boolean };
  readonly output: Writable & { isTTY?: boolean };
  /** Who is typing; defaults to the operating system's user name. */
  readonly user?: string;
  /** How long piped input waits at its end for pending timed steps. */
  readonly drainTimeoutMs?: number;
  /** The person's locale (`en_US`), which picks crisis lines; from LANG by default. */
  readonly locale?: string;
  /** Where files for the person (their data export) are saved; the working directory by default. */
  readonly downloadsDir?: string;
}

const PLATFORM = 'terminal';

/**
 * The terminal chat: the real engine, database and queue, with lines for messages.
 * Interactive on a TTY; with piped input it reads one message per line and, at the end, waits for the
 * conversation's pending timed steps (at most a minute) so `printf '/breathe\n' | npm run console` plays through.
 */
export class TerminalAdapter {
  readonly platform = PLATFORM;
  readonly key: ConversationKey;
  readonly sink: MessageSink;
  private readonly color: boolean;
  private readonly locale: string | undefined;
  /** The interactive prompt, while one is open: messages that arrive by timer are printed above it. */
  private prompt: Interface | undefined;
  private input: Interface | undefined;
  private stopping = false;

  constructor(private readonly options: TerminalOptions) {
    const user = options.user ?? safeUserName();
    this.key = { platform: PLATFORM, chatId: `terminal:${user}`, userId: user };
    this.color = Boolean(options.output.isTTY) && !process.env.NO_COLOR;
    this.locale = options.locale ?? process.env.LANG?.split('.')[0]?.replace('_', '-');
    this.sink = { platform: PLATFORM, deliver: (target, messages) => this.print(target, messages) };
  }

  /** Runs until input ends (or /quit). Resolves when the chat is over. */
  async run(runtime: ConversationRuntime): Promise<void> {
    const interactive = Boolean(this.options.input.isTTY);
    const rl = interactive
      ? createInterface({ input: this.options.input, output: this.options.output, terminal: true })
      : createInterface({ input: this.options.input, terminal: false, crlfDelay: Infinity });
    this.input = rl;
    if (interactive) {
      this.options.output.write(
        'Tether terminal chat. Type /help to see what we can do, /quit to leave.\n\n',
      );
      rl.setPrompt('you › ');
      // Ctrl-C leaves the chat (readline would otherwise only pause).
      rl.on('SIGINT', () => rl.close());
      this.prompt = rl;
      rl.prompt();
    }
    for await (const line of rl) {
      if (this.stopping) break;
      if (/^\/(quit|exit)\s*$/i.test(line.trim())) break;
      if (line.trim() === '' && !interactive) continue;
      await runtime.dispatch({ key: this.key }, textToEvent(line), this.locale ? { locale: this.locale } : {});
    }
    this.prompt = undefined;
    rl.close();
    // Piped input: the exercise under way plays to its end. Stopped (SIGTERM): it resumes at the next start.
    if (!interactive && !this.stopping) await this.drain(runtime);
  }

  /** Stops reading (the process is shutting down); run() resolves once the line being handled is done. */
  stop(): void {
    this.stopping = true;
    this.input?.close();
  }

  /** Waits until the conversation has no timed step pending, or the timeout passes. */
  private async drain(runtime: ConversationRuntime): Promise<void> {
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 60_000);
    while (Date.now() < deadline && !this.stopping) {
      const conversation = await runtime.conversation({ key: this.key });
      if (!conversation?.state.timers.some((t) => t.kind === 'step')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async print(_target: DeliveryTarget, messages: readonly OutboundMessage[]): Promise<void> {
    const out = this.options.output;
    if (this.prompt) {
      clearLine(out, 0);
      cursorTo(out, 0);
    }
    for (const message of messages) {
      const text = renderForTerminal(message, this.color);
      const prefix = this.color ? '\x1b[36mtether ›\x1b[39m ' : '';
      out.write(`${prefix}${text}\n${this.color ? '\n' : ''}`);
      if (message.file) {
        // A terminal cannot show a file: it is saved next to you (a chart's words come with it above).
        const path = join(this.options.downloadsDir ?? process.cwd(), message.file.name);
        await writeFile(path, message.file.content, { mode: 0o600 });
        out.write(`(saved ${message.file.name} to ${path})\n`);
      }
    }
    this.prompt?.prompt(true);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username.slice(0, 60) || 'local';
  } catch {
    return 'local';
  }
}
