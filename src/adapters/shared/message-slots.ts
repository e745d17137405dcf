import type { OutboundMessage } from '../../core/messages.js';
import type { SinkMemory } from '../../core/ports.js';

/**
 * What both editing sinks remember per chat, in their sink memory: which message holds each slot (so a timed exercise
 * edits one message) and which message holds the live buttons (so an answered question is closed and shows the
 * answer, and cannot be pressed twice). `Place` is where a platform's message lives (a Telegram message id, a Discord
 * channel or webhook message); `Live` is what a sink keeps of the live message to close it (its place and text).
 * The keys are the platform's own (`tg:slot:…`, `dc:live:…`), so what a running deployment remembers stays readable.
 */
export class MessageSlots<Place, Live> {
  constructor(
    private readonly memory: () => SinkMemory,
    private readonly keys: { readonly slot: string; readonly live: string },
    private readonly rememberMs: number,
  ) {}

  /** Where the message a slotted message replaces lives, if it should replace one and one is remembered. */
  async replaced(chatId: string, message: OutboundMessage): Promise<Place | undefined> {
    return message.slot !== undefined && message.replace ? this.memory().get<Place>(this.slotKey(chatId, message.slot)) : undefined;
  }

  /** After sending (or editing) `message` at `place`: it now holds its slot, and its buttons, if any, are the live ones. */
  async sent(chatId: string, message: OutboundMessage, place: Place, live: Live | undefined): Promise<void> {
    if (message.slot !== undefined) await this.memory().set(this.slotKey(chatId, message.slot), place, this.rememberMs);
    if (live !== undefined) await this.memory().set(this.liveKey(chatId), live, this.rememberMs);
  }

  /** Takes the chat's live message, to close its buttons: of several processes, exactly one gets it. */
  takeLive(chatId: string): Promise<Live | undefined> {
    return this.memory().take<Live>(this.liveKey(chatId));
  }

  getLive(chatId: string): Promise<Live | undefined> {
    return this.memory().get<Live>(this.liveKey(chatId));
  }

  forgetLive(chatId: string): Promise<void> {
    return this.memory().delete(this.liveKey(chatId));
  }

  private slotKey(chatId: string, slot: string): string {
    return `${this.keys.slot}:${chatId}|${slot}`;
  }

  private liveKey(chatId: string): string {
    return `${this.keys.live}:${chatId}`;
  }
}
