import { SUPPORTER_PLACES, supporterOptions } from './supporter-options.js';
import type { FlowDefinition } from '../engine/flow.js';

/** A request, in full, for each wording the person can pick (the buttons carry short labels). */
const wordings = [
  { id: 'call-hour', label: 'Call me within the hour', text: "I'm having a hard evening. Could you call me in the next hour?" },
  { id: 'text-back', label: 'Text me back', text: 'Could you text me when you see this? I could use some company right now.' },
  { id: 'stay-on-phone', label: 'Stay on the phone a bit', text: "I'm riding out a strong craving. Could you stay on the phone with me for ten minutes?", feeling: 'craving' },
  { id: 'ride', label: 'A ride home', text: "Could you give me a ride home later? I'd rather not be on my own getting back.", feeling: 'practical' },
  { id: 'coffee', label: 'Coffee tomorrow', text: 'Could we meet for a coffee tomorrow? It would help to see a friendly face.' },
  { id: 'from-checkin', label: 'From my last check-in', text: "I've been feeling {@lastFeeling}, and what I need is {@lastNeed}. Could you check in on me today?", fact: 'hasLastCheckIn' },
] as const;

/*
 * /reachout: turns a feeling into a concrete request to someone the person trusts, worded with them, and gives it
 * to them to send (copy it, and reach the person the way they usually do). A concrete, small ask is easier to say
 * yes to. Nothing is stored.
 */
export const reachOut = {
  id: 'reach-out',
  command: 'reachout',
  title: 'Reaching out',
  summary: 'turn a hard moment into a concrete request to someone you trust',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'feeling',
      kind: 'choice',
      say: "Reaching out is a strong move, especially when part of you wants to pull away. *What's going on?*",
      options: [
        { id: 'hard-time', label: "I'm having a hard time" },
        { id: 'craving', label: 'A craving is strong' },
        { id: 'lonely', label: 'I feel alone' },
        { id: 'practical', label: 'I need practical help' },
        { id: 'talk', label: "I'd just like to talk" },
      ],
    },
    {
      id: 'ask',
      kind: 'choice',
      say: 'A small, concrete ask is easier to say yes to. *Which fits?* You can change the words after.',
      options: [
        ...wordings.map((w) => ({
          id: w.id,
          label: w.label,
          ...('feeling' in w ? { if: { answer: 'feeling', is: [w.feeling] } } : 'fact' in w ? { if: { fact: w.fact } } : {}),
        })),
        { id: 'own', label: 'Write my own', next: 'own' },
      ],
      next: 'to',
    },
    { id: 'own', kind: 'text', maxLength: 500, say: 'Write it the way you would say it. Short is fine.' },
    {
      id: 'to',
      kind: 'choice',
      say: '*Who would you like to ask?*',
      options: [
        ...supporterOptions(),
        { id: 'someone', label: 'Someone else', next: 'ready' },
      ],
    },
    {
      id: 'send',
      kind: 'choice',
      say: 'Should I send it to them through Tether (if they joined as your supporter), or will you send it yourself?',
      options: [
        { id: 'tether', label: 'Send it through Tether', next: 'request' },
        { id: 'myself', label: "I'll send it myself", next: 'ready' },
      ],
    },
    {
      id: 'request',
      kind: 'say',
      // Said to the person, and sent as it is: the request itself.
      action: 'reach-out-send',
      actionArgs: { to: 'to' },
      say: [...wordings.map((w) => ({ text: w.text, if: { answer: 'ask', is: [w.id] } })), { text: '{own}', if: { answer: 'ask', is: ['own'] } }],
      next: 'end',
    },
    {
      id: 'ready',
      kind: 'say',
      say: [
        { text: 'Here is your message. Copy it, change any words you like, and send it:' },
        ...wordings.map((w) => ({ text: `_${w.text}_`, if: { answer: 'ask', is: [w.id] } })),
        { text: '_{own}_', if: { answer: 'ask', is: ['own'] } },
        ...SUPPORTER_PLACES.map((n) => ({ text: `To {@supporter${n}}: {@how${n}}.`, if: { answer: 'to', is: [`s${n}`] } })),
        { text: "/supporters keeps the people you trust and how you reach them, so they're here next time.", if: { fact: 'supporter1', not: true } },
        { text: "Whatever they answer, asking was the brave part. If you can't reach anyone and it feels like too much, /sos is here." },
      ],
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
