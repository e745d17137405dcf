import type { InboundEvent } from '../../core/messages.js';

/**
 * Turns a typed line into an event: `/name args` (also `/name@botname args`, as Telegram groups send it) is a
 * command; anything else is text for the engine to read.
 */
export function textToEvent(text: string, botUsername?: string): InboundEvent {
  const m = /^\/([a-zA-Z][a-zA-Z0-9_]{0,31})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (m && (!m[2] || !botUsername || m[2].toLowerCase() === botUsername.toLowerCase())) {
    return { type: 'command', name: m[1]!.toLowerCase(), args: (m[3] ?? '').trim() };
  }
  return { type: 'text', text };
}
