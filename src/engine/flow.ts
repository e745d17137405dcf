import { z } from 'zod';
import { compileTemplate, templateRefs, type Template } from './rich-text.js';
import { ENGINE_FACTS, FACTS, LANGUAGES, type Language } from './types.js';

/*
 * A flow is data: a list of steps, each with what it says, what kind of answer it takes and what follows.
 * Flows are written as plain objects (`satisfies FlowDefinition`) and checked by `compileFlows` when loaded,
 * so a typo in a step id or an endless loop is a start-up error, not a stuck conversation.
 */

const id = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'ids are lower-case words joined by -');

const condition = z
  .object({
    /** The question whose answer is tested. */
    answer: id.optional(),
    /** Or something the runtime knows about the person (see PersonFacts): true when it holds. */
    fact: z.enum([...FACTS, ...ENGINE_FACTS]).optional(),
    atLeast: z.union([z.number(), z.literal('highCraving')]).optional(),
    atMost: z.number().optional(),
    is: z.array(id).min(1).optional(),
    /** true: the step was answered (not skipped); false: skipped or never asked. */
    answered: z.boolean().optional(),
    /** Holds when the rest does not. */
    not: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => (c.answer === undefined) !== (c.fact === undefined), 'a condition tests either an answer or a fact');

/** Values the runtime supplies to flows as `{@name}` (the person's region decides them). */
export const CONTEXT_VARS = [
  'emergency',
  'crisisLines',
  'reasons',
  'coping',
  'people',
  'supporter1',
  'supporter2',
  'supporter3',
  'supporter4',
  'supporter5',
  'how1',
  'how2',
  'how3',
  'how4',
  'how5',
  'supporterList',
  'lastFeeling',
  'lastNeed',
  'nextCheckIn',
  'checkIns',
  'streak',
  'daysSince',
  'countFrom',
  /** Supplied by the engine: the flow this run interrupted ("check-in") and the command that starts it again. */
  'pausedTitle',
  'pausedCommand',
] as const;

const target = z.union([
  /**
   * `end-all`: end this flow and drop every flow it interrupted (the person chose to set it aside). `end-held`: end
   * this flow, and the flow it interrupted takes what the person had typed for it as its answer (see FlowRun.held).
   */
  z.union([id, z.literal('end'), z.literal('end-all'), z.literal('end-held')]),
  z
    .object({
      /** Start another flow. With `resume`, continue this one at that step when the other ends. */
      flow: id,
      /** Answers the started flow's first question, as `/breathe paced` does. */
      args: z.string().optional(),
      resume: id.optional(),
    })
    .strict(),
]);

const next = z.union([target, z.array(z.object({ if: condition.optional(), to: target }).strict()).min(1)]);

const say = z.union([z.string().min(1), z.array(z.object({ text: z.string().min(1), if: condition.optional() }).strict()).min(1)]);

const base = {
  id,
  say,
  /** What comes after; by default the next step in the list, or the end after the last. */
  next: next.optional(),
  /** Skip this step unless the condition holds. */
  if: condition.optional(),
  /** Messages in one slot replace each other where the platform can edit messages. */
  slot: id.optional(),
  /** Arm a gentle follow-up that starts this flow after the configured delay, or after `hours`. */
  followUp: z.union([id, z.object({ flow: id, hours: z.number().positive().max(24 * 14) }).strict()]).optional(),
  /**
   * Something only the runtime can do, carried out once this step's state is stored (see EngineAction); or
   * `decline`: the person said not now to consent, so plain messages get a short reply instead of the whole ask.
   */
  action: z.enum(['consent', 'decline', 'export', 'forget', 'community-overview', 'community-audit', 'history', 'plan-show', 'trends', 'link-code', 'link-redeem', 'unlink', 'supporter-invite', 'support-accept', 'reach-out-send', 'milestone-share']).optional(),
  /** Answers the action takes, by name (the supporter chosen, the code typed). */
  actionArgs: z.record(z.string(), id).optional(),
  /** An answer the action takes (the code typed for `link-redeem`). */
  actionArg: id.optional(),
  /** Emit a lasting record when this step is reached: record field → answer id. */
  record: z.object({ type: id, values: z.record(z.string(), id) }).strict().optional(),
};

const option = z
  .object({
    id,
    label: z.string().min(1).max(60),
    /** How the option reads inside a sentence ("to be heard"); the label in lower case by default. */
    mirror: z.string().min(1).optional(),
    /** Where choosing this option leads, overriding the step's `next`. */
    next: target.optional(),
    /** Offer this option only when the condition holds (a supporter the person has named). */
    if: condition.optional(),
  })
  .strict();

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('say'), /** Seconds to wait before going on (scaled by TIMING_SCALE). */ wait: z.number().positive().max(3600).optional() }).strict(),
  z.object({ ...base, kind: z.literal('scale'), min: z.number().int(), max: z.number().int(), minLabel: z.string().min(1), maxLabel: z.string().min(1) }).strict(),
  z.object({ ...base, kind: z.literal('choice'), options: z.array(option).min(1).max(25), skippable: z.boolean().optional() }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('number'),
      min: z.number(),
      max: z.number(),
      unit: z.string().min(1),
      skippable: z.boolean().optional(),
      /** The label of the skip button, "Skip" by default. */
      skipLabel: z.string().min(1).max(30).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('text'),
      maxLength: z.number().int().positive().max(4000),
      skippable: z.boolean().optional(),
      skipLabel: z.string().min(1).max(30).optional(),
      /** false: the answer is read and let go, never stored (e.g. what you can see around you). */
      keep: z.boolean().optional(),
      /**
       * Reads the answer in a format named by the flows' vocabulary (a time, weekdays, a time zone, a date, quiet
       * hours: see compileFlows) and stores its canonical form.
       */
      parse: id.optional(),
    })
    .strict(),
]);

