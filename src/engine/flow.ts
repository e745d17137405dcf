import type { z } from 'zod';
import { compileTemplate, templateRefs, type Template } from './rich-text.js';
import { CONTEXT_VARS, flowSchema, type Condition, type FlowDefinition, type option, type stepSchema, type Target } from './flow-schema.js';
import type { Language } from './types.js';

/* Compiling flows: the definitions (flow-schema.ts) checked as a whole and turned into what the engine runs. */

export { CONTEXT_VARS, flowSchema, stepSchema } from './flow-schema.js';
export type { Condition, FlowDefinition, StepDefinition, Target } from './flow-schema.js';

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
