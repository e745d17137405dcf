import type { HttpServer } from '../http/http-server.js';
import type { MessageSink } from '../runtime/ports.js';
import type { ConversationRuntime } from '../runtime/runtime.js';

/** A chat platform Tether runs on next to others: its outbound sink, and its inbound side started and stopped. */
export interface PlatformAdapter {
  readonly name: string;
  readonly sink: MessageSink;
  start(runtime: ConversationRuntime, http: HttpServer): Promise<void>;
  stop(): Promise<void>;
  /** Connected and taking events (for /readyz). */
  isReady(): boolean;
}
