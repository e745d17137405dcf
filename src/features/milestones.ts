import { splitCommunityKey } from '../core/address.js';
import { copy } from '../engine/copy.js';
import type { ActionHandlers } from './action.js';
import { say } from './action.js';

/**
 * Sharing a milestone with a community the person took part in, only if they choose and only to a group they are
 * still in: named (on the same platform) or anonymously.
 */
export const milestones: Pick<ActionHandlers, 'milestone-share'> = {
  async 'milestone-share'(action, conversation, deps) {
    const { progress } = conversation;
    const community = progress.community ? await deps.communities?.settings(progress.community) : undefined;
    if (!community?.channelId) return say({ text: copy.milestoneNoChannel });
    const { platform, externalId } = splitCommunityKey(community.key);
    // Only to a group they are still in: someone who left has moved on, and their milestone goes nowhere.
    const sink = deps.sinks.get(platform);
    if (sink?.isMember) {
      const member = progress.communityMember ? await sink.isMember(externalId, progress.communityMember) : false;
      if (member !== true) return say({ text: member === false ? copy.milestoneNotMember : copy.milestoneUnchecked });
    }
    const now = deps.clock();
    const named = action.args.how === 'named' && platform === conversation.platform;
    const post = { text: copy.milestonePost(named ? conversation.userId : undefined, milestoneWords(String(action.args.which), progress, now)) };
    const target = { conversationId: '', chatId: community.channelId, userId: '' };
    const key = `milestone:${conversation.personId}:${String(action.args.which)}:${Math.floor(now / 3_600_000)}`;
    await deps.outbox?.enqueue([{ platform, target, messages: [post], key, group: true }]);
    return say({ text: copy.milestoneShared });
  },
};

/** What the post says was reached: days in a row, days since their date, or check-ins in all. */
export function milestoneWords(which: string, progress: { readonly checkIns: number; readonly streakDays: number; readonly countFrom: Date | null }, now: number): string {
  const { checkIns, streakDays, countFrom } = progress;
  const days = countFrom ? Math.floor((now - countFrom.getTime()) / 86_400_000) : 0;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (which === 'streak') return `${count(streakDays, 'day', 'days')} in a row of check-ins`;
  if (which === 'days') return `${count(days, 'day', 'days')} since a date that matters to them`;
  return count(checkIns, 'check-in', 'check-ins');
}
