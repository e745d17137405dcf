import type { FlowDefinition } from '../engine/flow.js';

/**
 * Crisis help: started by /sos, or by the crisis screen when someone writes something that sounds like danger,
 * over whatever was running (which waits). Pre-written, never generated. An emergency in progress gets the
 * emergency number first; then lines for the person's region, and company: breathing, grounding, someone they
 * trust. "It was a misunderstanding" picks up where they were.
 */
export const crisis = {
  id: 'crisis',
  command: 'sos',
  title: 'Crisis support',
  summary: 'help right now: emergency numbers, crisis lines, and someone to breathe with',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'now',
      kind: 'choice',
      say: "I'm here. *Are you, or is someone with you, in danger right now?*",
      options: [
        { id: 'emergency', label: 'Yes, right now', next: 'emergency' },
        { id: 'struggling', label: "No, but I'm struggling", next: 'struggling' },
      ],
    },
    {
      id: 'emergency',
      kind: 'say',
      say:
        '*Please call {@emergency} now.* Emergency services can help faster than anyone here.\n\n' +
        'If someone is unconscious, not breathing or has taken too much, stay with them and do what the call handler tells you. ' +
        'If you are not safe where you are, get to a safer place or to other people if you can.',
      next: 'lines',
    },
    {
      id: 'struggling',
      kind: 'say',
      say:
        "I'm really glad you told me. What you're feeling matters, and you don't have to carry it on your own right now.\n\n" +
        'If you might act on thoughts of ending your life or hurting yourself, please call *{@emergency}* now.',
      next: 'lines',
    },
    {
      id: 'lines',
      kind: 'say',
      say: 'People who are there for exactly this, any time of day:\n{@crisisLines}\n\n_I am a peer-support bot, not an emergency service, but I can stay with you here._',
    },
    {
      id: 'offer',
      kind: 'choice',
      say: 'While you reach out, or if you would like some company right now:',
      options: [
        { id: 'breathe', label: 'Breathe with me', next: { flow: 'breathe', args: 'paced', resume: 'still-here' } },
        { id: 'ground', label: '5-4-3-2-1 grounding', next: { flow: 'ground', resume: 'still-here' } },
        { id: 'someone', label: 'Reach someone I trust', next: 'someone' },
        { id: 'misunderstood', label: 'It was a misunderstanding', next: 'misunderstood' },
      ],
    },
    {
      id: 'someone',
      kind: 'say',
      say:
        'Who tends to steady you: a sponsor, a friend, someone from your group? A short message is enough, like ' +
        '_"I\'m not okay right now. Can you call me?"_ Reaching out is a strong thing to do.\n\nI am here too, and /sos brings this back any time.',
      next: 'end-all',
    },
    {
      id: 'still-here',
      kind: 'say',
      say: "I'm still here. If things get worse, please call {@emergency} or one of the lines above. /sos brings them back any time.",
      next: 'end-all',
    },
    {
      id: 'misunderstood',
      kind: 'say',
      say: 'Thank you for telling me, and sorry for jumping in. I would rather ask than miss it. Let us carry on.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
