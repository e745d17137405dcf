import { oneTimeCode } from '../lib/one-time-code.js';
import { codeTries } from './code-tries.js';
import type { Database } from '../db/client.js';

/*
 * Joining one person's identities across platforms (/link) and separating them again (/unlink). A code is shown on one
 * platform, typed on another, works once and expires. Linking moves everything of the person who typed it to the
 * person who showed it; unlinking gives this platform a fresh person again.
 */

const CODE_TTL_MS = 15 * 60_000;
const MAX_SUPPORTERS = 5;

export type LinkOutcome =
  | { readonly ok: true; readonly conversationIds: readonly string[] }
  | { readonly ok: false; readonly reason: LinkFailure };

export type LinkFailure = 'invalid' | 'same-platform' | 'same-person' | 'already-linked' | 'too-many-tries';

export type UnlinkOutcome = { readonly ok: true; readonly conversationIds: readonly string[] } | { readonly ok: false; readonly reason: 'not-linked' };

export class LinkStore {
  constructor(private readonly db: Database) {}

  async createCode(personId: string, platform: string, now: number): Promise<{ code: string; expiresAt: Date }> {
    const code = oneTimeCode();
    const expiresAt = new Date(now + CODE_TTL_MS);
    // One live code per person: a new one replaces the old.
    await this.db.$transaction([this.db.linkCode.deleteMany({ where: { personId } }), this.db.linkCode.create({ data: { code, personId, platform, expiresAt } })]);
    return { code, expiresAt };
  }

  async redeem(code: string, redeemerId: string, platform: string, now: number): Promise<LinkOutcome> {
    const tried = await codeTries.take(this.db, redeemerId, now);
    if (!tried) return { ok: false, reason: 'too-many-tries' };
    const outcome = await this.tryRedeem(code, redeemerId, platform, now);
    // Linked: the redeemer's person row (and the try with it) is gone; nothing to give back.
    return outcome;
  }

  private async tryRedeem(code: string, redeemerId: string, platform: string, now: number): Promise<LinkOutcome> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.linkCode.findUnique({ where: { code } });
      if (!row || row.usedAt || row.expiresAt.getTime() <= now) return { ok: false, reason: 'invalid' } as const;
      if (row.platform === platform) return { ok: false, reason: 'same-platform' } as const;
      if (row.personId === redeemerId) return { ok: false, reason: 'same-person' } as const;
      const [keep, drop] = [row.personId, redeemerId];
      const platforms = async (personId: string) => new Set((await tx.identity.findMany({ where: { personId }, select: { platform: true } })).map((i) => i.platform));
      const kept = await platforms(keep);
      if ([...(await platforms(drop))].some((p) => kept.has(p))) return { ok: false, reason: 'already-linked' } as const;
      const used = await tx.linkCode.updateMany({ where: { code, usedAt: null }, data: { usedAt: new Date(now) } });
      if (used.count !== 1) return { ok: false, reason: 'invalid' } as const;

      const conversations = await tx.conversation.findMany({ where: { personId: { in: [keep, drop] } }, select: { id: true } });
      const move = { where: { personId: drop }, data: { personId: keep } };
      await tx.identity.updateMany(move);
      await tx.conversation.updateMany(move);
      await tx.checkIn.updateMany(move);
      await tx.slip.updateMany(move);
      await tx.groupAnswer.updateMany(move);
      await tx.eventPlan.updateMany(move);
      // Supporters: theirs after the kept ones, up to five, moved whole (their links, invitations and requests stay).
      const keptSupporters = await tx.supporter.count({ where: { personId: keep } });
      const incoming = await tx.supporter.findMany({ where: { personId: drop }, orderBy: { position: 'asc' } });
      for (const [i, s] of incoming.entries()) {
        if (keptSupporters + i < MAX_SUPPORTERS) await tx.supporter.update({ where: { id: s.id }, data: { personId: keep, position: keptSupporters + i + 1 } });
        else await tx.supporter.delete({ where: { id: s.id } });
      }
      // Where this person is someone else's supporter, they still are.
      await tx.supporter.updateMany({ where: { linkedPersonId: drop }, data: { linkedPersonId: keep } });
      // The plan: pieces written on either side, the kept side first.
      // One query at a time: a transaction is one connection.
      const a = await tx.plan.findUnique({ where: { personId: keep } });
      const b = await tx.plan.findUnique({ where: { personId: drop } });
      if (b) {
        await tx.plan.delete({ where: { personId: drop } });
        const merged = {
          reasons: a?.reasons ?? b.reasons,
          triggers: a?.triggers ?? b.triggers,
          warningSigns: a?.warningSigns ?? b.warningSigns,
          coping: a?.coping ?? b.coping,
          people: a?.people ?? b.people,
        };
        await tx.plan.upsert({ where: { personId: keep }, create: { personId: keep, ...merged }, update: merged });
      }
      // One schedule: the kept one, else theirs.
      if (!(await tx.schedule.findUnique({ where: { personId: keep } }))) await tx.schedule.updateMany(move);
      await tx.person.delete({ where: { id: drop } });
      const conversationIds = conversations.map((c) => c.id);
      await bumpVersions(tx, conversationIds);
      return { ok: true, conversationIds } as const;
    });
  }

  /** Separates this platform's identity into a person of its own, who has agreed already (they did, here). */
  async unlink(personId: string, platform: string, now: number): Promise<UnlinkOutcome> {
    return this.db.$transaction(async (tx) => {
      const identities = await tx.identity.findMany({ where: { personId } });
      const here = identities.filter((i) => i.platform === platform);
      if (here.length === 0 || here.length === identities.length) return { ok: false, reason: 'not-linked' } as const;
      const fresh = await tx.person.create({ data: { consentedAt: new Date(now) }, select: { id: true } });
      const moved = await tx.conversation.findMany({ where: { personId, platform }, select: { id: true } });
      await tx.identity.updateMany({ where: { personId, platform }, data: { personId: fresh.id } });
      await tx.conversation.updateMany({ where: { personId, platform }, data: { personId: fresh.id } });
      // A schedule goes with the chat it is delivered to.
      await tx.schedule.updateMany({ where: { personId, conversationId: { in: moved.map((c) => c.id) } }, data: { personId: fresh.id } });
      const all = await tx.conversation.findMany({ where: { personId: { in: [personId, fresh.id] } }, select: { id: true } });
      const conversationIds = all.map((c) => c.id);
      await bumpVersions(tx, conversationIds);
      return { ok: true, conversationIds } as const;
    });
  }
}

/**
 * Whose conversations these are has changed. A process that cached one of them (another gateway, a worker) would
 * otherwise go on with the old person; a new version makes its next write conflict, and it reads afresh.
 */
async function bumpVersions(tx: Pick<Database, 'conversation'>, conversationIds: readonly string[]): Promise<void> {
  await tx.conversation.updateMany({ where: { id: { in: [...conversationIds] } }, data: { version: { increment: 1 } } });
}
