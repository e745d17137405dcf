import type { FlowDefinition } from '../engine/flow.js';

/*
 * A short self-compassion pause (about three minutes): noticing that this is hard, remembering that struggling is
 * part of being human, and offering oneself the kindness one would offer a friend. What the person writes is read
 * and let go, never stored.
 */
export const selfCompassion = {
  id: 'self-compassion',
  command: 'kindness',
  title: 'Self-compassion pause',
  summary: 'a three-minute pause to meet a hard moment with kindness instead of blame',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'notice',
      kind: 'say',
      slot: 'exercise',
      say:
        '*A self-compassion pause.* If you like, put a hand on your chest or wherever feels comforting.\n\n' +
        'First, just name it, gently: _this is a hard moment._ No need to explain or fix it yet.',
      wait: 25,
    },
    {
      id: 'human',
      kind: 'say',
      slot: 'exercise',
      say:
        "Next: _struggling is part of being human._ Right now, many people in recovery are feeling something like this too. You aren't the only one, and you aren't broken for feeling it.",
      wait: 25,
    },
    {
      id: 'friend',
      kind: 'text',
      say: 'Think of a good friend going through exactly this. What would you say to them? Type it if you like (I read it and let it go), or tap *Skip*.',
      maxLength: 500,
      skippable: true,
      keep: false,
    },
    {
      id: 'kindness',
      kind: 'say',
      slot: 'exercise',
      say:
        'Now, if you can, offer some of that to yourself: _may I be kind to myself in this moment._ Or any words that fit you better.\n\n' +
        'Take three slow breaths with those words.',
      wait: 20,
    },
    {
      id: 'close',
      kind: 'say',
      say: 'Thank you for giving yourself this pause. Kindness toward yourself is not letting yourself off the hook; it is what makes the next step possible. /kindness is here any time.',
    },
  ],
} as const satisfies FlowDefinition;
