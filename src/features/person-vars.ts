import type { StoredConversation } from '../store/conversation-store.js';

/** Values for `{@name}` in flow texts: the person's plan, supporters, last check-in and progress. */
export function personVars(conversation: Pick<StoredConversation, 'plan' | 'supporters' | 'lastCheckIn' | 'progress'>, now: number): Record<string, string> {
  return {
    // The person's own plan, shown back to them on a strong craving.
    reasons: conversation.plan?.reasons ?? '',
    coping: conversation.plan?.coping ?? '',
    people: conversation.plan?.people ?? '',
    ...supporterVars(conversation),
    ...progressVars(conversation, now),
  };
}

/** Milestones, for celebrating privately (flows/milestones.ts and the check-in's reflection). */
function progressVars(conversation: Pick<StoredConversation, 'progress'>, now: number): Record<string, string> {
  const { checkIns, streakDays, countFrom } = conversation.progress;
  const daysSince = countFrom ? Math.floor((now - countFrom.getTime()) / 86_400_000) : 0;
  return {
    nextCheckIn: String(checkIns + 1),
    checkIns: String(checkIns),
    streak: String(streakDays),
    daysSince: String(Math.max(0, daysSince)),
    countFrom: countFrom ? countFrom.toISOString().slice(0, 10) : '',
  };
}

/** The person's supporters and last check-in, for wording and addressing a request (see flows/reach-out.ts). */
function supporterVars(conversation: Pick<StoredConversation, 'supporters' | 'lastCheckIn'>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const s of conversation.supporters) {
    vars[`supporter${s.position}`] = s.name;
    vars[`how${s.position}`] = s.how ?? 'the way you usually reach them';
    // The flows that speak Spanish read `:es` first (see EngineContext.vars).
    vars[`how${s.position}:es`] = s.how ?? 'como sueles hacerlo';
  }
  vars.supporterList = conversation.supporters.map((s) => `${s.position}. ${s.name}${s.how ? ` (${s.how})` : ''}`).join('\n');
  vars.lastFeeling = conversation.lastCheckIn?.emotion ?? '';
  vars.lastNeed = conversation.lastCheckIn ? (conversation.lastCheckIn.need === 'heard' ? 'to be heard' : conversation.lastCheckIn.need) : '';
  return vars;
}
