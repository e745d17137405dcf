import type { FlowDefinition } from '../engine/flow.js';

/** 5-4-3-2-1: one sense at a time, at the person's own pace. What they name is read and let go, never stored. */
export const ground = {
  id: 'ground',
  command: 'ground',
  title: 'Grounding exercise',
  summary: '5-4-3-2-1: come back to the present through your senses, at your own pace',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'intro',
      kind: 'say',
      say: "Let's come back to right here, one sense at a time. There's no hurry. Type what you notice, or tap *Done* when you're ready to move on.",
    },
    { id: 'see', kind: 'text', say: 'Look around you. Name *5 things you can see*.', maxLength: 500, skippable: true, skipLabel: 'Done', keep: false },
    { id: 'touch', kind: 'text', say: 'Now *4 things you can feel*: your feet on the floor, the chair, the air on your skin…', maxLength: 500, skippable: true, skipLabel: 'Done', keep: false },
    { id: 'hear', kind: 'text', say: 'Listen for *3 things you can hear*, near or far.', maxLength: 500, skippable: true, skipLabel: 'Done', keep: false },
    { id: 'smell', kind: 'text', say: 'Notice *2 things you can smell*, or two smells you like.', maxLength: 500, skippable: true, skipLabel: 'Done', keep: false },
    { id: 'taste', kind: 'text', say: 'And *1 thing you can taste*, or one taste you enjoy.', maxLength: 500, skippable: true, skipLabel: 'Done', keep: false },
    {
      id: 'close',
      kind: 'say',
      say: "You just brought yourself back to the present, one sense at a time. Take one slow breath. I'm here whenever you need this again: /ground.",
    },
  ],
} as const satisfies FlowDefinition;
