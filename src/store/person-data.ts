import type { Database } from '../db/client.js';
import type { NoteCipher } from '../crypto/note-cipher.js';
import { daysToText } from '../schedule/parse.js';
import { formatMinute } from '../schedule/zoned-time.js';
import type { CheckInSummary, PersonExport } from './conversation-store.js';
import { planFields, readPlan } from './person-view.js';
import { readState } from './stored-state.js';

/**
 * What a person can ask about their own data: their check-ins over time (/history, /trends), everything held
 * about them (/mydata, words decrypted) and deleting all of it (/forget).
 */
export class PersonData {
  constructor(
    private readonly db: Database,
    private readonly cipher: NoteCipher,
  ) {}

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
      plan: readPlan(this.cipher, person.plan),
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
}
