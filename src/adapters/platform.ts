import type { HttpServer } from '../http/http-server.js';
import type { MessageSink } from '../core/ports.js';
import type { ConversationRuntime } from '../runtime/runtime.js';

/** A chat platform Tether runs on next to others: its outbound sink, and its inbound side started and stopped. */
export interface PlatformAdapter {
  readonly name: string;
  readonly sink: MessageSink;
  /** Receives events and answers them (a gateway, or a process that does everything). Starts sending too. */
  start(runtime: ConversationRuntime, http: HttpServer): Promise<void>;
  /** Readies only the sink, taking no events: a worker sends timed steps and scheduled messages this way. */
  startSending(): Promise<void>;
  /** Stops taking events; the sink keeps working, so what is still running can send its replies. */
  stop(): Promise<void>;
  /** Releases the sink too (last, at shutdown). */
  close(): Promise<void>;
  /** Connected and taking events, or, for a worker, able to send (for /readyz). */
  isReady(): boolean;
}
