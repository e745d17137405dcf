import type { FlowDefinition, StepDefinition } from '../engine/flow.js';

/*
 * Breathing together, one timed step at a time. Every step sits in the "exercise" slot, so platforms that can
 * edit messages show one message that changes instead of a stream of them.
 */

const BOX_ROUNDS = 4;
const PACED_ROUNDS = 6;
const FOUR_SEVEN_EIGHT_ROUNDS = 4;

function dots(round: number, rounds: number): string {
  return '●'.repeat(round) + '○'.repeat(rounds - round);
}

function rounds(prefix: string, count: number, phases: readonly { id: string; text: string; seconds: number }[], after: StepDefinition['next']): StepDefinition[] {
  const steps: StepDefinition[] = [];
  for (let round = 1; round <= count; round++) {
    for (const phase of phases) {
      steps.push({
        id: `${prefix}-${round}-${phase.id}`,
        kind: 'say',
        slot: 'exercise',
        say: `${dots(round, count)}  Round ${round} of ${count}\n\n${phase.text}`,
        wait: phase.seconds,
      });
    }
  }
  steps[steps.length - 1] = { ...steps[steps.length - 1]!, next: after } as StepDefinition;
  return steps;
}

/** Alone, a question about how it went; in a channel, a closing word for everyone and no question. */
const afterwards: StepDefinition['next'] = [{ if: { fact: 'group' }, to: 'group-after' }, { to: 'after' }];

export const breathe = {
  id: 'breathe',
  command: 'breathe',
  title: 'Breathing exercise',
  summary: 'breathe together: box breathing, slow breathing or 4-7-8, at an even pace',
  private: false,
  needsConsent: false,
  steps: [
    {
      id: 'style',
      kind: 'choice',
      say: "Let's breathe together for a minute. Which rhythm would you like?",
      options: [
        { id: 'box', label: 'Box breathing (4-4-4-4)', next: 'box-intro' },
        { id: 'paced', label: 'Slow breathing (in 4, out 6)', next: 'paced-intro' },
        { id: 'four-seven-eight', label: '4-7-8 breathing', next: 'four-seven-eight-intro' },
      ],
    },
    {
      id: 'box-intro',
      kind: 'say',
      slot: 'exercise',
      say:
        '*Box breathing*: in for 4, hold for 4, out for 4, hold for 4. Four rounds, about a minute.\n\n' +
        "Sit or stand however is comfortable. If holding your breath doesn't feel right, just breathe gently through those parts.",
      wait: 6,
    },
    ...rounds(
      'box',
      BOX_ROUNDS,
      [
        { id: 'in', text: '*Breathe in* through your nose… 1, 2, 3, 4', seconds: 4 },
        { id: 'hold', text: '*Hold*, softly… 1, 2, 3, 4', seconds: 4 },
        { id: 'out', text: '*Breathe out* slowly… 1, 2, 3, 4', seconds: 4 },
        { id: 'rest', text: '*Rest* before the next breath… 1, 2, 3, 4', seconds: 4 },
      ],
      afterwards,
    ),
    {
      id: 'paced-intro',
      kind: 'say',
      slot: 'exercise',
      say: '*Slow breathing*: in for 4, out for 6. A longer out-breath tells your body it can settle. Six rounds, about a minute.',
      wait: 5,
    },
    ...rounds(
      'paced',
      PACED_ROUNDS,
      [
        { id: 'in', text: '*Breathe in*… 1, 2, 3, 4', seconds: 4 },
        { id: 'out', text: '*Breathe out*, long and slow… 1, 2, 3, 4, 5, 6', seconds: 6 },
      ],
      afterwards,
    ),
    {
      id: 'four-seven-eight-intro',
      kind: 'say',
      slot: 'exercise',
      say:
        '*4-7-8 breathing*: in through the nose for 4, hold for 7, out through the mouth for 8, with a soft whoosh. Four rounds, a little over a minute.\n\n' +
        "If holding feels uncomfortable, shorten it. It's your breath.",
      wait: 6,
    },
    ...rounds(
      'four-seven-eight',
      FOUR_SEVEN_EIGHT_ROUNDS,
      [
        { id: 'in', text: '*Breathe in* quietly through your nose… 1, 2, 3, 4', seconds: 4 },
        { id: 'hold', text: '*Hold*, gently… 1, 2, 3, 4, 5, 6, 7', seconds: 7 },
        { id: 'out', text: '*Breathe out* through your mouth, whoosh… 1, 2, 3, 4, 5, 6, 7, 8', seconds: 8 },
      ],
      afterwards,
    ),
    {
      id: 'after',
      kind: 'choice',
      say: 'Well done. Let your breathing find its own pace again.\n\nHow do you feel now?',
      options: [
        { id: 'calmer', label: 'A bit calmer', next: 'calmer' },
        { id: 'same', label: 'About the same', next: 'same' },
        { id: 'worse', label: 'Worse', next: 'worse' },
      ],
    },
    {
      id: 'group-after',
      kind: 'say',
      slot: 'exercise',
      say:
        'Well done, everyone. Let your breathing find its own pace again.\n\n' +
        'If you would like to talk about how it went, /checkin opens a private check-in with me.',
      next: 'end',
    },
    {
      id: 'calmer',
      kind: 'say',
      say: "That's your body settling, and you helped it get there. You can come back to this any time with /breathe.",
      next: 'end',
    },
    {
      id: 'same',
      kind: 'say',
      say: "That's okay. Sometimes it takes a few rounds, or a different way in. /ground brings you back to the present through your senses, and /surf rides out an urge with you.",
      next: 'end',
    },
    {
      id: 'worse',
      kind: 'say',
      say:
        "Thank you for telling me. Breathing exercises don't suit everyone, and that's okay. /ground may feel gentler, " +
        'and reaching out to someone you trust can help too.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
