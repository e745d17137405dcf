import type { FlowScope } from '../core/messages.js';
import type { MessageSink, Outbox } from '../core/ports.js';
import { crisisAlert } from '../community/crisis-alert.js';
import type { Logger } from '../runtime/logger.js';
import type { StoredConversation } from '../store/conversation-store.js';
import type { CommunityReader } from './action.js';

export interface CrisisAlertDeps {
  readonly communities: Pick<CommunityReader, 'settings'>;
  readonly outbox: Outbox;
  /** The platform's sink, for the private chat with a moderator. */
  readonly sinkOf: (platform: string) => MessageSink | undefined;
  readonly log: Logger;
  readonly clock: () => number;
}

/**
 * Someone acting in a community's scope wrote something the crisis screen caught: a private note to the moderators
 * who opted in (never with what was written), at most one per person and moderator every ten minutes, however many
 * worrying messages they send. The runtime calls this after the person got their reply.
 */
export function crisisAlerts(deps: CrisisAlertDeps): (conversation: StoredConversation, scope: FlowScope) => Promise<void> {
  return async (conversation, scope) => {
    const settings = await deps.communities.settings(scope.community);
    const moderators = (settings?.alertModerators ?? []).filter((m) => m !== conversation.userId);
    if (moderators.length === 0) return;
    const window = Math.floor(deps.clock() / 600_000);
    const message = crisisAlert(conversation.userId, scope.channel);
    await deps.outbox.enqueue(
      moderators.map((moderator) => ({
        platform: conversation.platform,
        target: { conversationId: '', chatId: deps.sinkOf(conversation.platform)?.directChat?.(moderator) ?? moderator, userId: moderator },
        messages: [message],
        key: `crisis-alert:${conversation.personId}:${moderator}:${window}`,
      })),
    );
    deps.log.info({ platform: conversation.platform, moderators: moderators.length }, 'alerted community moderators who opted in');
  };
}
