import type { ConversationKey } from '../core/address.js';
import type { ConversationState, PendingTimer, PersonFacts, RecordEffect } from '../engine/types.js';

export interface StoredConversation {
  readonly id: string;
  readonly personId: string;
  readonly platform: string;
  readonly chatId: string;
  /** The platform user id the conversation belongs to (for delivering timed messages). */
  readonly userId: string;
  readonly state: ConversationState;
  readonly version: number;
  /** False once the platform said the person cannot be reached there. */
  readonly reachable: boolean;
  /** Whether the person agreed to Tether storing what they share. */
  readonly consented: boolean;
  /**
   * The person's locale as their platform reports it (`en-US`, Telegram's `es`), if known: the language crisis help
   * speaks. Never a region.
   */
  readonly locale: string | null;
  /** The country the person chose for crisis lines when asked (see safety/crisis-region.ts), if they did. */
  readonly crisisRegion: string | null;
  /** What flows can branch on: whether the person has scheduled check-ins, and whether they are paused. */
  readonly facts: PersonFacts;
  /** The person's recovery plan, decrypted (shown back on a strong craving and by /plan). */
  readonly plan: RecoveryPlan | null;
  /** Their supporters in order, decrypted (the five places; empty ones absent). */
  readonly supporters: readonly SupporterEntry[];
  /** The feeling and need of their last check-in, for wording a request to a supporter. */
  readonly lastCheckIn: { readonly emotion: string; readonly need: string } | null;
  /** Milestones, celebrated privately: check-ins in all, days in a row, and days since a date they chose. */
  readonly progress: Progress;
}

export interface Progress {
  readonly checkIns: number;
  /** Days in a row (UTC) with a check-in, ending today or yesterday. */
  readonly streakDays: number;
  readonly countFrom: Date | null;
  /** The community of their latest group check-in, where they may choose to share a milestone. */
  readonly community: string | null;
  /** Who the person is on that community's platform (their user id there), to check they are still a member. */
  readonly communityMember: string | null;
}

export interface SupporterEntry {
  readonly position: number;
  readonly name: string;
  readonly how: string | null;
}

export interface RecoveryPlan {
  readonly reasons: string | null;
  readonly triggers: string | null;
  readonly warningSigns: string | null;
  readonly coping: string | null;
  readonly people: string | null;
}

/** A check-in in short form, for /history. */
export interface CheckInSummary {
  readonly at: Date;
  readonly mood: number;
  readonly craving: number;
  readonly stress: number;
  readonly sleepHours: number | null;
  readonly emotion: string;
  readonly need: string;
}

export type CommitOutcome =
  | { readonly kind: 'committed'; readonly conversation: StoredConversation }
  /** Someone else changed the conversation first: reload and apply the event again. */
  | { readonly kind: 'conflict' }
  /** This delivery was handled before (same dedup key): do nothing. */
  | { readonly kind: 'duplicate' };

export interface CommitRequest {
  readonly state: ConversationState;
  readonly records: readonly RecordEffect[];
  /** A platform's id for this delivery; a second commit with the same key is a duplicate. */
  readonly dedupKey?: string | undefined;
  /** The runtime's clock, for records that plan ahead (a schedule's next check-in). */
  readonly now?: number;
}

/**
 * Where conversations live. The runtime talks only to this interface; Postgres (prisma-store.ts) is the real one,
 * memory-store.ts serves the engine benchmark.
 */
export interface ConversationStore {
  /**
   * Finds the conversation for `key`, creating the person, identity and conversation on first contact. A `locale`
   * from the platform is remembered for the person.
   */
  open(key: ConversationKey, locale?: string): Promise<StoredConversation>;
  get(conversationId: string): Promise<StoredConversation | undefined>;
  /** Stores the new state if the stored version is still `current.version`, together with the records. */
  commit(current: StoredConversation, request: CommitRequest): Promise<CommitOutcome>;
  /** Records the person's agreement (see flows/consent.ts). */
  setConsent(personId: string, at: Date): Promise<void>;
  /** Whether this platform user has talked to Tether before. */
  knows(platform: string, userId: string): Promise<boolean>;
  /** Records whether a person can be reached on a platform (a message from them makes them reachable again). */
  setReachable(platform: string, userId: string, reachable: boolean): Promise<void>;
  /** Everything held about a person, people's words decrypted: what /mydata sends. */
  exportPerson(personId: string): Promise<PersonExport>;
  /** Deletes the person and everything about them; returns the timers their conversations were waiting for. */
  forgetPerson(personId: string): Promise<ReadonlyArray<{ readonly conversationId: string; readonly timerIds: readonly string[] }>>;
  /** The person's last `limit` check-ins, newest first. */
  recentCheckIns(personId: string, limit: number): Promise<readonly CheckInSummary[]>;
  /** The time zone the person chose for their check-ins (/schedule), if they did: times are shown in it. */
  timeZoneOf(personId: string): Promise<string | undefined>;
  /** The person's check-ins since `since`, oldest first (for /trends). */
  checkInsSince(personId: string, since: Date): Promise<readonly (CheckInSummary & { readonly response: string })[]>;
  /** Every timer any conversation waits for: start-up re-arms them in the queue. */
  pendingTimers(): Promise<ReadonlyArray<{ readonly conversationId: string; readonly timer: PendingTimer }>>;
}

export interface PersonExport {
  readonly exportedAt: string;
  readonly person: { readonly createdAt: string; readonly consentedAt: string | null; readonly locale: string | null; readonly crisisRegion?: string | null };
  readonly identities: ReadonlyArray<{ readonly platform: string; readonly id: string }>;
  readonly checkIns: readonly unknown[];
  readonly groupCheckIns: readonly unknown[];
  readonly plan: RecoveryPlan | null;
  readonly slips: readonly unknown[];
  readonly supporters: readonly unknown[];
  readonly events?: readonly unknown[];
  readonly countingDaysFrom?: string | null;
  readonly schedule: Readonly<Record<string, string | boolean | null>> | null;
  readonly conversations: ReadonlyArray<{ readonly platform: string; readonly inProgress: readonly string[]; readonly scheduled: ReadonlyArray<{ readonly kind: string; readonly dueAt: string }> }>;
}

export function earliestDue(state: ConversationState): Date | null {
  let min: number | undefined;
  for (const t of state.timers) if (min === undefined || t.dueAt < min) min = t.dueAt;
  return min === undefined ? null : new Date(min);
}
