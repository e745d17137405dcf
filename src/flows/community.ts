import type { FlowDefinition, StepDefinition } from '../engine/flow.js';

/*
 * /setup: a community's settings, for its moderators only (the platform adapter checks the person's rights with
 * the platform and passes the community in the command's scope). It runs privately: in a direct message on
 * Telegram, in replies only the moderator sees on Discord. Each change is recorded with who made it.
 */

type Setting = {
  readonly field: string;
  readonly label: string;
  readonly ask: StepDefinition;
};

const onOff = (id: string, say: string): StepDefinition => ({
  id,
  kind: 'choice',
  say,
  options: [
    { id: 'on', label: 'On' },
    { id: 'off', label: 'Off' },
  ],
});

const settings: readonly Setting[] = [
  {
    field: 'channel',
    label: 'Post group check-ins here',
    ask: {
      id: 'channel-value',
      kind: 'choice',
      say: 'Group check-in invitations and summaries will go to the channel (or group topic) you ran /setup in. Use it?',
      options: [
        { id: 'here', label: 'Yes, post them here' },
        { id: 'off', label: 'No group check-ins' },
      ],
    },
  },
  {
    field: 'time',
    label: 'Group check-in time',
    ask: { id: 'time-value', kind: 'text', maxLength: 20, parse: 'time', say: 'What time should the group check-in be posted? For example _19:00_ (in the time zone you set).' },
  },
  {
    field: 'days',
    label: 'Group check-in days',
    ask: { id: 'days-value', kind: 'text', maxLength: 120, parse: 'weekdays', say: 'On which days? For example _mon tue wed thu fri sat sun_ or _mon thu_.' },
  },
  {
    field: 'time-zone',
    label: 'Time zone',
    ask: { id: 'time-zone-value', kind: 'text', maxLength: 64, parse: 'time-zone', say: "The community's time zone, for the group check-in: for example _Europe/London_, or a big city." },
  },
  {
    field: 'questions',
    label: 'Group check-in questions',
    ask: {
      id: 'questions-value',
      kind: 'text',
      maxLength: 1200,
      parse: 'questions',
      say:
        'The questions, in order, one per line (or separated by ;). Mine by name: _mood, craving, sleep, stress, emotion, need_. ' +
        'Your own as a short question, answered privately from 1 to 5. For example:\n_mood; craving; How well did you look after yourself today?_',
    },
  },
  {
    field: 'invitation',
    label: 'Invitation text',
    ask: { id: 'invitation-value', kind: 'text', maxLength: 300, parse: 'invitation', say: 'The words that open each group check-in post (plain text, up to 300 characters).' },
  },
  {
    field: 'exercises',
    label: 'Exercises offered in the channel',
    ask: { id: 'exercises-value', kind: 'text', maxLength: 60, parse: 'exercises', say: 'Which exercises can members start in the channel? _breathe_, _ground_, both (_breathe, ground_) or _none_.' },
  },
  {
    field: 'crisis-region',
    label: 'Crisis lines region',
    ask: { id: 'crisis-region-value', kind: 'text', maxLength: 10, parse: 'region', say: 'Which region\'s crisis lines should members get? A two-letter code such as _GB_, _US_ or _ES_.' },
  },
  {
    field: 'supporter-role',
    label: 'Supporters role (Discord)',
    ask: { id: 'supporter-role-value', kind: 'text', maxLength: 40, parse: 'role', say: 'The role of members who volunteered to be reachable as supporters: mention it or paste its id.' },
  },
  {
    field: 'moderator-role',
    label: 'Moderator role (Discord)',
    ask: { id: 'moderator-role-value', kind: 'text', maxLength: 40, parse: 'role', say: 'A role whose members may change these settings (besides people with Manage Server): mention it or paste its id.' },
  },
  {
    field: 'language',
    label: 'Language of prompts',
    ask: { id: 'language-value', kind: 'choice', say: 'Prompts are in English for now; more languages will follow.', options: [{ id: 'en', label: 'English' }] },
  },
  { field: 'summaries', label: 'Anonymous summaries', ask: onOff('summaries-value', 'Post an anonymous summary after each group check-in (how many checked in and how the mood was, never who)?') },
  {
    field: 'summary-minimum',
    label: 'Fewest answers for a summary',
    ask: { id: 'summary-minimum-value', kind: 'number', min: 3, max: 50, unit: 'people', say: 'How many people must answer before a summary is posted, so no one can be singled out? (3 to 50)' },
  },
  { field: 'group-breathing', label: 'Group breathing', ask: onOff('group-breathing-value', 'Let members start one shared breathing exercise in the channel with /breathe?') },
  { field: 'alerts', label: 'Crisis alerts to me', ask: onOff('alerts-value', 'Get a private message from me when a member here may be in crisis? It names the member and channel, never what they wrote.') },
];

function settingSteps(s: Setting): StepDefinition[] {
  return [
    { ...s.ask, next: `save-${s.field}` } as StepDefinition,
    {
      id: `save-${s.field}`,
      kind: 'say',
      record: { type: 'community-setting', values: { field: 'menu', value: s.ask.id } },
      say: 'Saved.',
      next: 'menu',
    },
  ];
}

export const community = {
  id: 'community',
  command: 'setup',
  title: 'Community settings',
  summary: "moderators: set up Tether for this server or group",
  private: true,
  needsConsent: false,
  moderators: true,
  steps: [
    {
      id: 'menu',
      kind: 'choice',
      say: '*Community settings.* What would you like to change? Every change is kept in the change log.',
      options: [
        ...settings.map((s) => ({ id: s.field, label: s.label, next: s.ask.id })),
        { id: 'overview', label: 'Show the current settings', next: 'overview' },
        { id: 'audit', label: 'Show the change log', next: 'audit' },
        { id: 'done', label: 'Done', next: 'done' },
      ],
    },
    ...settings.flatMap(settingSteps),
    { id: 'overview', kind: 'say', action: 'community-overview', say: 'Here is how things are set:', next: 'menu' },
    { id: 'audit', kind: 'say', action: 'community-audit', say: 'The latest changes:', next: 'menu' },
    { id: 'done', kind: 'say', say: 'All set. Run /setup again whenever something needs changing.', next: 'end' },
  ],
} as const satisfies FlowDefinition;
