import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DiscordSink, dmChat } from '../../../src/adapters/discord/discord-sink.js';
import { plain } from '../../../src/engine/rich-text.js';

/*
 * A slash command is deferred ("thinking…") and its answer replaces that placeholder. A timed step of an earlier
 * exercise, sent to the same chat at the same moment (by this process or a worker), must not take it.
 */
/** A sink whose REST API is the only stand-in (every call succeeds and is recorded), and one DM chat. */
function rig() {
  const calls: string[] = [];
  const rest = {
    patch: async (route: string) => (calls.push(`PATCH ${route}`), { id: 'm1' }),
    post: async (route: string) => (calls.push(`POST ${route}`), { id: 'm2' }),
    delete: async (route: string) => (calls.push(`DELETE ${route}`), undefined),
    get: async () => ({}),
  } as unknown as REST;
  const chat = dmChat('555');
  return { calls, sink: new DiscordSink(rest, '123'), chat, target: { conversationId: 'c', chatId: chat, userId: 'u' } };
}

describe("a Discord interaction's deferred reply", () => {
  it('is replaced only by that event\'s own reply, once; a timed step sent meanwhile goes to the channel', async () => {
    const { calls, sink, chat, target } = rig();
    await sink.bindInteraction(chat, 'token-A', { placeholder: true, ephemeral: false });

    // A breathing step from a timer: no event of its own.
    await sink.deliver(target, [{ text: plain('Breathe out slowly…') }]);
    expect(calls).toEqual(['POST /channels/555/messages']);

    // The command's answer: it takes the placeholder.
    await sink.deliver(target, [{ text: plain('What we can do together') }, { text: plain('…') }], undefined, { token: 'token-A' });
    expect(calls.slice(1)).toEqual(['PATCH /webhooks/123/token-A/messages/%40original', 'POST /channels/555/messages']);

    // And only once.
    await sink.deliver(target, [{ text: plain('Again') }], undefined, { token: 'token-A' });
    expect(calls.at(-1)).toBe('POST /channels/555/messages');
  });

  it('is taken down when no message took it (a duplicate, or an apology sent on its own), and only then', async () => {
    const { calls, sink, chat, target } = rig();

    // Answered: the reply took the placeholder, so there is nothing to take down.
    await sink.bindInteraction(chat, 'token-A', { placeholder: true, ephemeral: false });
    await sink.deliver(target, [{ text: plain('What we can do together') }], undefined, { token: 'token-A' });
    expect(await sink.releasePlaceholder('token-A')).toBe(false);
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual([]);

    // Not answered: the "thinking…" reply is deleted, once.
    await sink.bindInteraction(chat, 'token-B', { placeholder: true, ephemeral: false });
    expect(await sink.releasePlaceholder('token-B')).toBe(true);
    expect(await sink.releasePlaceholder('token-B')).toBe(false);
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual(['DELETE /webhooks/123/token-B/messages/%40original']);
  });
});
