import { describe, expect, it } from 'vitest';
import { FlowDefinitionError, compileFlows, type FlowDefinition } from '../../src/engine/flow.js';
import { builtInFlows } from '../../src/flows/index.js';
import { flowVocabulary } from '../../src/features/registry.js';

const flow = (steps: FlowDefinition['steps'], extra: Partial<FlowDefinition> = {}): FlowDefinition => ({
  id: 'sample',
  title: 'Sample',
  summary: 'a sample',
  private: false,
  needsConsent: false,
  steps,
  ...extra,
});

function problemsOf(defs: FlowDefinition[]): readonly string[] {
  try {
    compileFlows(defs);
  } catch (error) {
    expect(error).toBeInstanceOf(FlowDefinitionError);
    return (error as FlowDefinitionError).problems;
  }
  throw new Error('expected the flows to be rejected');
}

describe('flows are data, checked when loaded', () => {
  it('compiles every built-in flow, and each command is unique', () => {
    const registry = compileFlows(builtInFlows, flowVocabulary);
    expect([...registry.byCommand.keys()]).toEqual(['checkin', 'breathe', 'ground', 'surf', 'kindness', 'supporters', 'reachout', 'support', 'plan', 'event', 'slip', 'history', 'trends', 'milestones', 'sos', 'schedule', 'pause', 'resume', 'link', 'unlink', 'mydata', 'forget', 'setup']);
    expect(registry.flows.get('checkin')!.steps.map((s) => s.kind)).toContain('number');
  });

  it('names a step that leads nowhere', () => {
    expect(problemsOf([flow([{ id: 'a', kind: 'say', say: 'hi', next: 'nowhere' }])])).toContain('step "a": no step "nowhere"');
  });

  it('names a flow that starts an unknown flow', () => {
    const problems = problemsOf([flow([{ id: 'a', kind: 'say', say: 'hi', next: { flow: 'ghost' } }])]);
    expect(problems).toContain('step "a": no flow "ghost"');
  });

  it('rejects a loop of steps that neither ask nor wait', () => {
    const problems = problemsOf([
      flow([
        { id: 'a', kind: 'say', say: 'one', next: 'b' },
        { id: 'b', kind: 'say', say: 'two', next: 'a' },
      ]),
    ]);
    expect(problems.some((p) => p.includes('loops back to itself'))).toBe(true);
  });

  it('accepts a loop that waits on a timer', () => {
    expect(() =>
      compileFlows([
        flow([
          { id: 'a', kind: 'say', say: 'one', next: 'b', wait: 1 },
          { id: 'b', kind: 'say', say: 'two', next: 'a' },
        ]),
      ]),
    ).not.toThrow();
  });

  it('rejects duplicate steps and options, conditions on unknown answers and unknown placeholders', () => {
    const problems = problemsOf([
      flow([
        {
          id: 'q',
          kind: 'choice',
          say: 'Pick {missing}',
          options: [
            { id: 'x', label: 'X' },
            { id: 'x', label: 'Y' },
          ],
        },
        { id: 'q', kind: 'say', say: 'dup', if: { answer: 'nope', atLeast: 1 } },
      ]),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'step "q" appears twice',
        'step "q": option "x" appears twice',
        'step "q": text refers to unknown answer {missing}',
        'step "q": condition reads "nope", which is no question of this flow',
      ]),
    );
  });

  it('rejects malformed definitions with the path of each problem', () => {
    const problems = problemsOf([flow([{ id: 'Bad Id', kind: 'scale', say: 'x', min: 1, max: 5, minLabel: 'a', maxLabel: 'b' }])]);
    expect(problems.some((p) => p.startsWith('steps.0.id'))).toBe(true);
    const range = problemsOf([flow([{ id: 's', kind: 'scale', say: 'x', min: 5, max: 1, minLabel: 'a', maxLabel: 'b' }])]);
    expect(range).toContain('step "s": min must be below max');
  });

  it('requires the last branch to be the fallback', () => {
    const problems = problemsOf([
      flow([
        { id: 'n', kind: 'number', say: 'x', min: 0, max: 9, unit: 'u', next: [{ if: { answer: 'n', atLeast: 3 }, to: 'end' }] },
      ]),
    ]);
    expect(problems).toContain('step "n": the last branch must have no "if" (it is the fallback)');
  });
});

describe('the vocabulary flows are compiled with', () => {
  it('names a text format or a record type nobody handed in', () => {
    const defs = [flow([{ id: 'when', kind: 'text', maxLength: 20, parse: 'moon-phase', say: 'When?', next: 'done' }, { id: 'done', kind: 'say', say: 'ok', record: { type: 'diary', values: { at: 'when' } } }])];
    let problems: readonly string[] = [];
    try {
      compileFlows(defs, flowVocabulary);
    } catch (error) {
      problems = (error as FlowDefinitionError).problems;
    }
    expect(problems).toEqual(['step "when": no text format "moon-phase"', 'step "done": no record type "diary"']);
  });

  it('reads a text step with the parser it was handed', () => {
    const registry = compileFlows([flow([{ id: 'when', kind: 'text', maxLength: 20, parse: 'shout', say: 'When?' }])], { parsers: { shout: (t) => ({ ok: true, value: t.toUpperCase() }) } });
    const step = registry.flows.get('sample')!.byId.get('when')!;
    expect(step.parser?.('soon')).toEqual({ ok: true, value: 'SOON' });
  });
});
