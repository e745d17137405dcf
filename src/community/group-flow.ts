import type { FlowDefinition, StepDefinition } from '../engine/flow.js';
import { checkin } from '../flows/checkin.js';
import type { BuiltInQuestion, Question } from './settings.js';

/*
 * A community's group check-in, as a flow built from its moderators' questions: Tether's own questions (the same
 * wording as the private check-in) and theirs, in their order. Answered privately; the group only ever sees how many
 * answered and how the mood was.
 */

export const GROUP_CHECKIN_COMMAND = 'group-checkin';

type CheckinStep = (typeof checkin.steps)[number];

function builtInStep(id: BuiltInQuestion): StepDefinition {
  const source = checkin.steps.find((s) => s.id === id) as CheckinStep;
  const { if: _if, next: _next, followUp: _f, record: _r, ...step } = source as CheckinStep & Partial<Pick<StepDefinition, 'if' | 'next' | 'followUp' | 'record'>>;
  if (step.kind === 'choice') {
    // Without the free-text "something else": a group check-in stays a few taps.
    return { ...step, options: step.options.filter((o) => !('next' in o)).map((o) => ({ id: o.id, label: o.label, ...('mirror' in o ? { mirror: o.mirror } : {}) })) } as StepDefinition;
  }
  return step as StepDefinition;
}

/** A short, stable name for a list of questions, so a run keeps its flow even after moderators change the list. */
export function questionsHash(questions: readonly Question[]): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(questions)) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function groupCheckinFlow(questions: readonly Question[]): FlowDefinition {
  const steps: StepDefinition[] = [];
  const values: Record<string, string> = {};
  let own = 0;
  for (const q of questions) {
    if ('builtIn' in q) {
      steps.push(builtInStep(q.builtIn));
      values[q.builtIn] = q.builtIn;
      continue;
    }
    own += 1;
    steps.push({ id: `own-${own}`, kind: 'scale', say: q.own, min: 1, max: 5, minLabel: 'not at all', maxLabel: 'very much' });
    values[`own${own}`] = `own-${own}`;
  }
  const asksCraving = questions.some((q) => 'builtIn' in q && q.builtIn === 'craving');
  steps[0] = {
    ...steps[0]!,
    say:
      "*Group check-in.* Your answers stay private: the group only ever sees how many people checked in and how the mood was, never who said what. /cancel stops any time.\n\n" +
      (typeof steps[0]!.say === 'string' ? steps[0]!.say.replace(/^\*Let's check in\.\*[^\n]*\n\n/, '') : ''),
  } as StepDefinition;
  steps.push({
    id: 'thanks',
    kind: 'say',
    record: { type: 'group-checkin', values },
    say: [
      { text: 'Thank you for checking in with the group today. If you would like to go deeper, /checkin is a fuller check-in just for you.' },
      ...(asksCraving ? [{ text: 'That craving sounds strong. /breathe or /ground are here right now, and /sos if it feels like too much.', if: { answer: 'craving', atLeast: 'highCraving' as const } }] : []),
    ],
    next: 'end',
  });
  return {
    id: `gc-${questionsHash(questions)}`,
    command: GROUP_CHECKIN_COMMAND,
    title: 'Group check-in',
    summary: "your community's check-in, answered privately",
    private: true,
    needsConsent: true,
    steps,
  };
}
