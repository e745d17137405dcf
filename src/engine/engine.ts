import { answerValues, emptyAnswers, getAnswer, setAnswer } from './answer-map.js';
import { readAnswer, typesAnOption, type AnswerResult } from './answers.js';
import { copy, helpText } from './copy.js';
import type { CompiledFlow, CompiledOption, CompiledStep, Condition, FlowRegistry, Target } from './flow.js';
import { compileTemplate, paragraphs, plain, renderTemplate, toPlainText } from './rich-text.js';
import { MAX_INBOUND_TEXT, passTextGate, type GateResult, type ScreenVerdict, type TextScreen } from './text-gate.js';
import { STATE_SHAPE, emptyState, type AnswerValue, type ConversationState, type EngineAction, type EngineSettings, type FlowRun, type Language, type PendingTimer, type PersonFacts, type RecordEffect, type Transition } from './types.js';
import { SKIP_VALUE, type InboundEvent, type FlowScope, type OutboundMessage, type PromptInput, type RichText, type TimerRequest } from '../core/messages.js';

/**
 * The conversation engine: (stored state, one inbound event) → (new state, messages, timers, records).
 * Pure and synchronous; the clock is passed in. The runtime stores the result and carries it out.
 */
export interface EngineContext {
  readonly now: number;
  readonly registry: FlowRegistry;
  readonly settings: EngineSettings;
  /** Checks every piece of free text before a flow reads it (see text-gate.ts). */
  readonly screens?: readonly TextScreen[];
  /** Whether the person agreed to Tether storing what they share. Flows that store wait for it. */
  readonly consented: boolean;
  /** Values for `{@name}` in flow texts (crisis lines for the person's region). */
  readonly vars?: Readonly<Record<string, string>>;
  /** What the runtime knows about the person, for `if: { fact }` conditions. */
  readonly facts?: PersonFacts;
  /**
   * The language the person uses, as their platform says (en or es). Without it, a flow started by a screen speaks
   * the language of the text that started it, and English otherwise.
   */
  readonly language?: Language;
}

/** The token of a request's answer buttons (see SUPPORT_REPLIES), followed by the request's id. */
export const REQUEST_TOKEN = 'req:';
export const SUPPORT_REPLIES = ['on-my-way', 'will-call', 'not-now'] as const;

/** Flows started from inside other flows nest at most this deep; beyond it the new flow replaces the stack. */
const MAX_DEPTH = 3;
/** A busy person's follow-up waits this long, at most this many times. */
const FOLLOW_UP_RETRY_MS = 10 * 60_000;
const FOLLOW_UP_MAX_DEFERRALS = 6;
/** Guards against a flow that keeps moving without asking or waiting (compileFlows already rejects such loops). */
const MAX_MOVES = 1000;

