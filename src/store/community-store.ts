import type { Database } from '../db/client.js';
import type { FlowScope } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { readQuestions, type Question, type SettingField } from '../community/settings.js';
import { minuteOf, textToDays } from '../schedule/parse.js';
import { nextOccurrence, occasionName, type WeeklyRecurrence } from '../schedule/recurrence.js';
import { formatMinute } from '../schedule/zoned-time.js';
import type { Db } from './db.js';
import { communityKey, splitCommunityKey } from '../core/address.js';
import { claimOccasions } from './occasion-claim.js';

/** How a community is named in a flow scope: `telegram:-1001234`, `discord:81234…`. */
export type CommunityRow = Prisma.CommunityGetPayload<object>;

/** What adapters and the runtime need to know of a community's settings. */
export interface CommunitySettings {
  readonly id: string;
  readonly key: string;
  readonly channelId: string | null;
  readonly exercises: readonly string[];
  readonly groupBreathing: boolean;
  readonly crisisRegion: string | null;
  readonly moderatorRoleId: string | null;
  readonly supporterRoleId: string | null;
  readonly alertModerators: readonly string[];
  readonly questions: readonly Question[];
}

/** A group check-in post or its summary, due now. */
export interface DueGroupOccasion {
  readonly kind: 'group-checkin' | 'group-summary';
  readonly communityId: string;
  readonly occasion: string;
  readonly dueAt: number;
}

function recurrenceOf(row: Pick<CommunityRow, 'days' | 'minuteOfDay' | 'timeZone'>): WeeklyRecurrence | null {
  return row.minuteOfDay === null ? null : { days: row.days, minuteOfDay: row.minuteOfDay, timeZone: row.timeZone };
}

function plannedRun(row: Pick<CommunityRow, 'days' | 'minuteOfDay' | 'timeZone' | 'channelId'>, after: number): Date | null {
  const r = recurrenceOf(row);
  if (!r || !row.channelId) return null;
  const next = nextOccurrence(r, after);
  return next === null ? null : new Date(next);
}

/** Communities and their moderators' settings, with an audit entry for every change. */
export class CommunityStore {
  constructor(private readonly db: Database) {}

