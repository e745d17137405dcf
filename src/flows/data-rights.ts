import type { FlowDefinition } from '../engine/flow.js';

/** /mydata: everything Tether holds about the person, sent to them as a file. */
export const myData = {
  id: 'mydata',
  command: 'mydata',
  title: 'Data export',
  summary: 'get a copy of everything Tether holds about you, as a file',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'send',
      kind: 'say',
      action: 'export',
      say: 'Here is everything I hold about you, as a file: your check-ins with your notes, what is in progress and anything scheduled. It is yours.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;

/** /forget: delete everything, after one clear confirmation. */
export const forget = {
  id: 'forget',
  command: 'forget',
  title: 'Delete my data',
  summary: 'delete everything Tether holds about you, on every platform',
  private: true,
  needsConsent: false,
  steps: [
    {
      id: 'confirm',
      kind: 'choice',
      say:
        'This deletes everything I hold about you, on every platform: check-ins, notes, conversations and anything scheduled. ' +
        'It cannot be undone. You can get a copy first with /mydata.\n\n*Delete everything?*',
      options: [
        { id: 'delete', label: 'Yes, delete everything', next: 'deleted' },
        { id: 'keep', label: 'No, keep it', next: 'kept' },
      ],
    },
    {
      id: 'deleted',
      kind: 'say',
      action: 'forget',
      say: "Done. Everything I held about you is deleted, including anything scheduled. If you ever come back, we'll start fresh.",
      next: 'end-all',
    },
    {
      id: 'kept',
      kind: 'say',
      say: 'Okay, nothing was deleted.',
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
