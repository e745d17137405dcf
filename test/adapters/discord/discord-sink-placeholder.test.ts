import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DiscordSink, dmChat } from '../../../src/adapters/discord/discord-sink.js';
import { plain } from '../../../src/engine/rich-text.js';

/*
 * A slash command is deferred ("thinking…") and its answer replaces that placeholder. A timed step of an earlier
 * exercise, sent to the same chat at the same moment (by this process or a worker), must not take it.
 */
describe("a Discord interaction's deferred reply", () => {
  it('is replaced only by that event\'s own reply, once; a timed step sent meanwhile goes to the channel', async () => {
    const calls: string[] = [];
    // Discord's REST API is the only stand-in here: every call succeeds.
    const rest = {
      patch: async (route: string) => (calls.push(`PATCH ${route}`), { id: 'm1' }),
      post: async (route: string) => (calls.push(`POST ${route}`), { id: 'm2' }),
      get: async () => ({}),
    } as unknown as REST;
    const sink = new DiscordSink(rest, '123');
    const chat = dmChat('555');
    const target = { conversationId: 'c', chatId: chat, userId: 'u' };
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
});
