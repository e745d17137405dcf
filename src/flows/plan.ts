import type { FlowDefinition, StepDefinition } from '../engine/flow.js';

/*
 * /plan: the person's recovery plan in their own words, piece by piece: their reasons (a personal mission statement),
 * triggers, early warning signs, what helps, and people they can reach. Stored encrypted; shown back on a strong
 * craving (see checkin.ts).
 */

const pieces = [
  { id: 'reasons', label: 'My reasons', ask: 'In a sentence or two: why does your recovery matter to you? Who or what is it for? (Your own words; only you will see them.)' },
  { id: 'triggers', label: 'My triggers', ask: 'What tends to set off cravings for you? Places, people, times, feelings. A short list is plenty.' },
  { id: 'warning-signs', label: 'Early warning signs', ask: 'What are the early signs that things are slipping for you, before a craving gets strong? (Sleeping badly, isolating, skipping meetings…)' },
  { id: 'coping', label: 'What helps me', ask: 'What helps you when a craving or a hard moment comes? Things that have worked before, big or small.' },
  { id: 'people', label: 'People I can reach', ask: 'Who can you reach when it gets hard, and how? A sponsor, a friend, someone from your group, a helpline.' },
] as const;

export const plan = {
  id: 'plan',
  command: 'plan',
  title: 'Recovery plan',
  summary: 'your recovery plan in your own words: reasons, triggers, warning signs, what helps, who to reach',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'menu',
      kind: 'choice',
      say: [
        { text: "*Your recovery plan.* It's yours, in your own words, and kept encrypted. When a craving is strong, I'll show you your reasons and what helps first." },
        { text: 'Which part would you like to write or change?' },
      ],
      options: [
        ...pieces.map((p) => ({ id: p.id, label: p.label, next: `ask-${p.id}` })),
        { id: 'show', label: 'Show my plan', next: 'show' },
        { id: 'done', label: 'Done', next: 'done' },
      ],
    },
    ...pieces.flatMap((p): StepDefinition[] => [
      { id: `ask-${p.id}`, kind: 'text', say: p.ask, maxLength: 600 },
      { id: `save-${p.id}`, kind: 'say', say: 'Saved.', record: { type: 'plan-piece', values: { piece: 'menu', text: `ask-${p.id}` } }, next: 'menu' },
    ]),
    { id: 'show', kind: 'say', action: 'plan-show', say: 'Here is your plan as it stands:', next: 'menu' },
    { id: 'done', kind: 'say', say: 'Your plan is saved. /plan opens it again any time.', next: 'end' },
  ],
} as const satisfies FlowDefinition;
