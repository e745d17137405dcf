import type { StepDefinition } from '../engine/flow.js';
import type { CrisisTexts } from '../safety/crisis-text/index.js';
import { SUPPORTER_PLACES, supporterOptions } from './supporter-options.js';

/*
 * Steps the crisis reply and the safety check share, in the language of their texts: reaching someone the person
 * trusts, and the way back to what the crisis help interrupted.
 */

/**
 * "Reach someone I trust": the people saved in /supporters by name (one linked through Tether gets a request
 * straight away, through the same reach-out action /reachout uses), /reachout to word a request, or a word on how to
 * ask when nobody is saved yet. Every way out leads to `after`.
 */
export function reachSomeoneSteps(t: CrisisTexts, after: string): StepDefinition[] {
  return [
    {
      id: 'someone',
      kind: 'choice',
      say: [
        { text: t.someoneAsk, if: { fact: 'supporter1' } },
        { text: t.someoneNone, if: { fact: 'supporter1', not: true } },
      ],
      options: [
        ...supporterOptions().map((o) => ({ ...o, next: `how-${o.id}` })),
        { id: 'reachout', label: t.someoneReachOut, next: { flow: 'reach-out', resume: after } },
        { id: 'not-now', label: t.someoneNotNow, next: after },
      ],
    },
    ...SUPPORTER_PLACES.map(
      (n): StepDefinition => ({
        id: `how-s${n}`,
        kind: 'choice',
        say: t.someoneHow(n),
        options: [
          { id: 'tether', label: t.sendThroughTether, next: 'send-request' },
          { id: 'myself', label: t.sendMyself, next: 'own-words' },
        ],
      }),
    ),
    // Said to the person and sent as it is: the request itself (the runtime says whether it went, or why not).
    { id: 'send-request', kind: 'say', action: 'reach-out-send', actionArgs: { to: 'someone' }, say: t.request, next: 'sent' },
    { id: 'sent', kind: 'say', say: t.sent, next: after },
    { id: 'own-words', kind: 'say', say: t.ownWords, next: after },
  ];
}

/**
 * The way back. Where crisis help interrupted something (a check-in), the person chooses: go back to it, right
 * where it was, or set it aside, said plainly, with the command that starts it again. Otherwise it simply ends.
 */
export function wayBackSteps(t: CrisisTexts): StepDefinition[] {
  return [
    {
      id: 'back',
      kind: 'choice',
      if: { fact: 'resumable' },
      say: t.back,
      options: [
        { id: 'yes', label: t.backYes, next: 'resume' },
        { id: 'no', label: t.backNo, next: 'set-aside' },
      ],
      next: 'end',
    },
    { id: 'resume', kind: 'say', say: t.resumed, next: 'end' },
    { id: 'set-aside', kind: 'say', say: t.setAside, next: 'end-all' },
  ];
}