export const flowSchema = z
  .object({
    id,
    /** The command that starts it, e.g. `checkin` for /checkin. */
    command: id.optional(),
    title: z.string().min(1),
    /** One line for /help. */
    summary: z.string().min(1),
    /** Asks about feelings, cravings or notes: in a group it runs only in private. */
    private: z.boolean(),
    /** Stores something about the person, so it waits for their consent. Exercises and crisis help do not. */
    needsConsent: z.boolean(),
    /** Only for a community's moderators, as verified by the platform adapter (see FlowScope). */
    moderators: z.boolean().optional(),
    /**
     * The language the flow speaks. A flow with a language says its own words when it hands back to the flow it
     * interrupted, and `{@name}` reads the value for its language first (`emergency:es`) where there is one.
     */
    language: z.enum(LANGUAGES).optional(),
    /** This flow is another language's version of that one: started in its place for people who speak it. */
    translates: id.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type Condition = z.input<typeof condition>;
export type Target = z.input<typeof target>;
export type StepDefinition = z.input<typeof stepSchema>;
export type FlowDefinition = z.input<typeof flowSchema>;

type StepData = z.output<typeof stepSchema>;
type OptionData = z.output<typeof option>;

export type CompiledOption = OptionData & { readonly mirrorText: string };
type CompiledStepOf<S> = S extends { kind: 'choice' }
  ? Omit<S, 'say' | 'options'> & { readonly options: readonly CompiledOption[] }
  : Omit<S, 'say'>;
export type CompiledStep = (StepData extends infer S ? (S extends unknown ? CompiledStepOf<S> : never) : never) & {
  readonly index: number;
  /** A text step's format (`parse`), looked up once at load. */
  readonly parser?: TextParser;
  readonly sayParts: readonly { readonly template: Template; readonly if?: Condition }[];
};

export interface CompiledFlow {
  readonly id: string;
  readonly command?: string;
  readonly title: string;
  readonly summary: string;
  readonly private: boolean;
  readonly needsConsent: boolean;
  readonly moderators: boolean;
  readonly language?: Language;
  readonly translates?: string;
  readonly steps: readonly CompiledStep[];
  readonly byId: ReadonlyMap<string, CompiledStep>;
}

export interface FlowRegistry {
  readonly flows: ReadonlyMap<string, CompiledFlow>;
  readonly byCommand: ReadonlyMap<string, CompiledFlow>;
  /** Other languages' versions of a flow: flow id → language → flow. */
  readonly translations?: ReadonlyMap<string, ReadonlyMap<Language, CompiledFlow>>;
}

export class FlowDefinitionError extends Error {
  constructor(
    readonly flowId: string,
    readonly problems: readonly string[],
  ) {
    super(`flow "${flowId}" is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FlowDefinitionError';
  }
}

/** Reads a typed answer in one format: its canonical form, or how to write it. */
export type TextParser = (text: string) => { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/**
 * What flows may name besides their own steps, handed in by whoever compiles them, so the engine imports no domain
 * module: the formats a text step can read (`parse: 'time'`) and the record types the store can write.
 */
export interface FlowVocabulary {
  readonly parsers?: Readonly<Record<string, TextParser>>;
  /** When given, a step emitting a record of another type fails at load. */
  readonly records?: readonly string[];
}

/** Validates and compiles flows. Throws one FlowDefinitionError naming every problem of the first bad flow. */
export function compileFlows(definitions: readonly FlowDefinition[], vocabulary: FlowVocabulary = {}): FlowRegistry {
  const flows = new Map<string, CompiledFlow>();
  const byCommand = new Map<string, CompiledFlow>();
  const parsed = definitions.map((d) => {
    const result = flowSchema.safeParse(d);
    if (!result.success) {
      const flowId = typeof (d as { id?: unknown }).id === 'string' ? (d as { id: string }).id : '(unnamed)';
      throw new FlowDefinitionError(
        flowId,
        result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    }
    return result.data;
  });
  const flowIds = new Set(parsed.map((f) => f.id));
  for (const flow of parsed) {
    const problems = checkFlow(flow, flowIds, vocabulary);
    if (problems.length) throw new FlowDefinitionError(flow.id, problems);
    if (flows.has(flow.id)) throw new FlowDefinitionError(flow.id, ['another flow has the same id']);
    const steps = flow.steps.map((s, index): CompiledStep => {
      const sayParts = (typeof s.say === 'string' ? [{ text: s.say }] : s.say).map((p) => ({
        template: compileTemplate(p.text),
        ...(p.if ? { if: p.if } : {}),
      }));
      const { say: _say, ...rest } = s;
      if (rest.kind === 'choice') {
        const options = rest.options.map((o) => ({ ...o, mirrorText: o.mirror ?? o.label.toLowerCase() }));
        return { ...rest, options, index, sayParts };
      }
      const parser = rest.kind === 'text' && rest.parse !== undefined ? vocabulary.parsers?.[rest.parse] : undefined;
      return { ...rest, index, sayParts, ...(parser ? { parser } : {}) };
    });
    const compiled: CompiledFlow = {
      id: flow.id,
      ...(flow.command ? { command: flow.command } : {}),
      title: flow.title,
      summary: flow.summary,
      private: flow.private,
      needsConsent: flow.needsConsent,
      moderators: flow.moderators ?? false,
      ...(flow.language ? { language: flow.language } : {}),
      ...(flow.translates ? { translates: flow.translates } : {}),
      steps,
      byId: new Map(steps.map((s) => [s.id, s])),
    };
    flows.set(flow.id, compiled);
    if (flow.command) {
      if (byCommand.has(flow.command)) throw new FlowDefinitionError(flow.id, [`command /${flow.command} is taken`]);
      byCommand.set(flow.command, compiled);
    }
  }
  const translations = new Map<string, Map<Language, CompiledFlow>>();
  for (const flow of flows.values()) {
    if (!flow.translates) continue;
    const original = flows.get(flow.translates);
    const problems = [
      ...(!original ? [`translates "${flow.translates}", which is no flow`] : []),
      ...(!flow.language ? ['a translation names its language'] : []),
      ...(flow.command ? ['a translation has no command of its own (the original\'s starts it)'] : []),
    ];
    if (problems.length) throw new FlowDefinitionError(flow.id, problems);
    const byLanguage = translations.get(flow.translates) ?? new Map<Language, CompiledFlow>();
    byLanguage.set(flow.language!, flow);
    translations.set(flow.translates, byLanguage);
  }
  return { flows, byCommand, translations };
}

/** `base` with `extra`'s flows added (a community's own group check-in next to Tether's flows). */
export function mergeRegistries(base: FlowRegistry, extra: FlowRegistry): FlowRegistry {
  return {
    flows: new Map([...base.flows, ...extra.flows]),
    byCommand: new Map([...base.byCommand, ...extra.byCommand]),
    translations: new Map([...(base.translations ?? []), ...(extra.translations ?? [])]),
  };
}

type FlowData = z.output<typeof flowSchema>;

function checkFlow(flow: FlowData, flowIds: ReadonlySet<string>, vocabulary: FlowVocabulary): string[] {
  const problems: string[] = [];
  const stepIds = new Set<string>();
  const answerSteps = new Set<string>();
  for (const step of flow.steps) {
    if (stepIds.has(step.id)) problems.push(`step "${step.id}" appears twice`);
    stepIds.add(step.id);
    if (step.kind !== 'say') answerSteps.add(step.id);
  }
  const checkTarget = (where: string, t: Target) => {
    if (typeof t === 'string') {
      if (t !== 'end' && t !== 'end-all' && t !== 'end-held' && !stepIds.has(t)) problems.push(`${where}: no step "${t}"`);
    } else {
      if (!flowIds.has(t.flow)) problems.push(`${where}: no flow "${t.flow}"`);
      if (t.resume !== undefined && !stepIds.has(t.resume)) problems.push(`${where}: no step "${t.resume}" to resume at`);
    }
  };
  const checkCondition = (where: string, c: Condition | undefined) => {
    if (c?.answer !== undefined && !answerSteps.has(c.answer)) problems.push(`${where}: condition reads "${c.answer}", which is no question of this flow`);
  };
  for (const step of flow.steps) {
    const where = `step "${step.id}"`;
    checkCondition(where, step.if);
    if (step.next !== undefined) {
      if (Array.isArray(step.next)) {
        step.next.forEach((b, i) => {
          checkTarget(`${where} branch ${i}`, b.to);
          checkCondition(`${where} branch ${i}`, b.if);
        });
        if (step.next.at(-1)?.if !== undefined) problems.push(`${where}: the last branch must have no "if" (it is the fallback)`);
      } else checkTarget(where, step.next);
    }
    const followUp = typeof step.followUp === 'string' ? step.followUp : step.followUp?.flow;
    if (followUp !== undefined && !flowIds.has(followUp)) problems.push(`${where}: no follow-up flow "${followUp}"`);
    if (step.kind === 'text' && step.parse !== undefined && !Object.hasOwn(vocabulary.parsers ?? {}, step.parse)) problems.push(`${where}: no text format "${step.parse}"`);
    if (step.record && vocabulary.records && !vocabulary.records.includes(step.record.type)) problems.push(`${where}: no record type "${step.record.type}"`);
    if (step.record) for (const a of Object.values(step.record.values)) if (!answerSteps.has(a)) problems.push(`${where}: record reads unknown answer "${a}"`);
    if (step.actionArg !== undefined && !answerSteps.has(step.actionArg)) problems.push(`${where}: action reads unknown answer "${step.actionArg}"`);
    for (const a of Object.values(step.actionArgs ?? {})) if (!answerSteps.has(a)) problems.push(`${where}: action reads unknown answer "${a}"`);
    const sayParts = typeof step.say === 'string' ? [{ text: step.say }] : step.say;
    for (const part of sayParts) {
      checkCondition(where, part.if);
      for (const ref of templateRefs(compileTemplate(part.text))) {
        if (ref.startsWith('@')) {
          if (!(CONTEXT_VARS as readonly string[]).includes(ref.slice(1))) problems.push(`${where}: text refers to unknown value {${ref}}`);
          continue;
        }
        if (!answerSteps.has(ref)) problems.push(`${where}: text refers to unknown answer {${ref}}`);
      }
    }
    if (step.kind === 'choice') {
      const optionIds = new Set<string>();
      for (const o of step.options) {
        if (optionIds.has(o.id)) problems.push(`${where}: option "${o.id}" appears twice`);
        optionIds.add(o.id);
        if (o.next !== undefined) checkTarget(`${where} option "${o.id}"`, o.next);
        checkCondition(`${where} option "${o.id}"`, o.if);
        for (const ref of templateRefs(compileTemplate(o.label))) {
          if (!ref.startsWith('@') || !(CONTEXT_VARS as readonly string[]).includes(ref.slice(1))) problems.push(`${where} option "${o.id}": a label may only refer to {@values}, not {${ref}}`);
        }
      }
    }
    if ((step.kind === 'scale' || step.kind === 'number') && step.min >= step.max) problems.push(`${where}: min must be below max`);
    if (step.kind === 'scale' && step.max - step.min > 10) problems.push(`${where}: a scale has at most 11 points`);
  }
  // A loop made only of steps that neither ask nor wait would never stop.
  const immediate = (s: FlowData['steps'][number]) => s.kind === 'say' && s.wait === undefined;
  const successors = (s: FlowData['steps'][number], index: number): string[] => {
    const targets: Target[] =
      s.next === undefined ? [flow.steps[index + 1]?.id ?? 'end'] : Array.isArray(s.next) ? s.next.map((b) => b.to) : [s.next];
    return targets.flatMap((t) => (typeof t === 'string' ? (t === 'end' || t === 'end-all' || t === 'end-held' ? [] : [t]) : t.resume ? [t.resume] : []));
  };
  const indexOf = new Map(flow.steps.map((s, i) => [s.id, i]));
  for (const [start, s] of flow.steps.entries()) {
    if (!immediate(s)) continue;
    const seen = new Set<string>([s.id]);
    const queue = successors(s, start);
    while (queue.length) {
      const nextId = queue.pop()!;
      const i = indexOf.get(nextId);
      if (i === undefined) continue;
      const step = flow.steps[i]!;
      if (!immediate(step)) continue;
      if (nextId === s.id) {
        problems.push(`step "${s.id}" loops back to itself without asking or waiting`);
        break;
      }
      if (seen.has(nextId)) continue;
      seen.add(nextId);
      queue.push(...successors(step, i));
    }
  }
  return problems;
}
