import type { FlowDefinition, StepDefinition } from '../engine/flow.js';
import type { Language } from '../engine/types.js';
import { OFFERED_REGIONS, crisisTexts } from '../safety/crisis-text/index.js';
import { crisisResourcesFor, linesIn } from '../safety/resources.js';
import { reachSomeoneSteps, wayBackSteps } from './crisis-steps.js';

/**
 * Crisis help: started by /sos, or by the crisis screen when someone writes something that sounds like danger,
 * over whatever was running (which waits). Pre-written, never generated, in the person's language (the texts are in
 * safety/crisis-text/). An emergency in progress gets the emergency number first; then lines for the person's
 * region (asked once when nothing says which country, and remembered), and company: breathing, grounding, the
 * people they trust. Every way out goes back to what was paused, or says plainly that it was set aside.
 */
export function crisisFlow(language: Language): FlowDefinition {
  const t = crisisTexts[language];
  const regionOption = (code: (typeof OFFERED_REGIONS)[number]) => ({ id: code.toLowerCase(), label: t.regionNames[code] });
  const regionLines = OFFERED_REGIONS.map((code) => {
    const r = crisisResourcesFor(code)!;
    return { text: t.regionLines(t.regionNames[code], r.emergency, linesIn(r, language)), if: { answer: 'region', is: [code.toLowerCase()] } };
  });
  const steps: StepDefinition[] = [
    {
      id: 'now',
      kind: 'choice',
      say: t.now,
      options: [
        { id: 'emergency', label: t.nowEmergency, next: 'emergency' },
        { id: 'struggling', label: t.nowStruggling, next: 'struggling' },
      ],
    },
    { id: 'emergency', kind: 'say', say: t.emergency, next: 'lines' },
    { id: 'struggling', kind: 'say', say: t.struggling, next: 'lines' },
    { id: 'lines', kind: 'say', say: t.lines },
    {
      id: 'region',
      kind: 'choice',
      if: { fact: 'askRegion' },
      say: t.regionAsk,
      options: [...OFFERED_REGIONS.map(regionOption), { id: 'other', label: t.regionOther }],
      next: 'region-lines',
    },
    {
      id: 'region-lines',
      kind: 'say',
      if: { answer: 'region', answered: true },
      say: [...regionLines, { text: t.regionOtherLines, if: { answer: 'region', is: ['other'] } }],
      // Kept on the person, so the next crisis reply has the right numbers straight away (/mydata shows it, /forget deletes it).
      record: { type: 'crisis-region', values: { region: 'region' } },
    },
    {
      id: 'offer',
      kind: 'choice',
      say: t.offer,
      options: [
        { id: 'breathe', label: t.offerBreathe, next: { flow: 'breathe', args: 'paced', resume: 'still-here' } },
        { id: 'ground', label: t.offerGround, next: { flow: 'ground', resume: 'still-here' } },
        { id: 'someone', label: t.offerSomeone, next: 'someone' },
        { id: 'misunderstood', label: t.offerMisunderstood, next: 'misunderstood' },
      ],
    },
    ...reachSomeoneSteps(t, 'still-here'),
    { id: 'still-here', kind: 'say', say: t.stillHere, next: 'back' },
    ...wayBackSteps(t),
    { id: 'misunderstood', kind: 'say', say: t.misunderstood, next: 'end' },
  ];
  return {
    id: language === 'en' ? 'crisis' : `crisis-${language}`,
    ...(language === 'en' ? { command: 'sos' } : { translates: 'crisis' }),
    language,
    title: t.crisisTitle,
    summary: t.crisisSummary,
    private: true,
    needsConsent: false,
    steps,
  };
}

export const crisis = crisisFlow('en');
export const crisisEs = crisisFlow('es');