  /** Applies one moderator's change (already validated by the flow's parser) and records it in the audit log. */
  static async applySetting(tx: Db, scope: FlowScope, actor: string, field: SettingField, value: string, now: number): Promise<void> {
    const { platform, externalId } = splitCommunityKey(scope.community);
    const row = await tx.community.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId, questions: [], exercises: ['breathe', 'ground'], alertModerators: [] },
      update: {},
    });
    const data: Prisma.CommunityUpdateInput = {};
    const none = value === 'off' || value === 'none' || value === '';
    switch (field) {
      case 'channel':
        data.channelId = none ? null : (scope.channel ?? null);
        break;
      case 'time':
        data.minuteOfDay = minuteOf(value);
        break;
      case 'days':
        data.days = textToDays(value);
        break;
      case 'time-zone':
        data.timeZone = value;
        break;
      case 'questions':
        data.questions = readQuestions(value) as unknown as Prisma.InputJsonValue;
        break;
      case 'invitation':
        data.invitation = value;
        break;
      case 'exercises':
        data.exercises = value ? value.split(',') : [];
        break;
      case 'crisis-region':
        data.crisisRegion = value;
        break;
      case 'supporter-role':
        data.supporterRoleId = value;
        break;
      case 'moderator-role':
        data.moderatorRoleId = value;
        break;
      case 'language':
        data.language = value;
        break;
      case 'summaries':
        data.summaries = value === 'on';
        break;
      case 'summary-minimum':
        data.summaryMinimum = Math.max(3, Math.round(Number(value)));
        break;
      case 'group-breathing':
        data.groupBreathing = value === 'on';
        break;
      case 'alerts': {
        const others = row.alertModerators.filter((m) => m !== actor);
        data.alertModerators = value === 'on' ? [...others, actor] : others;
        break;
      }
    }
    const merged = { ...row, ...(data as Partial<CommunityRow>) };
    if (['channel', 'time', 'days', 'time-zone'].includes(field)) {
      data.nextRunAt = plannedRun(merged, now);
      data.queuedAt = null;
    }
    await tx.community.update({ where: { id: row.id }, data });
    const shown = field === 'channel' ? (data.channelId ?? 'off') : field === 'questions' ? describeQuestions(readQuestions(value)) : value;
    await tx.auditEntry.create({ data: { communityId: row.id, actor, field, value: String(shown).slice(0, 400) } });
  }

  async settings(key: string): Promise<CommunitySettings | undefined> {
    const { platform, externalId } = splitCommunityKey(key);
    const row = await this.db.community.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return row ? toSettings(row) : undefined;
  }

  async byId(id: string): Promise<CommunityRow | null> {
    return this.db.community.findUnique({ where: { id } });
  }

  /** The settings as a moderator reads them. */
  async overview(key: string): Promise<string> {
    const { platform, externalId } = splitCommunityKey(key);
    const c = await this.db.community.findUnique({ where: { platform_externalId: { platform, externalId } } });
    if (!c) return 'Nothing is set yet: everything is at its default.';
    const days = c.days === 127 ? 'every day' : ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].filter((_, i) => c.days & (1 << i)).join(' ');
    return [
      `Group check-in: ${c.channelId && c.minuteOfDay !== null ? `${days} at ${formatMinute(c.minuteOfDay)} (${c.timeZone})` : 'off'}`,
      `Posted in: ${c.channelId ?? 'not chosen'}`,
      `Questions: ${describeQuestions(readQuestions(c.questions))}`,
      `Invitation: ${c.invitation ?? 'the standard one'}`,
      `Exercises in the channel: ${c.exercises.length ? c.exercises.join(', ') : 'none'}; group breathing ${c.groupBreathing ? 'on' : 'off'}`,
      `Crisis lines: ${c.crisisRegion ?? "from each member's own region"}`,
      `Supporters role: ${c.supporterRoleId ?? 'none'}; moderator role: ${c.moderatorRoleId ?? 'none'}`,
      `Anonymous summaries: ${c.summaries ? `on, from ${c.summaryMinimum} answers` : 'off'}`,
      `Moderators getting crisis alerts: ${c.alertModerators.length}`,
    ].join('\n');
  }

  /** The latest changes, newest first. */
  async audit(key: string, limit = 15): Promise<string> {
    const { platform, externalId } = splitCommunityKey(key);
    const c = await this.db.community.findUnique({ where: { platform_externalId: { platform, externalId } }, select: { id: true } });
    const entries = c ? await this.db.auditEntry.findMany({ where: { communityId: c.id }, orderBy: { at: 'desc' }, take: limit }) : [];
    if (entries.length === 0) return 'No changes yet.';
    return entries.map((e) => `${e.at.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${e.actor} set ${e.field} to ${e.value}`).join('\n');
  }

  /** Claims group check-ins and summaries due before `horizon` (see ScheduleStore.claimDue). */
  async claimDue(horizon: number, now: number, staleBefore: number): Promise<DueGroupOccasion[]> {
    const window = { horizon, now, staleBefore };
    const posts = await claimOccasions<{ id: string; nextRunAt: Date; timeZone: string }>(this.db, {
      table: 'Community', dueAt: 'nextRunAt', claimedAt: 'queuedAt', returning: ['id', 'nextRunAt', 'timeZone'],
    }, window);
    const summaries = await claimOccasions<{ id: string; summaryAt: Date; summaryOccasion: string }>(this.db, {
      table: 'Community', dueAt: 'summaryAt', claimedAt: 'summaryQueuedAt', returning: ['id', 'summaryAt', 'summaryOccasion'],
    }, window);
    return [
      ...posts.map((p) => ({ kind: 'group-checkin' as const, communityId: p.id, occasion: occasionName(p, p.nextRunAt.getTime()), dueAt: p.nextRunAt.getTime() })),
      ...summaries.map((s) => ({ kind: 'group-summary' as const, communityId: s.id, occasion: s.summaryOccasion, dueAt: s.summaryAt.getTime() })),
    ];
  }

  async isCurrent(due: DueGroupOccasion): Promise<boolean> {
    const row = await this.db.community.findUnique({ where: { id: due.communityId }, select: { nextRunAt: true, summaryAt: true, summaryOccasion: true } });
    if (!row) return false;
    return due.kind === 'group-checkin' ? row.nextRunAt?.getTime() === due.dueAt : row.summaryOccasion === due.occasion && row.summaryAt?.getTime() === due.dueAt;
  }

  /** After the post: the next one, and this one's summary `summaryDelayMs` later (before the next post). */
  async completed(due: DueGroupOccasion, summaryDelayMs: number, now = Date.now()): Promise<void> {
    const row = await this.db.community.findUnique({ where: { id: due.communityId } });
    if (!row) return;
    if (due.kind === 'group-summary') {
      await this.db.community.updateMany({ where: { id: row.id, summaryOccasion: due.occasion }, data: { summaryAt: null, summaryQueuedAt: null } });
      return;
    }
    // After downtime, the next one after now, not a burst of every missed day.
    const next = plannedRun(row, Math.max(due.dueAt, now));
    const summaryAt = due.dueAt + summaryDelayMs;
    const summary = row.summaries && (next === null || summaryAt < next.getTime());
    await this.db.community.updateMany({
      where: { id: row.id, nextRunAt: new Date(due.dueAt) },
      data: {
        nextRunAt: next,
        queuedAt: null,
        lastOccasion: due.occasion,
        summaryAt: summary ? new Date(summaryAt) : null,
        summaryOccasion: summary ? due.occasion : null,
        summaryQueuedAt: null,
      },
    });
  }

  /**
   * How one group check-in went, counted only: how many answered and how many gave each mood. Null when fewer than
   * the community's minimum answered, so no one can be singled out.
   */
  async summaryOf(communityId: string, occasion: string): Promise<{ count: number; moods: number[] } | null> {
    const row = await this.db.community.findUnique({ where: { id: communityId }, select: { summaryMinimum: true, summaries: true } });
    if (!row?.summaries) return null;
    // Each person counts once (answering again replaces their answers; see GroupAnswer's unique key).
    const groups = await this.db.groupAnswer.groupBy({ by: ['mood'], where: { communityId, occasion }, _count: { _all: true } });
    const count = groups.reduce((n, g) => n + g._count._all, 0);
    if (count < Math.max(3, row.summaryMinimum)) return null;
    const moods = [1, 2, 3, 4, 5].map((m) => groups.find((g) => g.mood === m)?._count._all ?? 0);
    return { count, moods };
  }

  async releaseClaims(): Promise<void> {
    await this.db.community.updateMany({ where: { queuedAt: { not: null } }, data: { queuedAt: null } });
    await this.db.community.updateMany({ where: { summaryQueuedAt: { not: null } }, data: { summaryQueuedAt: null } });
  }

  static async idOf(db: Db, key: string): Promise<string | null> {
    const { platform, externalId } = splitCommunityKey(key);
    const row = await db.community.findUnique({ where: { platform_externalId: { platform, externalId } }, select: { id: true } });
    return row?.id ?? null;
  }
}

function toSettings(row: CommunityRow): CommunitySettings {
  return {
    id: row.id,
    key: communityKey(row.platform, row.externalId),
    channelId: row.channelId,
    exercises: row.exercises,
    groupBreathing: row.groupBreathing,
    crisisRegion: row.crisisRegion,
    moderatorRoleId: row.moderatorRoleId,
    supporterRoleId: row.supporterRoleId,
    alertModerators: row.alertModerators,
    questions: readQuestions(row.questions),
  };
}

export function describeQuestions(questions: readonly Question[]): string {
  return questions.map((q) => ('builtIn' in q ? q.builtIn : `"${q.own}"`)).join(', ');
}
