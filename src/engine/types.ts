import type { AnswerMap, AnswerValue } from './answer-map.js';
import type { FlowScope, OutboundMessage, TimerRequest } from '../core/messages.js';

/*
 * The shared message vocabulary lives in core/messages.ts. It is re-exported here for the files that still import it
 * from the engine (engine/text-gate.ts and the crisis detector's, which change on a branch of their own); new code
 * imports core/ directly.
 */
export type { ChoiceOption, FlowScope, InboundEvent, OutboundMessage, PromptInput, RichText, Span, TimerRequest } from '../core/messages.js';
export { SKIP_VALUE } from '../core/messages.js';

/**
 * The engine's own vocabulary: what is stored between two events and what handling one produces.
 * Nothing here knows about a platform, a queue or a database.
 */

export type { AnswerValue } from './answer-map.js';

/** One flow in progress. `stepId` is where it waits; `token` names the prompt it waits on. */
export interface FlowRun {
  readonly flowId: string;
  readonly runId: string;
  readonly stepId: string;
  readonly token: string;
  readonly answers: AnswerMap;
  /** For a flow started from inside another: the step of the parent to continue at when this one ends. */
  readonly resumeAt?: string;
  /** A flow to start when this one ends (the check-in someone asked for before agreeing to consent). */
  readonly then?: { readonly flowId: string; readonly args: string; readonly scope?: FlowScope };
  /** The step timer this run waits for, if any. */
  readonly waitingFor?: string;
  /** The message slot this run's last step used (see OutboundMessage.slot). */
  readonly slot?: string;
  /** Set when the person's schedule started this run: which occasion it answers. */
  readonly occasion?: string;
  /** Set when the run acts for a community (its settings, or a group check-in answered privately). */
  readonly scope?: FlowScope;
  /**
   * What the person typed for this run's question when a screen stopped it to ask whether they are safe. Given back
   * as the answer if they say they are (see the `end-held` target); dropped on every other way back.
   */
  readonly held?: string;
}

export type TimerKind = 'step' | 'follow-up';

export interface PendingTimer {
  readonly id: string;
  readonly kind: TimerKind;
  readonly dueAt: number;
  /** For follow-ups: the flow to start when it fires. */
  readonly flowId?: string;
  /** How many times a follow-up was put back because the person was busy. */
  readonly deferrals?: number;
}

/** 2: answers kept in an AnswerMap (see answer-map.ts). */
export const STATE_SHAPE = 2;

/** Stored per conversation. `shape` names the layout so an older stored shape is recognised, not misread. */
export interface ConversationState {
  readonly shape: typeof STATE_SHAPE;
  /** Flows in progress, innermost last. Empty when the person is not in a flow. */
  readonly stack: readonly FlowRun[];
  readonly timers: readonly PendingTimer[];
  /** A counter for run ids, tokens and timer ids, unique within the conversation. */
  readonly seq: number;
  /** The person was asked for consent here and said not now: plain messages get a short reply, not the whole ask. */
  readonly consentDeclined?: boolean;
  /**
   * How far the person's last screened message leaned towards a crisis (0-1) and when: the context a short next
   * message is read in ("im done" after "everyone would be better off"). A number, never what they wrote.
   */
  readonly concern?: { readonly at: number; readonly level: number };
}

export const emptyState: ConversationState = { shape: STATE_SHAPE, stack: [], timers: [], seq: 0 };

/** A lasting fact the runtime stores in the same transaction as the new state. */
export interface RecordEffect {
  readonly type: string;
  readonly values: Readonly<Record<string, AnswerValue>>;
  /** The community the run acted for, if any (settings go to it; a group check-in counts toward its summary). */
  readonly scope?: FlowScope;
}

/**
 * What only the runtime can do, after the new state is stored: record the person's consent, send them everything
 * Tether holds about them, or delete all of it.
 */
