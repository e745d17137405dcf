import type { NoteCipher } from '../crypto/note-cipher.js';
import { readEventTimes } from '../schedule/schedule-record.js';
import { CommunityStore } from './community-store.js';
import type { StoredConversation } from './conversation-store.js';
import type { ParsedRecord } from './records.js';
import { ScheduleStore } from './schedule-store.js';
import type { Db } from './db.js';

/*
 * Writing the lasting facts a flow produced (a check-in, a plan piece, a supporter, a schedule), each already
 * checked by records.ts, inside the transaction that stores the conversation's new state. Words people wrote
 * themselves are encrypted at rest.
 */

const PLAN_PIECES = { reasons: 'reasons', triggers: 'triggers', 'warning-signs': 'warningSigns', coping: 'coping', people: 'people' } as const;

/** Stores one record inside the commit's transaction. */
export async function writeRecord(tx: Db, cipher: NoteCipher, current: StoredConversation, record: ParsedRecord, now: number): Promise<void> {
  switch (record.type) {
    case 'checkin':
      await tx.checkIn.create({
        data: {
          ...record.data,
          // What people write in their own words is encrypted at rest.
          note: cipher.encryptOptional(record.data.note),
          emotionOther: cipher.encryptOptional(record.data.emotionOther),
          personId: current.personId,
          conversationId: current.id,
          platform: current.platform,
        },
      });
      return;
    case 'group-checkin': {
      const communityId = await CommunityStore.idOf(tx, record.scope.community);
      if (!communityId) return; // the community is gone: nothing to count toward
      const answers = cipher.encrypt(JSON.stringify(record.answers));
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
      const value = cipher.encrypt(record.text);
      await tx.plan.upsert({ where: { personId: current.personId }, create: { personId: current.personId, [field]: value }, update: { [field]: value } });
      return;
    }
    case 'event': {
      const schedule = await tx.schedule.findUnique({ where: { personId: current.personId }, select: { timeZone: true } });
      const times = readEventTimes(record.values, schedule?.timeZone);
      const text = (k: string) => {
        const v = record.values[k];
        return typeof v === 'string' && v ? cipher.encrypt(v) : null;
      };
      const standby = current.supporters.find((x) => `s${x.position}` === record.values.standby)?.name ?? (typeof record.values.standbyOther === 'string' ? record.values.standbyOther : null);
      await tx.eventPlan.create({
        data: {
          personId: current.personId,
          conversationId: current.id,
          what: cipher.encrypt(String(record.values.what ?? '')),
          startsAt: new Date(times.startsAt),
          timeZone: times.timeZone,
          withWhom: text('with'),
          leaving: text('leave'),
          standby: cipher.encryptOptional(standby),
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
        data: { personId: current.personId, position, name: cipher.encrypt(record.name), how: cipher.encryptOptional(record.how) },
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
          happened: cipher.encryptOptional(record.happened),
          before: cipher.encryptOptional(record.before),
          repair: cipher.encryptOptional(record.repair),
          helper: cipher.encryptOptional(record.helper),
        },
      });
      return;
  }
}
