import type { NoteCipher } from '../crypto/note-cipher.js';
import { communityKey } from '../core/address.js';
import type { PersonFacts } from '../engine/types.js';
import type { RecoveryPlan, StoredConversation } from './conversation-store.js';
import { factsFrom } from './schedule-store.js';

/*
 * The person as flows see them: facts to branch on, their plan and supporters (decrypted), their last check-in and
 * their progress. Read with a conversation, and again after a commit that wrote a record.
 */

/** What is loaded with a person for flows to use: facts, their plan, supporters and last check-in. */
export type PersonView = Pick<StoredConversation, 'facts' | 'plan' | 'supporters' | 'lastCheckIn' | 'progress' | 'crisisRegion'>;
const scheduleFacts = { select: { paused: true, pausedUntil: true, unreachable: true } } as const;
export const planFields = { select: { reasons: true, triggers: true, warningSigns: true, coping: true, people: true } } as const;
export const personViewSelect = {
  schedule: scheduleFacts,
  plan: planFields,
  supporters: { orderBy: { position: 'asc' }, select: { position: true, name: true, how: true } },
  // The latest first, enough for a streak of two months.
  checkIns: { orderBy: { createdAt: 'desc' }, take: 62, select: { emotion: true, need: true, createdAt: true } },
  countFrom: true,
  crisisRegion: true,
  _count: { select: { checkIns: true } },
  groupAnswers: { orderBy: { createdAt: 'desc' }, take: 1, select: { community: { select: { platform: true, externalId: true } } } },
  identities: { select: { platform: true, externalId: true } },
} as const;
export type PersonViewRow = {
  schedule: Parameters<typeof factsFrom>[0];
  plan: PlanRow;
  supporters: Array<{ position: number; name: string; how: string | null }>;
  checkIns: Array<{ emotion: string; need: string; createdAt: Date }>;
  countFrom: Date | null;
  crisisRegion: string | null;
  _count: { checkIns: number };
  groupAnswers: Array<{ community: { platform: string; externalId: string } }>;
  identities: Array<{ platform: string; externalId: string }>;
};
export type PlanRow = { reasons: string | null; triggers: string | null; warningSigns: string | null; coping: string | null; people: string | null } | null;

/** A person seen for the first time: nothing written, nothing counted. */
export const newPersonView: PersonView = {
  facts: { scheduled: false, paused: false, milestoneNext: true },
  plan: null,
  supporters: [],
  lastCheckIn: null,
  progress: { checkIns: 0, streakDays: 0, countFrom: null, community: null, communityMember: null },
  crisisRegion: null,
};

export function readPersonView(cipher: NoteCipher, row: PersonViewRow, now = Date.now()): PersonView {
  const plan = readPlan(cipher, row.plan);
  const supporters = row.supporters.map((x) => ({ position: x.position, name: cipher.decrypt(x.name), how: cipher.decryptOptional(x.how) }));
  const filled = new Set(supporters.map((x) => x.position));
  const facts: PersonFacts = {
    ...factsFrom(row.schedule, now),
    hasReasons: Boolean(plan?.reasons),
    hasCoping: Boolean(plan?.coping),
    hasPeople: Boolean(plan?.people),
    supporter1: filled.has(1),
    supporter2: filled.has(2),
    supporter3: filled.has(3),
    supporter4: filled.has(4),
    supporter5: filled.has(5),
    hasLastCheckIn: row.checkIns.length > 0,
    milestoneNext: MILESTONES.includes(row._count.checkIns + 1),
    countingDays: row.countFrom !== null,
    inCommunity: row.groupAnswers.length > 0,
  };
  const last = row.checkIns[0];
  const shared = row.groupAnswers[0]?.community;
  const progress = {
    checkIns: row._count.checkIns,
    streakDays: streakOf(row.checkIns.map((c) => c.createdAt), now),
    countFrom: row.countFrom,
    community: shared ? communityKey(shared.platform, shared.externalId) : null,
    communityMember: shared ? (row.identities.find((i) => i.platform === shared.platform)?.externalId ?? null) : null,
  };
  return { facts, plan, supporters, lastCheckIn: last ? { emotion: last.emotion, need: last.need } : null, progress, crisisRegion: row.crisisRegion };
}

export function readPlan(cipher: NoteCipher, row: PlanRow): RecoveryPlan | null {
  if (!row) return null;
  const d = (v: string | null) => cipher.decryptOptional(v);
  return { reasons: d(row.reasons), triggers: d(row.triggers), warningSigns: d(row.warningSigns), coping: d(row.coping), people: d(row.people) };
}

/** Check-in counts worth a word: the first, and then the 3rd, 7th, 14th… */
const MILESTONES = [1, 3, 7, 14, 30, 50, 100, 200, 365, 500, 1000];

/** Days in a row (UTC) with a check-in, ending today or yesterday; `dates` newest first. */
export function streakOf(dates: readonly Date[], now: number): number {
  const days = new Set(dates.map((d) => Math.floor(d.getTime() / 86_400_000)));
  let day = Math.floor(now / 86_400_000);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}
