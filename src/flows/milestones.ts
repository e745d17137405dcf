import type { FlowDefinition } from '../engine/flow.js';

/*
 * /milestones: check-ins in all, days in a row, and (only if the person chooses) days since a date of their own.
 * Private: nothing here is ever shared.
 */
export const milestones = {
  id: 'milestones',
  command: 'milestones',
  title: 'Milestones',
  summary: 'your check-ins so far, days in a row, and days since a date you choose',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'menu',
      kind: 'choice',
      say: [
        { text: '*Your milestones.* Only you see these.' },
        { text: '• Check-ins so far: {@checkIns}\n• Days in a row with a check-in: {@streak}' },
        { text: '• Days since {@countFrom}: {@daysSince}', if: { fact: 'countingDays' } },
        {
          text: 'Streaks are just a way of noticing: a missed day or a slip does not undo what you have built.',
        },
      ],
      options: [
        { id: 'count', label: 'Count days from a date', next: 'date' },
        { id: 'stop', label: 'Stop counting days', next: 'stopped', if: { fact: 'countingDays' } },
        { id: 'done', label: 'Done', next: 'end' },
      ],
    },
    {
      id: 'date',
      kind: 'text',
      maxLength: 20,
      parse: 'date',
      say: 'From which date? Any date that means something to you, for example _2026-03-01_. Only you will see the count.',
    },
    { id: 'counting', kind: 'say', say: "Saved. /milestones shows the count whenever you'd like to see it.", record: { type: 'count-from', values: { date: 'date' } }, next: 'end' },
    { id: 'stopped', kind: 'say', say: "Okay, I've stopped counting days.", record: { type: 'count-from', values: {} }, next: 'end' },
  ],
} as const satisfies FlowDefinition;
