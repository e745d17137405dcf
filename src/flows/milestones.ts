import type { FlowDefinition } from '../engine/flow.js';

/*
 * /milestones: check-ins in all, days in a row, and (only if the person chooses) days since a date of their own.
 * Private: nothing here is shared, unless the person chooses to share one milestone with their group.
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
        { id: 'share', label: 'Share one with my group', next: 'share-which', if: { fact: 'inCommunity' } },
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
    {
      id: 'share-which',
      kind: 'choice',
      say: 'Which one would you like your group to see? Only this one is shared, once.',
      options: [
        { id: 'checkins', label: 'My check-ins so far' },
        { id: 'streak', label: 'My days in a row' },
        { id: 'days', label: 'My days since my date', if: { fact: 'countingDays' } },
      ],
    },
    {
      id: 'share-how',
      kind: 'choice',
      say: 'With your name, or without?',
      options: [
        { id: 'named', label: 'With my name' },
        { id: 'anonymous', label: 'Without my name' },
      ],
    },
    { id: 'shared', kind: 'say', action: 'milestone-share', actionArgs: { which: 'share-which', how: 'share-how' }, say: 'Sharing it with your group now.', next: 'end' },
    { id: 'stopped', kind: 'say', say: "Okay, I've stopped counting days.", record: { type: 'count-from', values: {} }, next: 'end' },
  ],
} as const satisfies FlowDefinition;
