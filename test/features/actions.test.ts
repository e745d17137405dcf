import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { MessageSink, OutboxJob } from '../../src/core/ports.js';
import { toPlainText } from '../../src/engine/rich-text.js';
import type { ActionDeps } from '../../src/features/action.js';
import { actionHandlers, carryOutAction } from '../../src/features/index.js';
import { milestoneWords } from '../../src/features/milestones.js';
import type { CommunitySettings } from '../../src/store/community-store.js';
import type { StoredConversation } from '../../src/store/conversation-store.js';
import { InMemoryConversationStore } from '../../src/store/in-memory-store.js';

/* The features' handlers with a store in memory, a recording outbox and a fake platform: no Redis, no Postgres. */

const NOW = Date.parse('2027-03-08T10:00:00Z');

async function setUp(member: boolean | undefined, channelId: string | null = '-100200') {
  const store = new InMemoryConversationStore();
  const queued: OutboxJob[] = [];
  const sink: MessageSink = { platform: 'telegram', deliver: async () => undefined, isMember: async () => member };
  const deps: ActionDeps = {
    store,
    timers: { schedule: async () => undefined, cancel: async () => undefined },
    log: pino({ level: 'silent' }),
    clock: () => NOW,
    sinks: new Map([['telegram', sink]]),
    outbox: { enqueue: async (jobs) => void queued.push(...jobs) },
    communities: {
      overview: async () => 'Channel: off',
      audit: async () => 'No changes yet.',
      settings: async (key) => ({ key, channelId }) as unknown as CommunitySettings,
    },
  };
  const opened = await store.open({ platform: 'telegram', chatId: '42', userId: '42' });
  const conversation: StoredConversation = { ...opened, progress: { checkIns: 7, streakDays: 1, countFrom: null, community: 'telegram:-100200', communityMember: '42' } };
  return { deps, conversation, queued };
}

describe('feature handlers, without Redis or a database', () => {
  it('has one handler for every action the engine can ask for', () => {
    expect(Object.keys(actionHandlers).sort()).toEqual(
      ['community-audit', 'community-overview', 'consent', 'export', 'forget', 'history', 'link-code', 'link-redeem', 'milestone-share', 'plan-show', 'reach-out-send', 'support-accept', 'support-reply', 'supporter-invite', 'trends', 'unlink'].sort(),
    );
  });

  it('shares a milestone with a group the person is still in, anonymously unless named on the same platform', async () => {
    const { deps, conversation, queued } = await setUp(true);
    const outcome = await carryOutAction({ kind: 'milestone-share', args: { which: 'check-ins', how: 'anonymous' }, text: '' }, conversation, deps);
    expect(outcome.messages?.map((m) => toPlainText(m.text))).toEqual(['Shared. Only that one milestone, nothing else. Well done.']);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ platform: 'telegram', target: { chatId: '-100200', userId: '' }, group: true });
    expect(toPlainText(queued[0]!.messages[0]!.text)).toContain('7 check-ins');
  });

  it('shares nothing with a group the person left', async () => {
    const { deps, conversation, queued } = await setUp(false);
    const outcome = await carryOutAction({ kind: 'milestone-share', args: { which: 'streak', how: 'named' }, text: '' }, conversation, deps);
    expect(toPlainText(outcome.messages![0]!.text)).toContain('no longer in that group');
    expect(queued).toEqual([]);
  });

  it('words a milestone in English with singular and plural', () => {
    const progress = { checkIns: 1, streakDays: 1, countFrom: new Date(NOW - 2 * 86_400_000) };
    expect(milestoneWords('check-ins', progress, NOW)).toBe('1 check-in');
    expect(milestoneWords('streak', progress, NOW)).toBe('1 day in a row of check-ins');
    expect(milestoneWords('days', progress, NOW)).toBe('2 days since a date that matters to them');
  });

  it('records consent and hands back the conversation as it now stands', async () => {
    const { deps, conversation } = await setUp(true);
    const outcome = await carryOutAction({ kind: 'consent' }, conversation, deps);
    expect(outcome.conversation?.consented).toBe(true);
    expect((await deps.store.get(conversation.id))?.consented).toBe(true);
  });

  it('forgets a person and names the conversations to drop from memory', async () => {
    const { deps, conversation } = await setUp(true);
    const outcome = await carryOutAction({ kind: 'forget' }, conversation, deps);
    expect(outcome.stale).toEqual([conversation.id]);
    expect(await deps.store.get(conversation.id)).toBeUndefined();
  });
});
