import { supporterOptions } from './supporter-options.js';
import { zoneOptions } from '../schedule/zones.js';
import type { FlowDefinition } from '../engine/flow.js';

/*
 * /event: a plan for a risky occasion (a party, a family gathering, the festive season): who to go with, how to
 * leave, who is on standby, and when Tether should check in during and after. Those check-ins are kept in Postgres
 * and sent like scheduled check-ins (event-checkin below).
 */
export const eventPlan = {
  id: 'event',
  command: 'event',
  title: 'Event plan',
  summary: 'plan ahead for a risky occasion: who you go with, how you leave, and check-ins during and after',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'what',
      kind: 'text',
      maxLength: 120,
      say: "Planning ahead for a hard occasion is a real recovery skill. *What's coming up?* (A party, a wedding, a family dinner…)",
    },
    { id: 'date', kind: 'text', maxLength: 20, parse: 'date', say: 'Which day is it? For example _2027-12-24_.' },
    { id: 'start', kind: 'text', maxLength: 20, parse: 'time', say: 'What time does it start? For example _19:00_ or _7pm_.' },
    {
      id: 'zone',
      kind: 'choice',
      say: 'In which time zone?',
      options: [
        { id: 'same', label: 'Same as my check-ins', if: { fact: 'scheduled' } },
        ...zoneOptions,
        { id: 'other', label: 'Somewhere else', next: 'zone-other' },
      ],
      next: 'with',
    },
    { id: 'zone-other', kind: 'text', maxLength: 64, parse: 'time-zone', say: 'Which time zone? A name like _America/Toronto_, or the nearest big city.' },
    {
      id: 'with',
      kind: 'text',
      maxLength: 200,
      skippable: true,
      say: "Who are you going with? Someone who knows what you're working on is ideal. Or skip.",
    },
    {
      id: 'leave',
      kind: 'text',
      maxLength: 200,
      skippable: true,
      say: 'How and when will you leave? A ride home at 10, a taxi, your own car. Knowing your way out makes it easier to stay steady.',
    },
    {
      id: 'standby',
      kind: 'choice',
      say: 'Who could you call if you need to leave early or talk for a minute?',
      options: [
        ...supporterOptions(),
        { id: 'someone', label: 'Someone else', next: 'standby-other' },
        { id: 'none', label: 'No one yet' },
      ],
      next: 'during',
    },
    { id: 'standby-other', kind: 'text', maxLength: 100, say: 'Who? A name is enough.' },
    {
      id: 'during',
      kind: 'choice',
      say: '*Should I check in with you during it?*',
      options: [
        { id: 'one-hour', label: 'Once, an hour in' },
        { id: 'every-two', label: 'Every two hours (twice)' },
        { id: 'no', label: 'No, not during' },
      ],
    },
    {
      id: 'after',
      kind: 'choice',
      say: '*And afterwards?*',
      options: [
        { id: 'night', label: 'Later that night' },
        { id: 'morning', label: 'The next morning' },
        { id: 'both', label: 'Both' },
        { id: 'no', label: 'No need' },
      ],
    },
    {
      id: 'saved',
      kind: 'say',
      record: {
        type: 'event',
        values: { what: 'what', date: 'date', start: 'start', zone: 'zone', zoneOther: 'zone-other', with: 'with', leave: 'leave', standby: 'standby', standbyOther: 'standby-other', during: 'during', after: 'after' },
      },
      say: [
        { text: '*Your plan for {what}*, on {date} at {start}:' },
        { text: '• Going with: {with}', if: { answer: 'with', answered: true } },
        { text: '• Leaving: {leave}', if: { answer: 'leave', answered: true } },
        { text: '• On standby: {standby}', if: { answer: 'standby', is: ['s1', 's2', 's3', 's4', 's5'] } },
        { text: '• On standby: {standby-other}', if: { answer: 'standby-other', answered: true } },
        { text: "I'll check in as you asked. You can leave whenever you need to; looking after yourself comes first. /reachout and /sos work from anywhere." },
      ],
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;

/** A check-in an event plan asked for: short, and pointing to help if it is getting hard. */
export const eventCheckin = {
  id: 'event-checkin',
  title: 'Event check-in',
  summary: 'a check-in during or after an occasion you planned for',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'how',
      kind: 'choice',
      say: "Hi, it's Tether, checking in as you asked for the occasion you planned. *How's it going?*",
      options: [
        { id: 'okay', label: 'Going okay' },
        { id: 'hard', label: "It's getting hard" },
        { id: 'home', label: "I'm home / it's over" },
      ],
    },
    {
      id: 'reply',
      kind: 'choice',
      if: { answer: 'how', is: ['hard'] },
      say: "Thank you for telling me. It's okay to step outside, or to leave now. What would help?",
      options: [
        { id: 'reach', label: 'Reach out to someone', next: { flow: 'reach-out' } },
        { id: 'breathe', label: 'Breathe for a minute', next: { flow: 'breathe', args: 'paced' } },
        { id: 'surf', label: 'Ride out an urge', next: { flow: 'urge-surfing' } },
      ],
      next: 'end',
    },
    {
      id: 'close',
      kind: 'say',
      say: [
        { text: "Good to hear. Keep your way home in mind, and enjoy what you can. I'm here if anything changes.", if: { answer: 'how', is: ['okay'] } },
        { text: 'Well done getting through it. Rest well tonight; /checkin is here if you want to look back on it.', if: { answer: 'how', is: ['home'] } },
      ],
    },
  ],
} as const satisfies FlowDefinition;
