import type { FlowDefinition } from '../engine/flow.js';

/*
 * /link joins a person's identities on two platforms (Telegram and Discord, say) with a one-time code, so their
 * history, plan, supporters and schedule follow them. /unlink separates this platform again.
 */
export const link = {
  id: 'link',
  command: 'link',
  title: 'Platform linking',
  summary: 'use Tether on another platform too, with your history, plan and supporters',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'which',
      kind: 'choice',
      say: 'If you use Tether on two platforms (say Telegram and Discord), linking them means your history, plan, supporters and schedule follow you. *Which side is this?*',
      options: [
        { id: 'show', label: 'Give me a code for the other one', next: 'code' },
        { id: 'enter', label: 'I have a code from the other one', next: 'enter' },
      ],
    },
    { id: 'code', kind: 'say', action: 'link-code', say: 'Here is your one-time code:', next: 'end' },
    { id: 'enter', kind: 'text', maxLength: 20, parse: 'link-code', say: 'Type the code the other platform showed you.' },
    { id: 'redeem', kind: 'say', action: 'link-redeem', actionArg: 'enter', say: 'Checking that code…', next: 'end' },
  ],
} as const satisfies FlowDefinition;

export const unlink = {
  id: 'unlink',
  command: 'unlink',
  title: 'Platform unlinking',
  summary: 'separate this platform from your other one again',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'confirm',
      kind: 'choice',
      say: 'Unlinking separates this platform from your other one. What you shared so far stays with the other one; here you start fresh. *Unlink?*',
      options: [
        { id: 'yes', label: 'Yes, unlink', next: 'done' },
        { id: 'no', label: 'No, keep them linked', next: 'kept' },
      ],
    },
    { id: 'done', kind: 'say', action: 'unlink', say: 'One moment…', next: 'end' },
    { id: 'kept', kind: 'say', say: 'Okay, nothing changed.', next: 'end' },
  ],
} as const satisfies FlowDefinition;
