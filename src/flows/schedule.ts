import { zoneOptions } from '../schedule/zones.js';
import type { FlowDefinition } from '../engine/flow.js';

/*
 * /schedule, /pause and /resume: check-ins at the time the person chose, on their clock. The record each flow
 * emits is read by src/schedule/schedule-record.ts; option ids such as `at-0800` and `q-2200-0700` carry their value.
 */

export const schedule = {
  id: 'schedule',
  command: 'schedule',
  title: 'Check-in schedule',
  summary: 'choose when I check in with you: days, time, time zone and quiet hours',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'days',
      kind: 'choice',
      say: [
        { text: 'You have scheduled check-ins already; this replaces them.', if: { fact: 'scheduled' } },
        { text: "Let's choose when I check in with you. *Which days?*" },
      ],
      options: [
        { id: 'every-day', label: 'Every day' },
        { id: 'weekdays', label: 'Weekdays (Mon-Fri)' },
        { id: 'weekend', label: 'Weekends' },
        { id: 'pick', label: 'Let me choose the days', next: 'pick-days' },
      ],
      next: 'time',
    },
    { id: 'pick-days', kind: 'text', maxLength: 120, parse: 'weekdays', say: 'Which days? For example: _mon wed fri_.' },
    {
      id: 'time',
      kind: 'choice',
      say: '*What time?* (your local time)',
      options: [
        { id: 'at-0800', label: '08:00', mirror: '08:00' },
        { id: 'at-1200', label: '12:00', mirror: '12:00' },
        { id: 'at-1800', label: '18:00', mirror: '18:00' },
        { id: 'at-2100', label: '21:00', mirror: '21:00' },
        { id: 'other', label: 'Another time', next: 'time-other' },
      ],
      next: 'zone',
    },
    { id: 'time-other', kind: 'text', maxLength: 20, parse: 'time', say: 'What time suits you? For example _07:30_ or _7:30pm_.' },
    {
      id: 'zone',
      kind: 'choice',
      say: '*Which time zone are you in?* I follow daylight-saving changes for you.',
      options: [
        ...zoneOptions,
        { id: 'other', label: 'Somewhere else', next: 'zone-other' },
      ],
      next: 'quiet',
    },
    {
      id: 'zone-other',
      kind: 'text',
      maxLength: 64,
      parse: 'time-zone',
      say: 'Which time zone? A name like _America/Toronto_ or _Asia/Kolkata_, or just the nearest big city.',
    },
    {
      id: 'quiet',
      kind: 'choice',
      say: '*Quiet hours?* During them I send no reminders; your check-in itself still comes at the time you chose.',
      options: [
        { id: 'q-2200-0700', label: '22:00 to 07:00' },
        { id: 'q-2300-0800', label: '23:00 to 08:00' },
        { id: 'none', label: 'No quiet hours' },
        { id: 'other', label: 'Other hours', next: 'quiet-other' },
      ],
      next: 'saved',
    },
    { id: 'quiet-other', kind: 'text', maxLength: 40, parse: 'quiet-hours', say: 'From when to when? For example _21:30-06:30_.' },
    {
      id: 'saved',
      kind: 'say',
      record: {
        type: 'schedule',
        values: { days: 'days', pickDays: 'pick-days', time: 'time', timeOther: 'time-other', zone: 'zone', zoneOther: 'zone-other', quiet: 'quiet', quietOther: 'quiet-other' },
      },
      say:
        "Saved. I'll check in at the time you chose, on your clock, and send at most one gentle reminder if a check-in waits. " +
        '/pause takes a break (a holiday, a busy week), /resume starts again, and /schedule changes it.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;

export const pause = {
  id: 'pause',
  command: 'pause',
  title: 'Pause check-ins',
  summary: 'take a break from scheduled check-ins, for a while or until you resume',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'nothing',
      kind: 'say',
      if: { fact: 'scheduled', not: true },
      say: "You don't have scheduled check-ins, so there's nothing to pause. /schedule sets them up if you'd like them.",
      // Shown: that is all. Skipped (there is a schedule): on to the question.
      next: [{ if: { fact: 'scheduled', not: true }, to: 'end' }, { to: 'length' }],
    },
    {
      id: 'length',
      kind: 'choice',
      say: 'How long a break would you like?',
      options: [
        { id: 'week', label: 'A week' },
        { id: 'two-weeks', label: 'Two weeks' },
        { id: 'date', label: 'Until a date', next: 'until' },
        { id: 'indefinite', label: 'Until I say /resume' },
      ],
      next: 'paused',
    },
    { id: 'until', kind: 'text', maxLength: 20, parse: 'date', say: 'Until which date? For example _2027-01-15_. I start again that day.' },
    {
      id: 'paused',
      kind: 'say',
      record: { type: 'pause', values: { length: 'length', until: 'until' } },
      say: "Paused. Enjoy the break; I'm still here if you want me, and /resume starts the check-ins again any time.",
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;

export const resume = {
  id: 'resume',
  command: 'resume',
  title: 'Resume check-ins',
  summary: 'start scheduled check-ins again after a pause',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'check',
      kind: 'say',
      if: { fact: 'paused' },
      record: { type: 'resume', values: {} },
      say: 'Welcome back. Your check-ins are on again, at the time you chose.',
      next: [{ if: { fact: 'paused' }, to: 'end' }, { to: 'not-paused' }],
    },
    {
      id: 'not-paused',
      kind: 'say',
      say: [
        { text: "Your check-ins aren't paused, so they're already on.", if: { fact: 'scheduled' } },
        { text: "You don't have scheduled check-ins yet. /schedule sets them up.", if: { fact: 'scheduled', not: true } },
      ],
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
