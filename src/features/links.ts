import { copy } from '../engine/copy.js';
import { formatCode } from '../lib/one-time-code.js';
import type { ActionHandlers } from './action.js';
import { nothing, say } from './action.js';

/** Joining a person's identities across platforms: a one-time code, redeeming one, separating again. */
export const links: Pick<ActionHandlers, 'link-code' | 'link-redeem' | 'unlink'> = {
  async 'link-code'(_action, conversation, deps) {
    if (!deps.links) return nothing;
    const { code } = await deps.links.createCode(conversation.personId, conversation.platform, deps.clock());
    return say({ text: copy.linkCode(formatCode(code)) });
  },

  async 'link-redeem'(action, conversation, deps) {
    if (!deps.links) return nothing;
    const outcome = await deps.links.redeem(action.code, conversation.personId, conversation.platform, deps.clock());
    const message = { text: outcome.ok ? copy.linked : copy.linkFailed[outcome.reason] };
    return outcome.ok ? { messages: [message], stale: outcome.conversationIds } : say(message);
  },

  async unlink(_action, conversation, deps) {
    if (!deps.links) return nothing;
    const outcome = await deps.links.unlink(conversation.personId, conversation.platform, deps.clock());
    const message = { text: outcome.ok ? copy.unlinked : copy.notLinked };
    return outcome.ok ? { messages: [message], stale: outcome.conversationIds } : say(message);
  },
};
