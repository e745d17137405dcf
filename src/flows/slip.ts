import type { FlowDefinition } from '../engine/flow.js';

/*
 * /slip: a return to use met as an occasion for repair, not a reset or a lecture. A short reflection (every
 * question can be skipped), one small next step, someone who could help, and a gentle check-in the next day.
 */
export const slip = {
  id: 'slip',
  command: 'slip',
  title: 'Slip reflection',
  summary: 'after a slip: a short, kind reflection and one small next step, no judgement',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'what',
      kind: 'text',
      say:
        "Thank you for telling me. A slip doesn't erase the work you've done, and it isn't a verdict on you. " +
        "It's something to learn from, gently. We'll take a few minutes; skip anything you like.\n\n" +
        'If you want to, what happened? (Only for you.)',
      maxLength: 1000,
      skippable: true,
      skipLabel: "I'd rather not say",
    },
    {
      id: 'before',
      kind: 'text',
      say: 'What was going on before it, in the hours or days leading up? Feelings, places, people, tiredness…',
      maxLength: 1000,
      skippable: true,
    },
    {
      id: 'need',
      kind: 'choice',
      say: 'Looking back, what were you needing most then?',
      options: [
        { id: 'closeness', label: 'Closeness' },
        { id: 'relief', label: 'Relief from pain or stress' },
        { id: 'rest', label: 'Rest' },
        { id: 'safety', label: 'Safety' },
        { id: 'fun', label: 'Fun or escape' },
        { id: 'heard', label: 'To be heard', mirror: 'to be heard' },
      ],
      skippable: true,
    },
    {
      id: 'repair',
      kind: 'text',
      say: 'What is one small step toward repair or care you could take in the next day? Small is good: a glass of water, a meeting, a message, an early night.',
      maxLength: 600,
      skippable: true,
    },
    {
      id: 'who',
      kind: 'text',
      say: 'Who could help you with that, or just know how you are doing?',
      maxLength: 300,
      skippable: true,
    },
    {
      id: 'close',
      kind: 'say',
      record: { type: 'slip', values: { happened: 'what', before: 'before', need: 'need', repair: 'repair', helper: 'who' } },
      followUp: { flow: 'slip-follow-up', hours: 20 },
      say: [
        { text: 'Thank you for looking at this with me. That takes courage.' },
        { text: 'Your next step: {repair}. Small steps like that are how repair happens.', if: { answer: 'repair', answered: true } },
        { text: 'Reaching out to {who} could help carry this.', if: { answer: 'who', answered: true } },
        { text: "Your check-in history stays as it is: one day doesn't undo the others. I'll check in with you tomorrow. /kindness is here if you're being hard on yourself." },
      ],
    },
  ],
} as const satisfies FlowDefinition;

/** The next day: how they are, and whether the small step happened, with no pressure either way. */
export const slipFollowUp = {
  id: 'slip-follow-up',
  title: 'Checking in after yesterday',
  summary: 'a gentle check-in the day after a slip',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'how',
      kind: 'choice',
      say: "Hi, it's Tether. I wanted to see how you're doing after yesterday. How is today going?",
      options: [
        { id: 'better', label: 'A bit better' },
        { id: 'same', label: 'About the same' },
        { id: 'hard', label: "It's hard" },
      ],
    },
    {
      id: 'reply',
      kind: 'say',
      say: [
        { text: "I'm glad. Whatever you did to get here counts.", if: { answer: 'how', is: ['better'] } },
        { text: 'Thank you for telling me. Steady is okay; recovery is rarely a straight line.', if: { answer: 'how', is: ['same'] } },
        { text: "I'm sorry it's hard. You don't have to hold it alone: reach out to someone you trust, or try /surf, /breathe or /kindness. /sos if it gets to be too much.", if: { answer: 'how', is: ['hard'] } },
        { text: '/checkin is here whenever you want it.' },
      ],
    },
  ],
} as const satisfies FlowDefinition;
