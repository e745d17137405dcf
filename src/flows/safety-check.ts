import type { FlowDefinition } from '../engine/flow.js';
import type { Language } from '../engine/types.js';
import { crisisTexts } from '../safety/crisis-text/index.js';
import { reachSomeoneSteps, wayBackSteps } from './crisis-steps.js';

/**
 * The gentle check, when the crisis screen is unsure: one short question, "are you safe right now?", with the
 * emergency number in the message itself. "Not safe" gives the full crisis reply (flows/crisis.ts) in its place;
 * "I'd like to talk to someone" gives the lines and the people the person trusts; "I'm safe" goes back to exactly
 * where they were.
 *
 * What they typed is not lost: the screen held it for the question it interrupted. After "I'm safe" that question
 * takes it as its answer (a note is saved as written, a number is read as one), since it was meant as an answer and
 * asking for it again would make them write it twice; only if it is no answer to that question (words for a scale)
 * is the question asked again. On every other path the question is asked again and the held text is let go: it was
 * about something else, and is not stored as an answer.
 */
export function safetyCheckFlow(language: Language): FlowDefinition {
  const t = crisisTexts[language];
  return {
    id: language === 'en' ? 'safety-check' : `safety-check-${language}`,
    ...(language === 'en' ? {} : { translates: 'safety-check' }),
    language,
    title: t.checkTitle,
    summary: t.checkSummary,
    private: true,
    needsConsent: false,
    steps: [
      {
        id: 'ask',
        kind: 'choice',
        say: t.checkAsk,
        options: [
          { id: 'safe', label: t.checkSafe, next: 'safe' },
          // The full crisis reply takes this check's place, and its way back to what was paused.
          { id: 'not-safe', label: t.checkNotSafe, next: { flow: 'crisis', args: 'struggling' } },
          { id: 'talk', label: t.checkTalk, next: 'talk' },
        ],
      },
      {
        id: 'safe',
        kind: 'say',
        say: [{ text: t.checkSafeSay }, { text: t.checkSafeResume, if: { fact: 'resumable' } }],
        next: 'end-held',
      },
      { id: 'talk', kind: 'say', say: t.checkTalkSay, next: 'someone' },
      ...reachSomeoneSteps(t, 'still-here'),
      { id: 'still-here', kind: 'say', say: t.stillHere, next: 'back' },
      ...wayBackSteps(t),
    ],
  };
}

export const safetyCheck = safetyCheckFlow('en');
export const safetyCheckEs = safetyCheckFlow('es');
