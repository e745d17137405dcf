import type { FlowDefinition } from '../engine/flow.js';

/** The gentle check-back after a high craving. Started by a timer, not a command. */
export const cravingFollowUp = {
  id: 'craving-follow-up',
  title: 'Follow-up',
  summary: 'a gentle check-back after a strong craving',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'now',
      kind: 'scale',
      say: "Hi, it's Tether. Earlier you told me about a strong craving, and I said I'd check back in. How strong is it now?",
      min: 0,
      max: 10,
      minLabel: 'none at all',
      maxLabel: 'very strong',
      next: [
        { if: { answer: 'now', atLeast: 'highCraving' }, to: 'still-strong' },
        { if: { answer: 'now', atMost: 3 }, to: 'eased' },
        { to: 'lingering' },
      ],
    },
    {
      id: 'eased',
      kind: 'say',
      say: 'It sounds like it has eased. You stayed with it until it passed, and that is worth noticing.',
      next: 'end',
    },
    {
      id: 'lingering',
      kind: 'say',
      say: "It's still there, and you're still here, checking in. That counts. /breathe or /ground are here if you want them.",
      next: 'end',
    },
    {
      id: 'still-strong',
      kind: 'choice',
      say: "It's still strong. That is hard, and you don't have to ride it out alone. Would one of these help right now?",
      options: [
        { id: 'breathe', label: 'Breathe with me', next: { flow: 'breathe', args: 'paced' } },
        { id: 'ground', label: '5-4-3-2-1 grounding', next: { flow: 'ground' } },
        { id: 'reach-out', label: 'Reach out to someone', next: 'reach-out' },
        { id: 'no', label: 'Not right now', next: 'not-now' },
      ],
    },
    {
      id: 'reach-out',
      kind: 'say',
      say:
        'Who tends to steady you? A sponsor, a friend, someone from your group. You could send them something as simple as ' +
        '_"Having a rough moment, can you talk for ten minutes?"_',
      next: 'end',
    },
    {
      id: 'not-now',
      kind: 'say',
      say: "Okay. I'm here whenever you want me: /breathe, /ground or /checkin, any time.",
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
