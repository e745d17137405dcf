import type { FlowDefinition } from '../engine/flow.js';

/**
 * First contact: what Tether is and is not, what it keeps and why, and an explicit "I agree" before anything a
 * person shares is stored. Until then exercises and /sos work as they are.
 */
export const consent = {
  id: 'consent',
  title: 'Welcome',
  summary: 'what Tether is, what it keeps, and your agreement',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'explain',
      kind: 'choice',
      say:
        "Before we start, a few honest words about what I am.\n\n" +
        "*I'm peer support*, not treatment, not a therapist and not an emergency service. In danger, call your local emergency number, or send /sos.\n\n" +
        '*What I keep, and why:* your check-in answers and any notes you choose to write, so you can look back on them and so I can check in with you when you ask me to. ' +
        'Notes are encrypted. Nothing you tell me privately is ever posted in a group or shown to anyone else, and I never sell or share it.\n\n' +
        '*Your choice, any time:* /mydata sends you everything I hold, /forget deletes all of it.\n\n' +
        'Is that okay with you?',
      options: [
        { id: 'agree', label: 'I agree', next: 'agreed' },
        { id: 'not-now', label: 'Not now', next: 'declined' },
      ],
    },
    {
      id: 'agreed',
      kind: 'say',
      action: 'consent',
      say: "Thank you for trusting me with this. You can change your mind any time with /forget.",
      next: 'end',
    },
    {
      id: 'declined',
      kind: 'say',
      action: 'decline',
      say:
        "That's completely okay, and nothing about you has been stored. /breathe, /ground and /sos work right away, " +
        'and if you change your mind later, /start brings this back.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
