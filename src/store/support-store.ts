import { oneTimeCode } from '../lib/one-time-code.js';
import { codeTries } from './code-tries.js';
import type { NoteCipher } from '../crypto/note-cipher.js';
import type { Database } from '../db/client.js';

/*
 * Supporters who opted in to receive a person's requests through Tether: an invitation code the person hands them,
 * their acceptance (with /support, on any platform), requests, and one-tap answers. Names and requests are encrypted.
 */

const INVITE_TTL_MS = 48 * 3_600_000;

export type AcceptOutcome = { readonly ok: true; readonly shownAs: string } | { readonly ok: false; readonly reason: 'invalid' | 'too-many-tries' };

export type RequestOutcome =
  | { readonly linked: false; readonly name: string }
  | { readonly linked: true; readonly name: string; readonly requestId: string; readonly shownAs: string; readonly supporterConversationId: string };

export class SupportStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: NoteCipher,
  ) {}

  /** A code for the supporter at `position` ("s1"…), who will see the person as `shownAs`. */
  async invite(personId: string, position: string, shownAs: string, now: number, expectedName?: string): Promise<{ code: string; name: string } | undefined> {
    const n = Number(/^s([1-5])$/.exec(position)?.[1]);
    const supporter = await this.db.supporter.findUnique({ where: { personId_position: { personId, position: n } } });
    if (!supporter) return undefined;
    // The person chose a name from the list they saw: if that place holds someone else now, do nothing.
    if (expectedName !== undefined && this.cipher.decrypt(supporter.name) !== expectedName) return undefined;
    const code = oneTimeCode();
    await this.db.supporter.update({
      where: { id: supporter.id },
      data: { inviteCode: code, inviteExpiresAt: new Date(now + INVITE_TTL_MS), shownAs: this.cipher.encrypt(shownAs.trim().slice(0, 60) || 'Someone') },
    });
    return { code, name: this.cipher.decrypt(supporter.name) };
  }

  /** The supporter accepts: requests will come to `conversationId`. */
  async accept(code: string, supporterPersonId: string, conversationId: string, now: number): Promise<AcceptOutcome> {
    const tried = await codeTries.take(this.db, supporterPersonId, now);
    if (!tried) return { ok: false, reason: 'too-many-tries' };
    const accepted = await this.tryAccept(code, supporterPersonId, conversationId, now);
    if (!accepted) return { ok: false, reason: 'invalid' };
    await codeTries.giveBack(this.db, tried);
    return { ok: true, ...accepted };
  }

  /** Undefined for a wrong, used or expired code. */
  private async tryAccept(code: string, supporterPersonId: string, conversationId: string, now: number): Promise<{ shownAs: string } | undefined> {
    const supporter = await this.db.supporter.findUnique({ where: { inviteCode: code } });
    if (!supporter || !supporter.inviteExpiresAt || supporter.inviteExpiresAt.getTime() <= now || supporter.personId === supporterPersonId) return undefined;
    const { count } = await this.db.supporter.updateMany({
      where: { id: supporter.id, inviteCode: code },
      data: { inviteCode: null, inviteExpiresAt: null, linkedPersonId: supporterPersonId, linkedConversationId: conversationId },
    });
    if (count !== 1) return undefined;
    return { shownAs: this.cipher.decryptOptional(supporter.shownAs) ?? 'Someone' };
  }

  async request(personId: string, position: string, text: string, requesterConversationId: string, expectedName?: string): Promise<RequestOutcome | undefined> {
    const n = Number(/^s([1-5])$/.exec(position)?.[1]);
    const supporter = await this.db.supporter.findUnique({ where: { personId_position: { personId, position: n } } });
    if (!supporter) return undefined;
    const name = this.cipher.decrypt(supporter.name);
    // The person chose a name from the list they saw: if that place holds someone else now, send nothing.
    if (expectedName !== undefined && name !== expectedName) return undefined;
    // Linked to a conversation that is gone (they deleted their data): not linked any more.
    if (!supporter.linkedConversationId || (await this.db.conversation.count({ where: { id: supporter.linkedConversationId } })) === 0) return { linked: false, name };
    const request = await this.db.supportRequest.create({ data: { supporterId: supporter.id, requesterConversationId, text: this.cipher.encrypt(text) }, select: { id: true } });
    return { linked: true, name, requestId: request.id, shownAs: this.cipher.decryptOptional(supporter.shownAs) ?? 'Someone', supporterConversationId: supporter.linkedConversationId };
  }

  /** The supporter's answer, once: undefined for a request that is not theirs, gone, or answered already. */
  async reply(requestId: string, supporterPersonId: string, reply: string, now: number): Promise<{ requesterConversationId: string; name: string } | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(requestId)) return undefined;
    const request = await this.db.supportRequest.findUnique({ where: { id: requestId }, include: { supporter: true } });
    if (!request || request.supporter.linkedPersonId !== supporterPersonId) return undefined;
    const { count } = await this.db.supportRequest.updateMany({ where: { id: requestId, reply: null }, data: { reply, repliedAt: new Date(now) } });
    if (count !== 1) return undefined;
    return { requesterConversationId: request.requesterConversationId, name: this.cipher.decrypt(request.supporter.name) };
  }
}