export type EngineAction =
  | { readonly kind: 'consent' }
  | { readonly kind: 'export' }
  | { readonly kind: 'forget' }
  /** Show the person their last check-ins, or their recovery plan. */
  | { readonly kind: 'history' }
  | { readonly kind: 'plan-show' }
  /** Their trends over 7 and 30 days: a chart and the same in words. */
  | { readonly kind: 'trends' }
  /** Joining identities across platforms: show a one-time code, redeem one typed here, or separate this one again. */
  | { readonly kind: 'link-code' }
  | { readonly kind: 'link-redeem'; readonly code: string }
  | { readonly kind: 'unlink' }
  /**
   * Supporters through Tether: invite one (a code for them), accept an invitation, send a request to one (`text` is
   * what the step said: the request itself).
   */
  | { readonly kind: 'supporter-invite' | 'support-accept' | 'reach-out-send' | 'milestone-share'; readonly args: Readonly<Record<string, AnswerValue>>; readonly text: string }
  /** A supporter's one-tap answer to a request (its buttons carry the token `req:<id>`). */
  | { readonly kind: 'support-reply'; readonly requestId: string; readonly reply: string }
  /** Show a moderator the community's settings, or its audit log. */
  | { readonly kind: 'community-overview'; readonly community: string }
  | { readonly kind: 'community-audit'; readonly community: string };

export type EngineActionKind = EngineAction['kind'];

/** What handling one event produced. */
export interface Transition {
  readonly state: ConversationState;
  readonly messages: readonly OutboundMessage[];
  /** Timers to arm; the runtime delivers each as `{ type: 'timer', timerId }` at `dueAt`. */
  readonly timers: readonly TimerRequest[];
  /** Timers no longer wanted (a cancelled exercise). Firing them anyway is harmless. */
  readonly cancelledTimers: readonly string[];
  readonly records: readonly RecordEffect[];
  readonly actions: readonly EngineAction[];
  /** The prompt this event answered, so a platform can mark its buttons as used. */
  readonly answered?: { readonly token: string; readonly display: string };
  /** A screen found a crisis in what the person wrote (its category): the runtime may alert a community's moderators. */
  readonly crisis?: string;
  /** Flows that reached their end in this turn (not cancelled or interrupted), by id: for counting, never for content. */
  readonly completed?: readonly string[];
  /** False when the event changed nothing (a duplicate timer, a stale button): nothing needs storing. */
  readonly changed: boolean;
}

export interface EngineSettings {
  /** Multiplies every timed wait of an exercise. */
  readonly timingScale: number;
  /** Delay before the gentle follow-up after a high craving. */
  readonly followUpMs: number;
  /** A craving at or above this is high. */
  readonly highCraving: number;
}

/** The languages Tether's crisis texts are written in (a full translation layer comes later). */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the runtime knows about the person that flows can branch on (`if: { fact: 'scheduled' }`). */
export interface PersonFacts {
  /** They have scheduled check-ins (paused or not). */
  readonly scheduled: boolean;
  /** Their scheduled check-ins are paused. */
  readonly paused: boolean;
  /** This is a whole channel's shared exercise (group breathing), not one person's conversation. */
  readonly group?: boolean;
  /** Which parts of their recovery plan they wrote (its text reaches flows as {@reasons}, {@coping}, {@people}). */
  readonly hasReasons?: boolean;
  readonly hasCoping?: boolean;
  readonly hasPeople?: boolean;
  /** Which of the five supporter places are filled (their names reach flows as {@supporter1}…). */
  readonly supporter1?: boolean;
  readonly supporter2?: boolean;
  readonly supporter3?: boolean;
  readonly supporter4?: boolean;
  readonly supporter5?: boolean;
  /** They have a check-in to build a request from ({@lastFeeling}, {@lastNeed}). */
  readonly hasLastCheckIn?: boolean;
  /** The check-in they are about to finish is a milestone (the 7th, the 30th…: {@nextCheckIn}). */
  readonly milestoneNext?: boolean;
  /** They chose a date to count days from ({@daysSince}). */
  readonly countingDays?: boolean;
  /** They took part in a community's group check-in (a milestone can be shared there, if they choose). */
  readonly inCommunity?: boolean;
  /** No region is known for their crisis lines and they were never asked: the crisis reply asks which country. */
  readonly askRegion?: boolean;
}

export const FACTS = [
  'scheduled',
  'paused',
  'group',
  'hasReasons',
  'hasCoping',
  'hasPeople',
  'supporter1',
  'supporter2',
  'supporter3',
  'supporter4',
  'supporter5',
  'hasLastCheckIn',
  'milestoneNext',
  'countingDays',
  'inCommunity',
  'askRegion',
] as const satisfies readonly (keyof PersonFacts)[];

/**
 * What the engine itself knows and flows can branch on: `resumable`, this run interrupted another flow that can
 * continue when it ends.
 */
export const ENGINE_FACTS = ['resumable'] as const;
