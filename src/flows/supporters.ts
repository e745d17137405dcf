import { supporterOptions } from './supporter-options.js';
import type { FlowDefinition } from '../engine/flow.js';

/*
 * /supporters: up to five people the person trusts (a sponsor, a friend, a peer) and how they reach them, in their
 * own words, encrypted. /reachout (reach-out.ts) helps turn a feeling into a concrete request to one of them.
 */
export const supporters = {
  id: 'supporters',
  command: 'supporters',
  title: 'Supporters',
  summary: 'up to five people you trust, and how you reach them',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'menu',
      kind: 'choice',
      say: [
        { text: '*Your supporters.* People who steady you: a sponsor, a friend, someone from your group. Only you see this list.' },
        { text: 'So far:\n{@supporterList}', if: { fact: 'supporter1' } },
        { text: 'No one on the list yet.', if: { fact: 'supporter1', not: true } },
      ],
      options: [
        { id: 'add', label: 'Add someone', next: 'name', if: { fact: 'supporter5', not: true } },
        { id: 'invite', label: 'Let someone answer through Tether', next: 'invite-which', if: { fact: 'supporter1' } },
        { id: 'remove', label: 'Remove someone', next: 'which', if: { fact: 'supporter1' } },
        { id: 'reach', label: 'Reach out to someone now', next: { flow: 'reach-out' } },
        { id: 'done', label: 'Done', next: 'done' },
      ],
    },
    { id: 'name', kind: 'text', maxLength: 60, say: 'What do you call them? A first name or a nickname is enough.' },
    {
      id: 'how',
      kind: 'text',
      maxLength: 200,
      skippable: true,
      say: 'How do you usually reach them? A note for yourself, like _call after 6pm_ or _text first_. Or skip.',
    },
    {
      id: 'added',
      kind: 'choice',
      say: 'Added {name}. Anything else?',
      // Stored as this step is reached; the list is read afresh when the person moves on.
      record: { type: 'supporter-add', values: { name: 'name', how: 'how' } },
      options: [
        { id: 'list', label: 'See my list', next: 'menu' },
        { id: 'reach', label: 'Reach out to someone now', next: { flow: 'reach-out' } },
        { id: 'done', label: 'Done', next: 'done' },
      ],
    },
    {
      id: 'which',
      kind: 'choice',
      say: 'Who would you like to take off the list?',
      options: supporterOptions(),
    },
    {
      id: 'removed',
      kind: 'choice',
      say: 'Done, they are off the list.',
      record: { type: 'supporter-remove', values: { position: 'which' } },
      options: [
        { id: 'list', label: 'See my list', next: 'menu' },
        { id: 'done', label: 'Done', next: 'done' },
      ],
    },
    {
      id: 'invite-which',
      kind: 'choice',
      say: 'Who would you like to be able to send requests to through Tether? They will get a code to accept, and can answer each request with one tap.',
      options: supporterOptions(),
    },
    { id: 'shown-as', kind: 'text', maxLength: 60, say: 'What name should they see your requests under? Your first name, or what they call you.' },
    { id: 'invited', kind: 'say', action: 'supporter-invite', actionArgs: { position: 'invite-which', shownAs: 'shown-as' }, say: 'Done.', next: 'end' },
    { id: 'done', kind: 'say', say: 'Saved. When things get hard, /reachout helps you ask one of them for something concrete.', next: 'end' },
  ],
} as const satisfies FlowDefinition;

/** /support: someone accepts an invitation to receive a person's requests through Tether. */
export const support = {
  id: 'support',
  command: 'support',
  title: 'Being a supporter',
  summary: "accept someone's invitation to receive their requests through Tether",
  private: true,
  needsConsent: true,
  steps: [
    { id: 'code', kind: 'text', maxLength: 20, parse: 'link-code', say: 'Someone who trusts you asked you to be one of their supporters. Type the code they gave you.' },
    { id: 'accept', kind: 'say', action: 'support-accept', actionArgs: { code: 'code' }, say: 'Checking the code…', next: 'end' },
  ],
} as const satisfies FlowDefinition;
