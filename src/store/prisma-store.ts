import { stepsOf, type Database } from '../db/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { STATE_SHAPE, emptyState, type ConversationState } from '../engine/types.js';
import { earliestDue, type CommitOutcome, type CommitRequest, type CheckInSummary, type ConversationStore, type PersonExport, type RecoveryPlan, type StoredConversation } from './conversation-store.js';
import type { ConversationKey } from '../core/address.js';
import type { NoteCipher } from '../crypto/note-cipher.js';
import { parseRecord, type ParsedRecord } from './records.js';
import { CommunityStore } from './community-store.js';
import { communityKey } from '../core/address.js';
import { ScheduleStore, factsFrom, type Db } from './schedule-store.js';
import type { PersonFacts } from '../engine/types.js';
import { daysToText } from '../schedule/parse.js';
import { readEventTimes } from '../schedule/schedule-record.js';
import { formatMinute } from '../schedule/zoned-time.js';

class Conflict extends Error {}

type Row = { id: string; personId: string; platform: string; chatId: string; state: unknown; version: number };
/** What is loaded with a person for flows to use: facts, their plan, supporters and last check-in. */
type Extras = Pick<StoredConversation, 'facts' | 'plan' | 'supporters' | 'lastCheckIn' | 'progress' | 'crisisRegion'>;
type Person = { personId: string; reachable: boolean; consented: boolean; locale: string | null } & Extras;
const scheduleFacts = { select: { paused: true, pausedUntil: true, unreachable: true } } as const;
const planFields = { select: { reasons: true, triggers: true, warningSigns: true, coping: true, people: true } } as const;
const extrasSelect = {
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
type ExtrasRow = {
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
type PlanRow = { reasons: string | null; triggers: string | null; warningSigns: string | null; coping: string | null; people: string | null } | null;
const PLAN_PIECES = { reasons: 'reasons', triggers: 'triggers', 'warning-signs': 'warningSigns', coping: 'coping', people: 'people' } as const;

/** Conversations in Postgres, updated with optimistic locking on `version`. */
/**
 * A conversation's new state, if it still has the version this process read ($1 state, $2 next due time as UTC
 * text, $3 id, $4 version). Dates go as ISO text in UTC, as Prisma stores them (pg would send a Date in the process's
 * time zone), and the database's clock is read in UTC too (now() cast to a plain timestamp takes the session's zone).
 */
const UPDATE_STATE = `UPDATE "Conversation"
   SET "state" = $1::jsonb, "version" = "version" + 1, "nextDueAt" = $2::timestamp(3), "updatedAt" = now() AT TIME ZONE 'UTC'
 WHERE "id" = $3::uuid AND "version" = $4`;

export class PrismaConversationStore implements ConversationStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: NoteCipher,
  ) {}

  async open(key: ConversationKey, locale?: string): Promise<StoredConversation> {
    const person = await this.personFor(key);
    const { personId, reachable, consented } = person;
    const extras: Extras = { facts: person.facts, plan: person.plan, supporters: person.supporters, lastCheckIn: person.lastCheckIn, progress: person.progress, crisisRegion: person.crisisRegion };
    // Someone who writes to us can be reached again, and check-ins that stopped for that reason start again.
    if (!reachable) {
      await this.setReachable(key.platform, key.userId, true);
      await ScheduleStore.liftUnreachable(this.db, personId, Date.now());
    }
    const clean = locale && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(locale) ? locale.slice(0, 35) : undefined;
    if (clean && clean !== person.locale) await this.db.person.update({ where: { id: personId }, data: { locale: clean } });
    const personLocale = clean ?? person.locale;
    const where = { platform_chatId_personId: { platform: key.platform, chatId: key.chatId, personId } };
    const found = await this.db.conversation.findUnique({ where });
    if (found) return toStored(found, key.userId, true, consented, personLocale, extras);
    try {
      const created = await this.db.conversation.create({
        data: { personId, platform: key.platform, chatId: key.chatId, state: emptyState as unknown as Prisma.InputJsonValue },
      });
      return toStored(created, key.userId, true, consented, personLocale, extras);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return toStored(await this.db.conversation.findUniqueOrThrow({ where }), key.userId, true, consented, personLocale, extras);
    }
  }

  async knows(platform: string, userId: string): Promise<boolean> {
    return (await this.db.identity.count({ where: { platform, externalId: userId } })) > 0;
  }

  async setReachable(platform: string, userId: string, reachable: boolean): Promise<void> {
    await this.db.identity.updateMany({ where: { platform, externalId: userId }, data: { reachable } });
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const row = await this.db.conversation.findUnique({
      where: { id: conversationId },
      include: {
        person: { select: { consentedAt: true, locale: true, ...extrasSelect, identities: { select: { platform: true, externalId: true, reachable: true } } } },
      },
    });
    if (!row) return undefined;
    const identity = row.person.identities.find((i) => i.platform === row.platform);
    return toStored(row, identity?.externalId ?? '', identity?.reachable ?? false, row.person.consentedAt !== null, row.person.locale, this.readExtras(row.person));
  }

  async setConsent(personId: string, at: Date): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { consentedAt: at } });
  }

  async commit(current: StoredConversation, request: CommitRequest): Promise<CommitOutcome> {
    const data = {
      state: request.state as unknown as Prisma.InputJsonValue,
      version: { increment: 1 },
      nextDueAt: earliestDue(request.state),
    };
    const next: StoredConversation = { ...current, state: request.state, version: current.version + 1 };
    // The common case, one answer with nothing else to store, needs no transaction: one statement, written as SQL
    // because Prisma's client walks a JSON value key by key (measured: 1.14 ms against 0.95 ms for the same
    // statement raw, and 3.7 ms against 1.5 ms for a large state), and sent through pg on the step pool (see
    // db/client.ts stepsOf: its commits do not wait for the disk).
    // With a platform's dedup key, the key is written only if the conditional UPDATE matched; a key seen before fails
    // the INSERT, and with it the whole statement (the UPDATE too), as a transaction of four would have rolled back.
    if (request.records.length === 0) {
      const values = [JSON.stringify(request.state), data.nextDueAt?.toISOString() ?? null, current.id, current.version];
      const statement =
        request.dedupKey === undefined
          ? UPDATE_STATE
          : `WITH updated AS (${UPDATE_STATE} RETURNING 1)
             INSERT INTO "ProcessedEvent" ("key", "createdAt") SELECT $5, now() AT TIME ZONE 'UTC' FROM updated`;
      try {
        const { rowCount } = await stepsOf(this.db).query(statement, request.dedupKey === undefined ? values : [...values, request.dedupKey.slice(0, 200)]);
        return rowCount === 1 ? { kind: 'committed', conversation: next } : { kind: 'conflict' };
      } catch (error) {
        if ((error as { code?: unknown }).code === '23505') return { kind: 'duplicate' };
        throw error;
      }
    }
    const records = request.records.map(parseRecord);
    const now = request.now ?? Date.now();
    try {
      const changed = await this.db.$transaction(async (tx) => {
        if (request.dedupKey !== undefined) await tx.processedEvent.create({ data: { key: request.dedupKey.slice(0, 200) } });
        const { count } = await tx.conversation.updateMany({ where: { id: current.id, version: current.version }, data });
        if (count !== 1) throw new Conflict();
        for (const record of records) await this.store(tx, current, record, now);
        // What the person's other chats know of them (plan, supporters, streak, schedule) has changed: a process
        // holding one of them in its cache gets a conflict on its next write and reads afresh.
        if (records.length > 0) await tx.conversation.updateMany({ where: { personId: current.personId, id: { not: current.id } }, data: { version: { increment: 1 } } });
        return records.length > 0;
      });
      // A record can change what flows know about the person (a schedule, the plan, a supporter, a check-in): read
      // it again, outside the transaction (Prisma loads the relations in parallel, which one connection cannot).
      if (!changed) return { kind: 'committed', conversation: next };
      const person = await this.db.person.findUniqueOrThrow({ where: { id: current.personId }, select: extrasSelect });
      return { kind: 'committed', conversation: { ...next, ...this.readExtras(person, now) } };
    } catch (error) {
      if (error instanceof Conflict) return { kind: 'conflict' };
      if (isUniqueViolation(error)) return { kind: 'duplicate' };
      throw error;
    }
  }

  /** Stores one record inside the commit's transaction. */
  private async store(tx: Db, current: StoredConversation, record: ParsedRecord, now: number): Promise<void> {
    switch (record.type) {
      case 'checkin':
        await tx.checkIn.create({
          data: {
            ...record.data,
            // What people write in their own words is encrypted at rest.
            note: this.cipher.encryptOptional(record.data.note),
            emotionOther: this.cipher.encryptOptional(record.data.emotionOther),
            personId: current.personId,
            conversationId: current.id,
            platform: current.platform,
          },
        });
        return;
      case 'group-checkin': {
        const communityId = await CommunityStore.idOf(tx, record.scope.community);
        if (!communityId) return; // the community is gone: nothing to count toward
        const answers = this.cipher.encrypt(JSON.stringify(record.answers));
        const key = { personId: current.personId, communityId, occasion: record.scope.occasion };
        // Answering the same group check-in again replaces the earlier answers: each person counts once.
        await tx.groupAnswer.upsert({ where: { personId_communityId_occasion: key }, create: { ...key, mood: record.mood, answers }, update: { mood: record.mood, answers } });
        return;
      }
      case 'schedule':
        return ScheduleStore.save(tx, current.personId, current.id, record.recurrence, now);
      case 'pause':
        return ScheduleStore.pause(tx, current.personId, record.values, now);
      case 'resume':
        return ScheduleStore.resume(tx, current.personId, now);
      case 'community-setting':
        return CommunityStore.applySetting(tx, record.scope, current.userId, record.field, record.value, now);
      case 'plan-piece': {
        const field = PLAN_PIECES[record.piece];
        const value = this.cipher.encrypt(record.text);
        await tx.plan.upsert({ where: { personId: current.personId }, create: { personId: current.personId, [field]: value }, update: { [field]: value } });
        return;
      }
      case 'event': {
        const schedule = await tx.schedule.findUnique({ where: { personId: current.personId }, select: { timeZone: true } });
        const times = readEventTimes(record.values, schedule?.timeZone);
        const text = (k: string) => {
          const v = record.values[k];
          return typeof v === 'string' && v ? this.cipher.encrypt(v) : null;
        };
        const standby = current.supporters.find((x) => `s${x.position}` === record.values.standby)?.name ?? (typeof record.values.standbyOther === 'string' ? record.values.standbyOther : null);
        await tx.eventPlan.create({
          data: {
            personId: current.personId,
            conversationId: current.id,
            what: this.cipher.encrypt(String(record.values.what ?? '')),
            startsAt: new Date(times.startsAt),
            timeZone: times.timeZone,
            withWhom: text('with'),
            leaving: text('leave'),
            standby: this.cipher.encryptOptional(standby),
            checkIns: { create: times.checkIns.filter((c) => c.dueAt > now).map((c) => ({ conversationId: current.id, dueAt: new Date(c.dueAt), kind: c.kind })) },
          },
        });
        return;
      }
      case 'crisis-region':
        await tx.person.update({ where: { id: current.personId }, data: { crisisRegion: record.region } });
        return;
      case 'count-from':
        await tx.person.update({ where: { id: current.personId }, data: { countFrom: record.date === null ? null : new Date(`${record.date}T00:00:00Z`) } });
        return;
      case 'supporter-add': {
        const taken = new Set((await tx.supporter.findMany({ where: { personId: current.personId }, select: { position: true } })).map((x) => x.position));
        const position = [1, 2, 3, 4, 5].find((p) => !taken.has(p));
        if (position === undefined) return; // five already: the flow only offers "add" below five
        await tx.supporter.create({
          data: { personId: current.personId, position, name: this.cipher.encrypt(record.name), how: this.cipher.encryptOptional(record.how) },
        });
        return;
      }
      case 'supporter-remove': {
        await tx.supporter.deleteMany({ where: { personId: current.personId, position: record.position } });
        // The rest move up, so the list stays 1..n in the person's order.
        const rest = await tx.supporter.findMany({ where: { personId: current.personId, position: { gt: record.position } }, orderBy: { position: 'asc' } });
        for (const x of rest) await tx.supporter.update({ where: { id: x.id }, data: { position: x.position - 1 } });
        return;
      }
      case 'slip':
        await tx.slip.create({
          data: {
            personId: current.personId,
            need: record.need,
            happened: this.cipher.encryptOptional(record.happened),
            before: this.cipher.encryptOptional(record.before),
            repair: this.cipher.encryptOptional(record.repair),
            helper: this.cipher.encryptOptional(record.helper),
          },
        });
        return;
    }
  }

  private readExtras(row: ExtrasRow, now = Date.now()): Extras {
    const plan = this.readPlan(row.plan);
    const supporters = row.supporters.map((x) => ({ position: x.position, name: this.cipher.decrypt(x.name), how: this.cipher.decryptOptional(x.how) }));
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

  private readPlan(row: PlanRow): RecoveryPlan | null {
    if (!row) return null;
    const d = (v: string | null) => this.cipher.decryptOptional(v);
    return { reasons: d(row.reasons), triggers: d(row.triggers), warningSigns: d(row.warningSigns), coping: d(row.coping), people: d(row.people) };
  }

  async checkInsSince(personId: string, since: Date) {
    const rows = await this.db.checkIn.findMany({
      where: { personId, createdAt: { gte: since } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, mood: true, craving: true, stress: true, sleepHours: true, emotion: true, need: true, response: true },
    });
    return rows.map(({ createdAt, ...r }) => ({ ...r, at: createdAt }));
  }

  async timeZoneOf(personId: string): Promise<string | undefined> {
    return (await this.db.schedule.findUnique({ where: { personId }, select: { timeZone: true } }))?.timeZone;
  }

  async recentCheckIns(personId: string, limit: number): Promise<readonly CheckInSummary[]> {
    const rows = await this.db.checkIn.findMany({
      where: { personId },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true, mood: true, craving: true, stress: true, sleepHours: true, emotion: true, need: true },
    });
    return rows.map(({ createdAt, ...r }) => ({ ...r, at: createdAt }));
  }

  /** A person's check-ins, oldest first, with their words decrypted. */
  async checkInsOf(personId: string) {
    const rows = await this.db.checkIn.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ ...r, note: this.cipher.decryptOptional(r.note), emotionOther: this.cipher.decryptOptional(r.emotionOther) }));
  }

  async exportPerson(personId: string): Promise<PersonExport> {
    const person = await this.db.person.findUniqueOrThrow({
      where: { id: personId },
      include: {
        identities: true,
        conversations: true,
        schedule: true,
        plan: planFields,
        slips: { orderBy: { createdAt: 'asc' } },
        supporters: { orderBy: { position: 'asc' }, include: { requests: { orderBy: { createdAt: 'asc' } } } },
        events: { orderBy: { startsAt: 'asc' }, include: { checkIns: { orderBy: { dueAt: 'asc' } } } },
        groupAnswers: { include: { community: { select: { platform: true, externalId: true } } } },
      },
    });
    const checkIns = (await this.checkInsOf(personId)).map(({ personId: _p, conversationId: _c, id: _i, ...rest }) => ({ ...rest, createdAt: rest.createdAt.toISOString() }));
    return {
      exportedAt: new Date().toISOString(),
      person: { createdAt: person.createdAt.toISOString(), consentedAt: person.consentedAt?.toISOString() ?? null, locale: person.locale, crisisRegion: person.crisisRegion },
      identities: person.identities.map((i) => ({ platform: i.platform, id: i.externalId })),
      checkIns,
      plan: this.readPlan(person.plan),
      supporters: person.supporters.map((x) => ({
        name: this.cipher.decrypt(x.name),
        howToReach: this.cipher.decryptOptional(x.how),
        ...(x.linkedPersonId ? { receivesRequestsThroughTether: true } : {}),
        ...(x.requests.length ? { requests: x.requests.map((r) => ({ at: r.createdAt.toISOString(), text: this.cipher.decrypt(r.text), answer: r.reply })) } : {}),
      })),
      events: person.events.map((e) => ({
        what: this.cipher.decrypt(e.what),
        startsAt: e.startsAt.toISOString(),
        timeZone: e.timeZone,
        with: this.cipher.decryptOptional(e.withWhom),
        leaving: this.cipher.decryptOptional(e.leaving),
        standby: this.cipher.decryptOptional(e.standby),
        checkIns: e.checkIns.map((c) => ({ kind: c.kind, at: c.dueAt.toISOString(), sent: c.sentAt !== null })),
      })),
      countingDaysFrom: person.countFrom?.toISOString().slice(0, 10) ?? null,
      slips: person.slips.map((x) => ({
        at: x.createdAt.toISOString(),
        whatHappened: this.cipher.decryptOptional(x.happened),
        before: this.cipher.decryptOptional(x.before),
        need: x.need,
        nextStep: this.cipher.decryptOptional(x.repair),
        whoCouldHelp: this.cipher.decryptOptional(x.helper),
      })),
      groupCheckIns: person.groupAnswers.map((g) => ({
        community: `${g.community.platform}:${g.community.externalId}`,
        occasion: g.occasion,
        answers: JSON.parse(this.cipher.decrypt(g.answers)) as unknown,
        answeredAt: g.createdAt.toISOString(),
      })),
      schedule: person.schedule
        ? {
            days: daysToText(person.schedule.days),
            time: formatMinute(person.schedule.minuteOfDay),
            timeZone: person.schedule.timeZone,
            quietHours: person.schedule.quietStart !== null && person.schedule.quietEnd !== null ? `${formatMinute(person.schedule.quietStart)}-${formatMinute(person.schedule.quietEnd)}` : null,
            paused: person.schedule.paused,
            pausedUntil: person.schedule.pausedUntil?.toISOString() ?? null,
            nextCheckIn: person.schedule.nextRunAt?.toISOString() ?? null,
          }
        : null,
      conversations: person.conversations.map((c) => {
        const state = readState(c.state);
        return {
          platform: c.platform,
          inProgress: state.stack.map((r) => r.flowId),
          scheduled: state.timers.map((t) => ({ kind: t.kind === 'step' ? 'exercise step' : `follow-up (${t.flowId ?? ''})`, dueAt: new Date(t.dueAt).toISOString() })),
        };
      }),
    };
  }

  async forgetPerson(personId: string) {
    const conversations = await this.db.conversation.findMany({ where: { personId }, select: { id: true, state: true } });
    const identities = await this.db.identity.findMany({ where: { personId }, select: { externalId: true } });
    await this.db.$transaction(async (tx) => {
      // Where others point at this person, the pointers go too: as someone's supporter, as a moderator getting alerts.
      await tx.supporter.updateMany({ where: { linkedPersonId: personId }, data: { linkedPersonId: null, linkedConversationId: null } });
      for (const { externalId } of identities) {
        const communities = await tx.community.findMany({ where: { alertModerators: { has: externalId } }, select: { id: true, alertModerators: true } });
        for (const c of communities) await tx.community.update({ where: { id: c.id }, data: { alertModerators: c.alertModerators.filter((m) => m !== externalId) } });
      }
      await tx.auditEntry.updateMany({ where: { actor: { in: identities.map((i) => i.externalId) } }, data: { actor: 'a former moderator' } });
      // One delete: identities, conversations, check-ins, plans, schedules and the rest go with the person (ON DELETE CASCADE).
      await tx.person.deleteMany({ where: { id: personId } });
    });
    return conversations.map((c) => ({ conversationId: c.id, timerIds: readState(c.state).timers.map((t) => t.id) }));
  }

  async pendingTimers() {
    const rows = await this.db.conversation.findMany({ where: { nextDueAt: { not: null } }, select: { id: true, state: true } });
    return rows.flatMap((row) => readState(row.state).timers.map((timer) => ({ conversationId: row.id, timer })));
  }

  private async personFor(key: ConversationKey): Promise<Person> {
    const where = { platform_externalId: { platform: key.platform, externalId: key.userId } };
    const select = { personId: true, reachable: true, person: { select: { consentedAt: true, locale: true, ...extrasSelect } } };
    type Found = { personId: string; reachable: boolean; person: { consentedAt: Date | null; locale: string | null } & ExtrasRow };
    const read = (i: Found): Person => ({
      personId: i.personId,
      reachable: i.reachable,
      consented: i.person.consentedAt !== null,
      locale: i.person.locale,
      ...this.readExtras(i.person),
    });
    const identity = await this.db.identity.findUnique({ where, select });
    if (identity) return read(identity);
    try {
      const person = await this.db.person.create({
        data: { identities: { create: { platform: key.platform, externalId: key.userId } } },
        select: { id: true },
      });
      return {
        personId: person.id,
        reachable: true,
        consented: false,
        locale: null,
        facts: { scheduled: false, paused: false, milestoneNext: true },
        plan: null,
        supporters: [],
        lastCheckIn: null,
        progress: { checkIns: 0, streakDays: 0, countFrom: null, community: null, communityMember: null },
        crisisRegion: null,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two first messages at once: the other one created the person.
      return read(await this.db.identity.findUniqueOrThrow({ where, select }));
    }
  }
}

function toStored(row: Row, userId: string, reachable: boolean, consented: boolean, locale: string | null, extras: Extras): StoredConversation {
  return {
    ...extras,
    reachable,
    consented,
    locale,
    id: row.id,
    personId: row.personId,
    platform: row.platform,
    chatId: row.chatId,
    userId,
    state: readState(row.state),
    version: row.version,
  };
}

/** Reads stored JSON as state; an unknown shape starts afresh rather than being misread. */
function readState(json: unknown): ConversationState {
  const state = json as Partial<ConversationState> | null;
  if (!state || state.shape !== STATE_SHAPE || !Array.isArray(state.stack) || !Array.isArray(state.timers)) return emptyState;
  return state as ConversationState;
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