export class EngineError extends Error {
  constructor(
    message: string,
    readonly detail: { readonly flowId?: string | undefined; readonly stepId?: string | undefined },
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function handleEvent(stored: ConversationState | undefined, event: InboundEvent, ctx: EngineContext): Transition {
  const known = stored && stored.shape === STATE_SHAPE ? stored : emptyState;
  // A flow or step that no longer exists (a deploy removed it, moderators changed a group check-in's questions)
  // is set aside with a word, never left to break every later message.
  const runnable = known.stack.filter((r) => ctx.registry.flows.get(r.flowId)?.byId.has(r.stepId));
  const state = runnable.length === known.stack.length ? known : { ...known, stack: runnable };
  const turn = new Turn(state, ctx);
  if (state !== known) turn.note(copy.flowGone);
  switch (event.type) {
    case 'command':
      turn.command(event.name, event.args ?? '', event.scope);
      break;
    case 'scheduled':
      turn.scheduled(event.flowId, event.occasion, event.intro ?? false);
      break;
    case 'reminder':
      turn.reminder(event.occasion);
      break;
    case 'text':
      turn.text(event.text);
      break;
    case 'choice':
      turn.choice(event.token, event.value);
      break;
    case 'timer':
      turn.timer(event.timerId);
      break;
    case 'unreachable':
      turn.unreachable();
      break;
  }
  return turn.result();
}

/** How long a message's concern is the context of the next one. */
const CONCERN_MS = 10 * 60_000;

/** One event's worth of work: a mutable draft of the state plus everything to send and arm. */
class Turn {
  private stack: FlowRun[];
  private timers: PendingTimer[];
  private seq: number;
  private consentDeclined: boolean;
  private concern: ConversationState['concern'];
  private readonly messages: OutboundMessage[] = [];
  private readonly armed: TimerRequest[] = [];
  private readonly cancelled: string[] = [];
  private readonly records: RecordEffect[] = [];
  private readonly actions: EngineAction[] = [];
  private readonly completed: string[] = [];
  /** Consent as it stands after this turn (it can be given during it). */
  private consented: boolean;
  private answered: { token: string; display: string } | undefined;
  private crisis: string | undefined;
  private changed = false;
  /** Text to put in front of the next message (a hint before a re-asked question). */
  private lead: RichText | undefined;
  /** The language flows started in this turn speak, where they have a version in it. */
  private language: Language | undefined;

  constructor(
    state: ConversationState,
    private readonly ctx: EngineContext,
  ) {
    this.stack = [...state.stack];
    this.timers = [...state.timers];
    this.seq = state.seq;
    this.consentDeclined = state.consentDeclined ?? false;
    this.concern = state.concern;
    this.consented = ctx.consented;
    this.language = ctx.language;
  }

  result(): Transition {
    this.flushLead();
    return {
      state: {
        shape: STATE_SHAPE,
        stack: this.stack,
        timers: this.timers,
        seq: this.seq,
        ...(this.consentDeclined && !this.consented ? { consentDeclined: true } : {}),
        ...(this.concern && this.ctx.now - this.concern.at < CONCERN_MS ? { concern: this.concern } : {}),
      },
      messages: this.messages,
      timers: this.armed,
      cancelledTimers: this.cancelled,
      records: this.records,
      actions: this.actions,
      ...(this.answered ? { answered: this.answered } : {}),
      ...(this.crisis ? { crisis: this.crisis } : {}),
      ...(this.completed.length ? { completed: this.completed } : {}),
      changed: this.changed,
    };
  }

  /** Says something before whatever this event brings. */
  note(text: RichText): void {
    this.changed = true;
    this.say(text);
  }

  // ---- inbound events -------------------------------------------------------------------------------------

  command(rawName: string, rawArgs: string, scope?: FlowScope): void {
    const name = rawName.replace(/^\//, '').toLowerCase();
    // Whatever follows a command is free text too, and passes the same door first.
    let args = '';
    if (rawArgs.trim()) {
      const gate = this.screen(rawArgs, this.ctx.screens ?? []);
      if (!gate.ok && gate.problem === 'interrupted') return this.interrupt(gate.verdict, undefined);
      args = gate.ok ? gate.text : '';
    }
    const flow = this.ctx.registry.byCommand.get(name);
    if (flow) return this.startFromCommand(flow, args, scope);
    switch (name) {
      case 'start': {
        this.say(copy.welcome);
        // A deep link such as /start checkin opens that flow straight away.
        const linked = this.ctx.registry.byCommand.get(args.trim().toLowerCase());
        if (linked) return this.startFromCommand(linked, '');
        if (!this.consented && this.stack.length === 0) return this.askConsent();
        return this.reprompt();
      }
      case 'help':
        this.say(helpText(this.ctx.registry));
        return this.reprompt();
      case 'cancel':
        return this.cancelAll();
      default:
        this.say(copy.unknownCommand(name.slice(0, 32)));
        return this.reprompt();
    }
  }

  text(raw: string): void {
    const current = this.top();
    const asked = current ? this.stepOf(current) : undefined;
    // A button typed out is Tether's own words: no screen reads it.
    const typedButton = current !== undefined && asked?.kind === 'choice' && typesAnOption(this.visible(asked, current), raw);
    const gate = this.screen(raw, typedButton ? [] : (this.ctx.screens ?? []));
    if (!gate.ok) {
      if (gate.problem === 'interrupted') return this.interrupt(gate.verdict, gate.text);
      this.lead = gate.problem === 'empty' ? copy.empty : copy.tooLong(MAX_INBOUND_TEXT);
      return this.reprompt();
    }
    const run = this.top();
    if (!run) return this.consented ? this.say(copy.idle) : this.consentDeclined ? this.say(copy.idleWithoutConsent) : this.askConsent();
    const step = this.stepOf(run);
    if (step.kind === 'say') {
      // Between timed steps of an exercise: reassure, do not advance.
      return this.say(copy.exerciseWaiting);
    }
    this.answer(run, step, readAnswer(this.visible(step, run), gate.text, gate.hasWords));
  }

  choice(token: string, value: string): void {
    // A supporter's one-tap answer to a request sent through Tether: not part of any flow here.
    if (token.startsWith(REQUEST_TOKEN)) {
      if (!(SUPPORT_REPLIES as readonly string[]).includes(value)) return;
      this.changed = true;
      this.actions.push({ kind: 'support-reply', requestId: token.slice(REQUEST_TOKEN.length), reply: value });
      this.answered = { token, display: copy.supportReplies[value as (typeof SUPPORT_REPLIES)[number]] };
      return;
    }
    const run = this.top();
    if (!run) return this.say(copy.staleButtonIdle);
    if (run.token !== token) {
      this.lead = copy.staleButton;
      return this.reprompt();
    }
    const step = this.stepOf(run);
    if (step.kind === 'say') return this.reprompt();
    // A button carries one of the prompt's own values. Anything else in it (a forged or odd callback, a free-text
    // answer sent as button data) is free text, and passes the same door as typed text.
    const ownValue = value === SKIP_VALUE || (step.kind === 'choice' && this.visible(step, run).options.some((o) => o.id === value));
    if (!ownValue) {
      const gate = this.screen(value, this.ctx.screens ?? []);
      if (!gate.ok) {
        if (gate.problem === 'interrupted') return this.interrupt(gate.verdict, gate.text);
        this.lead = gate.problem === 'empty' ? copy.empty : copy.tooLong(MAX_INBOUND_TEXT);
        return this.reprompt();
      }
      value = gate.text;
    }
    const result: AnswerResult =
      step.kind === 'choice'
        ? (() => {
            const option = this.visible(step, run).options.find((o) => o.id === value);
            if (option) return { ok: true, value: option.id, option } as const;
            return value === SKIP_VALUE && step.skippable ? ({ ok: true, value: null } as const) : ({ ok: false, problem: 'unknown-option' } as const);
          })()
        : value === SKIP_VALUE && (step.kind === 'text' || step.kind === 'number') && step.skippable
          ? ({ ok: true, value: null } as const)
          : readAnswer(step, value, true);
    this.answer(run, step, result);
  }

  timer(timerId: string): void {
    const pending = this.timers.find((t) => t.id === timerId);
    if (!pending) return; // already fired, or cancelled: a duplicate delivery changes nothing
    this.timers = this.timers.filter((t) => t.id !== timerId);
    this.changed = true;
    if (pending.kind === 'step') {
      const run = this.top();
      if (!run || run.waitingFor !== timerId) return;
      const step = this.stepOf(run);
      this.replaceTop(withoutKey(run, 'waitingFor'));
      return this.go(this.nextOf(step, run, undefined));
    }
    const flow = pending.flowId ? this.ctx.registry.flows.get(pending.flowId) : undefined;
    if (!flow) return;
    if (this.stack.length > 0) {
      // The person is busy with something else: come back a little later instead of interrupting.
      const deferrals = (pending.deferrals ?? 0) + 1;
      if (deferrals <= FOLLOW_UP_MAX_DEFERRALS) this.armTimer({ kind: 'follow-up', flowId: flow.id, deferrals }, FOLLOW_UP_RETRY_MS);
      return;
    }
    this.start(flow, undefined);
  }

  /** Drops every flow and timer without a word: nothing can be delivered, and nothing should pile up. */
  unreachable(): void {
    this.dropStack();
    for (const t of this.timers) if (!this.cancelled.includes(t.id)) this.cancelled.push(t.id);
    this.timers = [];
  }

  /**
   * Free text through the one door, with the previous message's concern as context when it is recent; what this
   * text leaned towards becomes the context of the next.
   */
  private screen(raw: string, screens: readonly TextScreen[]): GateResult {
    if (!screens.length) return passTextGate(raw, screens);
    const recent = this.concern && this.ctx.now - this.concern.at < CONCERN_MS ? this.concern.level : undefined;
    const gate = passTextGate(raw, screens, recent !== undefined ? { recentConcern: recent } : {});
    const level = gate.ok ? (gate.concern ?? 0) : gate.problem === 'interrupted' ? 1 : 0;
    if (level > 0 || this.concern) {
      this.concern = level > 0 ? { at: this.ctx.now, level } : undefined;
      this.changed = true;
    }
    return gate;
  }

  /**
   * A screen stopped the text: say what it asks, and start its flow over whatever was running, which pauses. `text`
   * is what was stopped, kept for the paused step when the verdict asks to hold it.
   */
  private interrupt(verdict: Extract<ScreenVerdict, { kind: 'interrupt' }>, text: string | undefined): void {
    for (const m of verdict.messages ?? []) this.messages.push(m);
    const found = verdict.flow ? this.ctx.registry.flows.get(verdict.flow) : undefined;
    if (!found) return;
    if (verdict.crisis !== false) this.crisis = verdict.reason;
    this.language ??= verdict.language;
    const flow = this.localized(found);
    const own = flow.translates ?? flow.id;
    const at = this.stack.findIndex((r) => this.baseId(r.flowId) === own);
    if (at >= 0) {
      // Already here (perhaps in an exercise it offered): back to it, and show where we are.
      for (const run of this.stack.splice(at + 1)) this.cancelStepTimers(run);
      return this.reprompt();
    }
    if (this.stack.some((r) => (verdict.quietDuring ?? []).includes(this.baseId(r.flowId)))) return this.reprompt();
    let current = this.top();
    if (current && (verdict.replaces ?? []).includes(this.baseId(current.flowId))) {
      // Past a gentle check, straight to full help: it takes the check's place, and its way back.
      this.stack.pop();
      this.cancelStepTimers(current);
      return this.startNow(flow, current.resumeAt, verdict.args ?? '');
    }
    if (current && this.stack.length < MAX_DEPTH) {
      this.cancelStepTimers(current);
      const asked = this.stepOf(current);
      const keep = verdict.hold && text !== undefined && asked.kind !== 'say' ? { held: text } : {};
      current = { ...withoutKey(withoutKey(current, 'waitingFor'), 'held'), ...keep };
      this.replaceTop(current);
      return this.startNow(flow, current.stepId, verdict.args ?? '');
    }
    if (current) this.dropStack();
    this.startNow(flow, undefined, verdict.args ?? '');
  }

  /** The flow in the turn's language, where it has a version in it. */
  private localized(flow: CompiledFlow): CompiledFlow {
    const language = this.language;
    if (!language || flow.language === language) return flow;
    const original = flow.translates ? this.ctx.registry.flows.get(flow.translates) : flow;
    if (!original) return flow;
    if ((original.language ?? 'en') === language) return original;
    return this.ctx.registry.translations?.get(original.id)?.get(language) ?? flow;
  }

  /** A flow's id, or for a translation the id of the flow it translates. */
  private baseId(flowId: string): string {
    return this.ctx.registry.flows.get(flowId)?.translates ?? flowId;
  }

  // ---- flows ----------------------------------------------------------------------------------------------

  private startFromCommand(found: CompiledFlow, args: string, scope?: FlowScope): void {
    const flow = this.localized(found);
    if (flow.moderators && !scope?.moderator) return this.say(copy.moderatorsOnly);
    const current = this.top();
    if (current?.flowId === flow.id) {
      this.say(copy.alreadyRunning(flow.title));
      return this.reprompt();
    }
    if (current && !this.stack.some((r) => r.flowId === flow.id) && this.stack.length < MAX_DEPTH) {
      const outer = this.flowOf(current);
      this.cancelStepTimers(current);
      this.replaceTop(withoutKey(current, 'waitingFor'));
      this.say(copy.nested(flow.title, outer.title));
      this.start(flow, current.stepId, args, scope);
      return;
    }
    if (current) this.dropStack();
    this.start(flow, undefined, args, scope);
  }

  /** The person's schedule says it is time. Never piles up: one scheduled check-in open at a time, and never over another flow. */
  scheduled(flowId: string, occasion: string, intro: boolean): void {
    const flow = this.ctx.registry.flows.get(flowId);
    if (!flow || (flow.needsConsent && !this.consented)) return;
    const open = this.stack.find((r) => r.occasion !== undefined);
    if (open?.occasion === occasion) return;
    if (open && this.stack.length === 1 && answerValues(open.answers).length === 0) {
      // Yesterday's check-in was never started: today's takes its place.
      this.dropStack();
    }
    if (this.stack.length > 0) return; // busy with something else (or half-way through a check-in): leave them be
    if (intro) this.say(copy.scheduledIntro);
    this.startNow(flow, undefined, '', undefined, { occasion });
  }

  /** The one reminder, only if that occasion's check-in is still waiting on its first answer. */
  reminder(occasion: string): void {
    const run = this.top();
    if (!run || run.occasion !== occasion || answerValues(run.answers).length > 0) return;
    this.lead = copy.reminder;
    this.reprompt();
  }

  /** Starts `flow` on top of the stack. With `resumeAt`, the flow below continues at that step afterwards. */
  private start(flow: CompiledFlow, resumeAt: string | undefined, args = '', scope?: FlowScope): void {
    if (flow.needsConsent && !this.consented) {
      // Nothing is stored before the person agrees: ask first, then go on to what they asked for.
      const consentFlow = this.ctx.registry.flows.get('consent');
      if (consentFlow) return this.startNow(consentFlow, resumeAt, '', { flowId: flow.id, args, ...(scope ? { scope } : {}) });
    }
    return this.startNow(flow, resumeAt, args, undefined, scope ? { scope } : {});
  }

  private startNow(found: CompiledFlow, resumeAt: string | undefined, args: string, then?: FlowRun['then'], extra: Pick<FlowRun, 'occasion' | 'scope'> = {}): void {
    const flow = this.localized(found);
    const first = flow.steps[0]!;
    const runId = `r${this.nextSeq()}`;
    this.changed = true;
    this.stack.push({
      flowId: flow.id,
      runId,
      stepId: first.id,
      token: '',
      answers: emptyAnswers,
      ...(resumeAt !== undefined ? { resumeAt } : {}),
      ...(then ? { then } : {}),
      ...extra,
    });
    // Arguments can answer the first question: `/breathe paced`.
    if (args.trim() && first.kind === 'choice') {
      const preset = readAnswer(first, args.trim(), true);
      if (preset.ok && preset.value !== null) {
        this.storeAnswer(first, preset.value);
        return this.go(this.nextOf(first, this.top()!, preset.option));
      }
    }
    this.enter(first.id);
  }

  /** First contact, or someone who has not agreed yet: say what Tether is and keeps, and ask. */
  private askConsent(): void {
    const consentFlow = this.ctx.registry.flows.get('consent');
    if (consentFlow) this.startNow(consentFlow, undefined, '');
    else this.say(copy.idle);
  }

  private answer(run: FlowRun, step: CompiledStep, result: AnswerResult): void {
    if (!result.ok) {
      this.lead = this.hintFor(step, result.problem, 'reason' in result ? result.reason : undefined);
      return this.reprompt();
    }
    this.changed = true;
    this.answered = { token: run.token, display: this.display(step, result.value) };
    this.storeAnswer(step, result.value);
    this.go(this.nextOf(step, this.top()!, result.option));
  }

  private storeAnswer(step: CompiledStep, value: AnswerValue): void {
    const run = this.top()!;
    if (step.kind === 'text' && step.keep === false) value = value === null ? null : '';
    this.replaceTop({ ...run, answers: setAnswer(run.answers, step.id, value) });
  }

  /** Where a step leads: the chosen option's target, the first matching branch, or the next step in the list. */
  private nextOf(step: CompiledStep, run: FlowRun, option: CompiledOption | undefined): Target {
    if (option?.next !== undefined) return option.next;
    const next = step.next;
    if (next === undefined) return this.flowOf(run).steps[step.index + 1]?.id ?? 'end';
    if (!Array.isArray(next)) return next as Target;
    for (const branch of next) if (!branch.if || this.holds(branch.if, run)) return branch.to;
    return 'end';
  }

  private go(target: Target): void {
    // A flow's own step led to its end: it was completed (a cancel or a crisis interruption does not come here).
    if ((target === 'end' || target === 'end-all' || target === 'end-held') && this.top()) this.completed.push(this.top()!.flowId);
    if (target === 'end') return this.finish(false);
    if (target === 'end-held') return this.finish(true);
    if (target === 'end-all') return this.dropStack();
    if (typeof target === 'string') return this.enter(target);
    const flow = this.ctx.registry.flows.get(target.flow);
    if (!flow) throw new EngineError(`no flow "${target.flow}"`, { flowId: this.top()?.flowId });
    // A flow started from one that speaks a language speaks it too, where it can.
    const from = this.top();
    if (from) this.language = this.flowOf(from).language ?? this.language;
    if (target.resume !== undefined && this.stack.length < MAX_DEPTH) return this.start(flow, target.resume, target.args);
    // Hand over: the new flow takes this one's place (and its way back to a parent, if any).
    const current = this.stack.pop();
    this.start(flow, current?.resumeAt, target.args);
  }

  /** Moves to `stepId` and keeps moving through steps that only speak, until one asks or waits. */
  private enter(stepId: string): void {
    let id: string | 'end' = stepId;
    for (let moves = 0; moves < MAX_MOVES; moves++) {
      const run = this.top()!;
      const flow = this.flowOf(run);
      const step = flow.byId.get(id);
      if (!step) throw new EngineError(`no step "${id}"`, { flowId: flow.id, stepId: id });
      if (step.if && !this.holds(step.if, run)) {
        const next = this.nextOf(step, run, undefined);
        if (typeof next !== 'string' || next === 'end' || next === 'end-all' || next === 'end-held') return this.go(next);
        id = next;
        continue;
      }
      this.changed = true;
      if (step.action === 'decline') this.consentDeclined = true;
      else if (step.action === 'community-overview' || step.action === 'community-audit') {
        if (run.scope) this.actions.push({ kind: step.action, community: run.scope.community });
      } else if (step.action === 'supporter-invite' || step.action === 'support-accept' || step.action === 'reach-out-send' || step.action === 'milestone-share') {
        const args: Record<string, AnswerValue> = {};
        for (const [name, answerId] of Object.entries(step.actionArgs ?? {})) args[name] = getAnswer(run.answers, answerId) ?? null;
        const text = step.sayParts.filter((p) => !p.if || this.holds(p.if, run)).map((p) => toPlainText(renderTemplate(p.template, (ref) => this.refText(run, ref)))).join('\n\n');
        this.actions.push({ kind: step.action, args, text });
      } else if (step.action === 'link-redeem') {
        const code = step.actionArg ? getAnswer(run.answers, step.actionArg) : undefined;
        if (typeof code === 'string') this.actions.push({ kind: 'link-redeem', code });
      } else if (step.action) {
        this.actions.push({ kind: step.action });
        if (step.action === 'consent') this.consented = true;
      }
      if (step.record) this.emitRecord(step.record, run);
      if (step.followUp) {
        const spec = typeof step.followUp === 'string' ? { flow: step.followUp, ms: this.ctx.settings.followUpMs } : { flow: step.followUp.flow, ms: step.followUp.hours * 3_600_000 };
        this.armFollowUp(spec.flow, spec.ms);
      }
      const slot = step.slot !== undefined ? { slot: step.slot } : {};
      const base = { ...withoutKey(run, 'slot'), ...slot, stepId: step.id };
      if (step.kind !== 'say') {
        const token = `k${this.nextSeq()}`;
        this.replaceTop({ ...base, token });
        this.emitStepText(step, run, inputFor(this.visible(step, run), token), true);
        return;
      }
      this.emitStepText(step, run, undefined, true);
      if (step.wait !== undefined) {
        const timerId = this.armTimer({ kind: 'step' }, step.wait * 1000 * this.ctx.settings.timingScale);
        this.replaceTop({ ...base, token: '', waitingFor: timerId });
        return;
      }
      this.replaceTop({ ...base, token: '' });
      const next = this.nextOf(step, run, undefined);
      if (typeof next !== 'string' || next === 'end' || next === 'end-all' || next === 'end-held') return this.go(next);
      id = next;
    }
    throw new EngineError('a flow kept moving without asking or waiting', { flowId: this.top()?.flowId, stepId: id });
  }

  /**
   * Ends the flow on top; the one it interrupted continues where it was. With `giveBack`, what the person had typed
   * for that step when a screen stopped it becomes its answer, if it is one (else the step is asked again).
   */
  private finish(giveBack: boolean): void {
    const done = this.stack.pop();
    this.changed = true;
    if (!done) return;
    this.cancelStepTimers(done);
    const then = done.then ? this.ctx.registry.flows.get(done.then.flowId) : undefined;
    if (then && (this.consented || !then.needsConsent)) {
      const scope = done.then!.scope;
      return this.startNow(then, done.resumeAt, done.then!.args, undefined, scope ? { scope } : {});
    }
    const below = this.top();
    if (!below || done.resumeAt === undefined) return;
    const held = below.held;
    const parent = withoutKey(below, 'held');
    this.replaceTop(parent);
    // A flow that speaks a language of its own has said its words on the way back.
    if (!this.flowOf(done).language) this.say(copy.resumed(this.flowOf(parent).title));
    if (giveBack && held !== undefined && parent.stepId === done.resumeAt) {
      const step = this.stepOf(parent);
      if (step.kind !== 'say') {
        const result = readAnswer(this.visible(step, parent), held, /[\p{L}\p{N}]/u.test(held));
        if (result.ok) return this.answer(parent, step, result);
      }
    }
    this.enter(done.resumeAt);
  }

  private cancelAll(): void {
    const run = this.top();
    if (!run) return this.say(copy.nothingToCancel);
    const title = this.flowOf(this.stack[0]!).title;
    // Only flows that ask about feelings need the reassurance that their answers were let go.
    const hadAnswers = this.stack.some((r) => this.flowOf(r).private && answerValues(r.answers).some((v) => v !== null && v !== ''));
    this.dropStack();
    this.say(copy.cancelled(title, hadAnswers));
  }

  private dropStack(): void {
    for (const run of this.stack) this.cancelStepTimers(run);
    this.stack = [];
    this.changed = true;
  }

  private cancelStepTimers(run: FlowRun): void {
    if (!run.waitingFor) return;
    this.timers = this.timers.filter((t) => t.id !== run.waitingFor);
    this.cancelled.push(run.waitingFor);
  }

  // ---- output ---------------------------------------------------------------------------------------------

  /** Asks the current question again (after a hint, a command or a stale button), or says what is going on. */
  private reprompt(): void {
    const run = this.top();
    const step = run ? this.stepOf(run) : undefined;
    if (!run || !step || step.kind === 'say') {
      this.flushLead();
      if (step) this.say(copy.exerciseWaiting);
      return;
    }
    this.emitStepText(step, run, inputFor(this.visible(step, run), run.token), false);
  }

  private flushLead(): void {
    if (!this.lead) return;
    this.say(this.lead);
    this.lead = undefined;
  }

  /**
   * Sends a step's text. On entering a step whose slot the same run used just before, the message replaces the
   * earlier one where the platform can edit messages, so a timed exercise stays one message.
   */
  private emitStepText(step: CompiledStep, run: FlowRun, input: PromptInput | undefined, entering: boolean): void {
    const parts = step.sayParts.filter((p) => !p.if || this.holds(p.if, run));
    let text: RichText = paragraphs(...parts.map((p) => renderTemplate(p.template, (ref) => this.refText(run, ref))));
    if (this.lead) {
      text = paragraphs(this.lead, text);
      this.lead = undefined;
    }
    const replace = entering && step.slot !== undefined && run.slot === step.slot;
    this.messages.push({
      text,
      ...(input ? { input } : {}),
      ...(step.slot !== undefined ? { slot: step.slot, replace } : {}),
    });
  }

  private say(text: RichText): void {
    this.messages.push({ text });
  }

  private hintFor(step: CompiledStep, problem: Exclude<AnswerResult, { ok: true }>['problem'], reason?: string): RichText {
    switch (problem) {
      case 'not-a-number':
      case 'out-of-range': {
        const min = step.kind === 'scale' || step.kind === 'number' ? step.min : 0;
        const max = step.kind === 'scale' || step.kind === 'number' ? step.max : 0;
        return copy.hint[problem](min, max);
      }
      case 'too-long':
        return copy.hint['too-long'](step.kind === 'text' ? step.maxLength : 0);
      case 'unreadable':
        return plain(reason ?? '');
      default:
        return copy.hint[problem];
    }
  }

  private display(step: CompiledStep, value: AnswerValue): string {
    if (value === null) return 'Skipped';
    if (step.kind === 'choice') {
      const run = this.top();
      return (run ? this.visible(step, run) : step).options.find((o) => o.id === value)?.label ?? String(value);
    }
    if (step.kind === 'number') return `${value} ${step.unit}`;
    if (step.kind === 'text') return 'Noted';
    return String(value);
  }

  private refText(run: FlowRun, ref: string): string {
    if (ref.startsWith('@')) {
      const name = ref.slice(1);
      if (name === 'pausedTitle' || name === 'pausedCommand') {
        const paused = this.pausedBelow(run);
        const flow = paused ? this.flowOf(paused) : undefined;
        if (name === 'pausedTitle') return flow?.title.toLowerCase() ?? '';
        return flow?.command ? `/${flow.command}` : '/help';
      }
      const language = this.flowOf(run).language;
      return (language ? this.ctx.vars?.[`${name}:${language}`] : undefined) ?? this.ctx.vars?.[name] ?? '';
    }
    const value = getAnswer(run.answers, ref);
    if (value === null || value === undefined) return '';
    const step = this.flowOf(run).byId.get(ref);
    if (step?.kind === 'choice') return this.visible(step, run).options.find((o) => o.id === value)?.mirrorText ?? String(value);
    return String(value);
  }

  // ---- effects --------------------------------------------------------------------------------------------

  private emitRecord(spec: NonNullable<CompiledStep['record']>, run: FlowRun): void {
    const values: Record<string, AnswerValue> = {};
    for (const [field, answerId] of Object.entries(spec.values)) values[field] = getAnswer(run.answers, answerId) ?? null;
    this.records.push({ type: spec.type, values, ...(run.scope ? { scope: run.scope } : {}) });
  }

  private armFollowUp(flowId: string, delayMs: number): void {
    // One pending follow-up per flow: a newer one replaces the older.
    for (const t of this.timers) if (t.kind === 'follow-up' && t.flowId === flowId) this.cancelled.push(t.id);
    this.timers = this.timers.filter((t) => !(t.kind === 'follow-up' && t.flowId === flowId));
    this.armTimer({ kind: 'follow-up', flowId }, delayMs);
  }

  private armTimer(spec: Omit<PendingTimer, 'id' | 'dueAt'>, delayMs: number): string {
    const id = `t${this.nextSeq()}`;
    const dueAt = this.ctx.now + Math.max(0, Math.round(delayMs));
    this.timers.push({ ...spec, id, dueAt });
    this.armed.push({ id, dueAt });
    this.changed = true;
    return id;
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /**
   * A choice step as the person sees it now: options whose condition holds, labels with `{@name}` filled in (a
   * supporter's name). Other steps as they are.
   */
  private visible<S extends CompiledStep>(step: S, run: FlowRun): S {
    if (step.kind !== 'choice' || !step.options.some((o) => o.if || o.label.includes('{'))) return step;
    const options = step.options
      .filter((o) => !o.if || this.holds(o.if, run))
      .map((o) => {
        if (!o.label.includes('{')) return o;
        const label = toPlainText(renderTemplate(compileTemplate(o.label), (ref) => this.refText(run, ref))).slice(0, 60) || o.id;
        return { ...o, label, mirrorText: label };
      });
    return { ...step, options };
  }

  private holds(c: Condition, run: FlowRun): boolean {
    return c.not ? !this.test(c, run) : this.test(c, run);
  }

  private test(c: Condition, run: FlowRun): boolean {
    if (c.fact === 'resumable') return this.pausedBelow(run) !== undefined;
    if (c.fact !== undefined) return this.ctx.facts?.[c.fact] ?? false;
    const value = getAnswer(run.answers, c.answer ?? '');
    if (c.answered !== undefined && (value !== undefined && value !== null) !== c.answered) return false;
    const atLeast = c.atLeast === 'highCraving' ? this.ctx.settings.highCraving : c.atLeast;
    if (atLeast !== undefined && !(typeof value === 'number' && value >= atLeast)) return false;
    if (c.atMost !== undefined && !(typeof value === 'number' && value <= c.atMost)) return false;
    if (c.is !== undefined && !(typeof value === 'string' && c.is.includes(value))) return false;
    return true;
  }

  private top(): FlowRun | undefined {
    return this.stack.at(-1);
  }

  /** The flow `run` interrupted and will hand back to when it ends, if any. */
  private pausedBelow(run: FlowRun): FlowRun | undefined {
    if (run.resumeAt === undefined) return undefined;
    const index = this.stack.findIndex((r) => r.runId === run.runId);
    return index > 0 ? this.stack[index - 1] : undefined;
  }

  private replaceTop(run: FlowRun): void {
    this.stack[this.stack.length - 1] = run;
  }

  private flowOf(run: FlowRun): CompiledFlow {
    const flow = this.ctx.registry.flows.get(run.flowId);
    if (!flow) throw new EngineError(`stored conversation names unknown flow "${run.flowId}"`, { flowId: run.flowId });
    return flow;
  }

  private stepOf(run: FlowRun): CompiledStep {
    const step = this.flowOf(run).byId.get(run.stepId);
    if (!step) throw new EngineError(`stored conversation names unknown step "${run.stepId}"`, { flowId: run.flowId, stepId: run.stepId });
    return step;
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }
}

function withoutKey<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const { [key]: _omit, ...rest } = obj;
  return rest;
}

function inputFor(step: CompiledStep, token: string): PromptInput | undefined {
  switch (step.kind) {
    case 'scale':
      return { kind: 'scale', token, min: step.min, max: step.max, minLabel: step.minLabel, maxLabel: step.maxLabel };
    case 'choice':
      return { kind: 'choice', token, options: step.options.map((o) => ({ id: o.id, label: o.label })) };
    case 'number':
      return { kind: 'number', token, min: step.min, max: step.max, unit: step.unit, ...(step.skippable ? { skip: step.skipLabel ?? 'Skip' } : {}) };
    case 'text':
      return { kind: 'text', token, maxLength: step.maxLength, ...(step.skippable ? { skip: step.skipLabel ?? 'Skip' } : {}) };
    case 'say':
      return undefined;
  }
}
