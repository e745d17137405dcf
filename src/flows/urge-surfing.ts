import type { FlowDefinition, StepDefinition } from '../engine/flow.js';

/*
 * Urge surfing: about ten minutes with an urge, watched like a wave as it rises, peaks and passes, without acting on
 * it and without fighting it. One message that changes (the "exercise" slot), a rating before and after.
 */

const wave = (id: string, lines: readonly string[], seconds: number): StepDefinition[] =>
  lines.map((line, i) => ({ id: `${id}-${i + 1}`, kind: 'say', slot: 'exercise', say: line, wait: seconds }) as StepDefinition);

const RISING = '🌊 ▁▂▃';
const PEAK = '🌊 ▃▅▇';
const FALLING = '🌊 ▇▅▃';
const PASSING = '🌊 ▃▂▁';

export const urgeSurfing = {
  id: 'urge-surfing',
  command: 'surf',
  title: 'Urge surfing',
  summary: 'ride out a craving like a wave: about ten minutes, noticing it rise, peak and pass',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'before',
      kind: 'scale',
      say:
        "*Urge surfing.* A craving is like a wave: it builds, it peaks, and it passes, usually within minutes, even when it feels like it won't. " +
        "We'll watch this one together for about ten minutes, without acting on it and without fighting it.\n\nHow strong is the urge right now?",
      min: 0,
      max: 10,
      minLabel: 'barely there',
      maxLabel: 'overwhelming',
    },
    ...wave(
      'rising',
      [
        `${RISING}\n\nFind a comfortable position and let your breath be as it is. Where in your body do you feel the urge? Your chest, your throat, your hands, your stomach?`,
        `${RISING}\n\nJust notice it, like watching a wave come in. Is it tight, warm, buzzing, heavy? You don't have to do anything with it.`,
        `${RISING}\n\nIf your mind starts bargaining or planning, that's part of the wave too. Notice the thought, and come back to the feeling in your body.`,
      ],
      40,
    ),
    ...wave(
      'peak',
      [
        `${PEAK}\n\nThe wave may be near its highest now. Breathe into the place where it is strongest, slowly, as if making room around it.`,
        `${PEAK}\n\nYou are riding it, not being pulled under. Every breath is one more moment you stayed with it.`,
        `${PEAK}\n\nUrges often carry a need: comfort, rest, connection, relief. What might this one be asking for? Just wonder about it.`,
        `${PEAK}\n\nStill here. Feel your feet on the ground. The wave is strong, and so is the part of you that is watching it.`,
      ],
      45,
    ),
    ...wave(
      'falling',
      [
        `${FALLING}\n\nNotice whether anything has shifted: the strength, the place, the texture. Even a small change counts.`,
        `${FALLING}\n\nLet your shoulders drop. Let your jaw soften. Keep breathing out a little longer than you breathe in.`,
        `${FALLING}\n\nWaves don't last forever. You are seeing that for yourself right now.`,
      ],
      50,
    ),
    ...wave(
      'passing',
      [
        `${PASSING}\n\nAs the wave settles, notice the calmer water behind it. Rest here for a few breaths.`,
        `${PASSING}\n\nYou stayed with an urge without acting on it. That is a skill, and you just practised it.`,
      ],
      40,
    ),
    {
      id: 'after',
      kind: 'scale',
      say: 'How strong is the urge now?',
      min: 0,
      max: 10,
      minLabel: 'barely there',
      maxLabel: 'overwhelming',
    },
    {
      id: 'close',
      kind: 'say',
      say: [
        { text: 'It came down while you watched it. Remember this next time an urge feels endless.', if: { answer: 'after', atMost: 4 } },
        { text: "It's still strong, and that's okay: some waves are long. Reaching out to someone you trust can help carry the rest; /breathe is here too, and /sos if it feels like too much.", if: { answer: 'after', atLeast: 5 } },
        { text: 'Whenever an urge rises, /surf is here.' },
      ],
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
