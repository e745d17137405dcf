/**
 * What every part says to every other: what comes in from a person (an event), what goes out to them (a message).
 * Nothing here knows about a platform, a queue or a database; nothing here imports anything else in src.
 */

/** A run of text with optional emphasis. Text that a person typed is always a plain span, never parsed. */
export interface Span {
  readonly text: string;
  readonly bold?: true;
  readonly italic?: true;
  /**
   * A person or channel the platform can name its own way (Discord: a mention that pings no one; Telegram: a link to
   * the person). `text` is what shows where a platform cannot.
   */
  readonly mention?: { readonly kind: 'user' | 'channel'; readonly id: string };
}
export type RichText = readonly Span[];

export interface ChoiceOption {
  readonly id: string;
  readonly label: string;
}

/** What kind of answer a prompt takes, with `token` naming the prompt so a button press can be routed and checked. */
export type PromptInput =
  | { readonly kind: 'choice'; readonly token: string; readonly options: readonly ChoiceOption[] }
  | { readonly kind: 'scale'; readonly token: string; readonly min: number; readonly max: number; readonly minLabel: string; readonly maxLabel: string }
  | { readonly kind: 'number'; readonly token: string; readonly min: number; readonly max: number; readonly unit: string; readonly skip?: string }
  | { readonly kind: 'text'; readonly token: string; readonly maxLength: number; readonly skip?: string };

/** A button press on a prompt's skip button arrives as a choice with this value. */
export const SKIP_VALUE = 'skip';

/**
 * One message for the person. With `slot`, a platform that can edit messages replaces the last message it sent in
 * that slot (`replace: true`) instead of sending a new one, so a timed exercise is one message that changes.
 */
export interface OutboundMessage {
  readonly text: RichText;
  readonly input?: PromptInput;
  /** A file sent with the message (the person's data export as text, a chart as PNG bytes). */
  readonly file?: { readonly name: string; readonly mime: string; readonly content: string | Uint8Array };
  readonly slot?: string;
  readonly replace?: boolean;
  /**
   * A group check-in post's button: it opens a private check-in for this occasion (a deep link on Telegram, a
   * button on Discord). Never carries anything about a person.
   */
  readonly invite?: { readonly occasion: string; readonly label: string };
}

/**
 * Where a flow runs on behalf of a community (a Discord server or Telegram group), as the platform adapter
 * established it: which community, whether the person was verified as one of its moderators, the channel the
 * command came from, and the group check-in occasion a private check-in answers.
 */
export interface FlowScope {
  readonly community: string;
  readonly moderator?: boolean;
  readonly channel?: string;
  readonly occasion?: string;
  /** The community's chosen region for crisis lines, if its moderators set one. */
  readonly region?: string;
}

/** Everything that can happen to a conversation. */
export type InboundEvent =
  | { readonly type: 'command'; readonly name: string; readonly args?: string; readonly scope?: FlowScope }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'choice'; readonly token: string; readonly value: string }
  | { readonly type: 'timer'; readonly timerId: string }
  /** The platform can no longer reach the person: stop everything that would message them. */
  | { readonly type: 'unreachable' }
  /** The person's own schedule says it is time for `flowId` (a check-in); `occasion` names this one ("2027-03-08"). */
  | { readonly type: 'scheduled'; readonly flowId: string; readonly occasion: string; readonly intro?: boolean }
  /** The one gentle reminder for a scheduled check-in not yet answered. */
  | { readonly type: 'reminder'; readonly occasion: string };

/** A timer the engine asks for: it comes back as `{ type: 'timer', timerId: id }` at `dueAt`. */
export interface TimerRequest {
  readonly id: string;
  readonly dueAt: number;
}
