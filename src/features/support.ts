import { copy } from '../engine/copy.js';
import { REQUEST_TOKEN, SUPPORT_REPLIES } from '../engine/engine.js';
import { formatCode } from '../lib/one-time-code.js';
import type { StoredConversation } from '../store/conversation-store.js';
import type { ActionHandlers } from './action.js';
import { nothing, say, sendTo } from './action.js';

/**
 * Supporters through Tether: inviting one (a code for them), accepting an invitation, sending them a request, and
 * their one-tap answer going back to the person who asked.
 */
export const support: Pick<ActionHandlers, 'supporter-invite' | 'support-accept' | 'reach-out-send' | 'support-reply'> = {
  async 'supporter-invite'(action, conversation, deps) {
    const position = String(action.args.position ?? '');
    const invite = await deps.support?.invite(conversation.personId, position, String(action.args.shownAs ?? ''), deps.clock(), shownName(conversation, position));
    return say({ text: invite ? copy.supporterInvite(formatCode(invite.code), invite.name) : copy.supportersChanged });
  },

  async 'support-accept'(action, conversation, deps) {
    const accepted = await deps.support?.accept(String(action.args.code ?? ''), conversation.personId, conversation.id, deps.clock());
    const text = !accepted ? copy.supportInvalid : accepted.ok ? copy.supportAccepted(accepted.shownAs) : accepted.reason === 'too-many-tries' ? copy.codeTriesPaused : copy.supportInvalid;
    return say({ text });
  },

  async 'reach-out-send'(action, conversation, deps) {
    const to = String(action.args.to ?? '');
    const outcome = await deps.support?.request(conversation.personId, to, action.text, conversation.id, shownName(conversation, to));
    if (!outcome) return say({ text: copy.supportersChanged });
    if (!outcome.linked) return say({ text: copy.requestNotLinked(outcome.name) });
    const input = { kind: 'choice' as const, token: `${REQUEST_TOKEN}${outcome.requestId}`, options: SUPPORT_REPLIES.map((id) => ({ id, label: copy.supportReplies[id] })) };
    await sendTo(deps, outcome.supporterConversationId, { text: copy.requestToSupporter(outcome.shownAs, action.text), input }, `request:${outcome.requestId}`);
    return say({ text: copy.requestSent(outcome.name) });
  },

  async 'support-reply'(action, conversation, deps) {
    const replied = await deps.support?.reply(action.requestId, conversation.personId, action.reply, deps.clock());
    if (!replied) return nothing;
    const reply = copy.supportReplies[action.reply as (typeof SUPPORT_REPLIES)[number]];
    await sendTo(deps, replied.requesterConversationId, { text: copy.supporterAnswered(replied.name, reply) }, `reply:${action.requestId}`);
    return say({ text: copy.replyThanks });
  },
};

/** The name the person saw for supporter place `position` ("s2"), from the list this conversation showed them. */
function shownName(conversation: StoredConversation, position: string): string | undefined {
  const n = Number(/^s([1-5])$/.exec(position)?.[1]);
  return conversation.supporters.find((s) => s.position === n)?.name ?? '\u0000';
}
