import { describe, expect, it } from 'vitest';
import { crisisEs } from '../../src/flows/crisis.js';
import { safetyCheckEs } from '../../src/flows/safety-check.js';
import { es } from '../../src/safety/crisis-text/es.js';
import { languageOfLocale } from '../../src/safety/crisis-text/index.js';
import { crisisVars, resolveCrisisRegion, shouldAskRegion } from '../../src/safety/crisis-region.js';
import { crisisScreen } from '../../src/safety/screen.js';
import type { Language, PersonFacts } from '../../src/engine/types.js';
import { EngineDriver, allText } from '../helpers/engine-driver.js';
import { UNSURE_ES, unsureScreen } from '../helpers/unsure-screen.js';

function driver(options: { language?: Language; region?: string; facts?: PersonFacts } = {}): EngineDriver {
  return new EngineDriver({
    screens: [unsureScreen],
    timingScale: 0.001,
    vars: crisisVars({ deployment: options.region }),
    ...(options.language ? { language: options.language } : {}),
    ...(options.facts ? { facts: options.facts } : {}),
  });
}

describe('crisis help in the person\'s language', () => {
  it('answers "ya no quiero vivir" in Spanish when nothing about the person says otherwise', () => {
    const d = driver({ region: 'MX' });
    const t = d.type('ya no quiero vivir');
    const text = allText(t);
    expect(d.flow).toBe('crisis-es');
    expect(text).toContain('Me alegra mucho que me lo hayas contado');
    expect(text).toContain('llama ahora al *911*'.replace(/\*/g, ''));
    expect(text).toContain('Línea de la Vida: 800 911 2000');
    expect(text).not.toMatch(/I'm really glad|Please call/);
  });

  it('the person\'s platform language comes first: English for a Spanish message from someone whose app is in English, and the other way round', () => {
    const en = driver({ language: 'en', region: 'US' });
    expect(allText(en.type('ya no quiero vivir'))).toContain("I'm really glad you told me");
    const es = driver({ language: 'es', region: 'US' });
    const t = es.type('i want to kill myself tonight');
    expect(allText(t)).toContain('Me alegra mucho');
    // A US number with the line described in Spanish: the app's language never picks the country.
    expect(allText(t)).toContain('988 Lifeline: llama o envía un mensaje de texto al 988');
    expect(allText(t)).not.toContain('024');
  });

  it('/sos speaks the person\'s language, and every way back speaks it too', () => {
    const d = driver({ language: 'es', region: 'ES' });
    d.type('/checkin');
    d.type('3');
    const sos = d.type('/sos');
    expect(allText(sos)).toContain('¿Tú o alguien que está contigo está en peligro ahora mismo?');
    d.press('struggling');
    d.press('someone');
    const back = d.press('not-now');
    expect(allText(back)).toContain('¿Volvemos a lo que estábamos haciendo?');
    const aside = d.press('no');
    expect(allText(aside)).toContain('He dejado a un lado lo que estábamos haciendo; /checkin lo empieza de nuevo');
    expect(allText(aside)).not.toContain('Back to');
  });

  it('the gentle check in Spanish keeps the typed text too, and goes back with Spanish words', () => {
    const d = driver({ region: 'ES' });
    d.type('/checkin');
    for (const a of ['3', '2', '7', '3', 'lonely', 'heard', 'note']) d.type(a);
    const ask = d.type(UNSURE_ES);
    expect(allText(ask)).toContain('¿Estás a salvo ahora mismo?');
    expect(allText(ask)).toContain('llama al 112');
    const safe = d.press('safe');
    expect(allText(safe)).toContain('Seguimos donde lo dejamos.');
    expect(d.transitions.flatMap((x) => x.records)[0]?.values.note).toBe(UNSURE_ES);
  });

  it('writes Spanish without stigmatising words, de tú', () => {
    const all = JSON.stringify([es, crisisEs, safetyCheckEs, es.groupSos('112'), es.regionLines('España', '112', ['x']), [1, 2, 3].map(es.someoneHow)]).toLowerCase();
    for (const word of ['adicto', 'adicta', 'limpio', 'limpia', 'sucio', 'sucia', 'usted', 'drogadicto']) expect(all).not.toContain(word);
    expect(all).toContain('llama');
  });

  it('reads the language of a locale, never its region', () => {
    expect(languageOfLocale('es')).toBe('es');
    expect(languageOfLocale('es-MX')).toBe('es');
    expect(languageOfLocale('en_US')).toBe('en');
    expect(languageOfLocale('de')).toBeUndefined();
    expect(languageOfLocale(null)).toBeUndefined();
  });
});

describe('the region rule', () => {
  it('takes the community\'s region, else the person\'s choice, else CRISIS_REGION, else the international default', () => {
    expect(resolveCrisisRegion({ community: 'GB', person: 'ES', deployment: 'US' })?.region).toBe('GB');
    expect(resolveCrisisRegion({ person: 'ES', deployment: 'US' })?.region).toBe('ES');
    expect(resolveCrisisRegion({ deployment: 'US' })?.region).toBe('US');
    expect(resolveCrisisRegion({})).toBeUndefined();
    // A person who said "somewhere else" gets the deployment's, or the international default, and is not asked again.
    expect(resolveCrisisRegion({ person: 'ZZ', deployment: 'US' })?.region).toBe('US');
    expect(shouldAskRegion({ person: 'ZZ' })).toBe(false);
    expect(shouldAskRegion({})).toBe(true);
    expect(shouldAskRegion({ deployment: 'US' })).toBe(false);
  });

  it('never reads a locale as a region: "es" or "es_MX" is no country', () => {
    expect(resolveCrisisRegion({ person: 'es_MX' })).toBeUndefined();
    expect(crisisVars({ person: 'es', deployment: 'US' }).emergency).toBe('911');
    expect(crisisVars({}).emergency).toBe('your local emergency number (112 works in many countries)');
    expect(crisisVars({})['emergency:es']).toBe('número de emergencias de tu país (el 112 funciona en muchos países)');
  });

  it('asks which country once when none is known, stores the answer, and shows that country\'s lines', () => {
    const d = new EngineDriver({ screens: [crisisScreen], vars: crisisVars({}), facts: { scheduled: false, paused: false, askRegion: true } });
    d.type('/checkin');
    const t = d.type('i want to kill myself tonight');
    expect(allText(t)).toContain('findahelpline.com');
    const ask = t.messages.at(-1)!;
    expect(allText(t)).toContain('Which country are you in?');
    expect(ask.input?.kind === 'choice' && ask.input.options.map((o) => o.label)).toEqual(['United States', 'United Kingdom', 'Spain', 'Mexico', 'Canada', 'Australia', 'Somewhere else']);
    const chosen = d.press('gb');
    expect(chosen.records).toEqual([{ type: 'crisis-region', values: { region: 'gb' } }]);
    expect(allText(chosen)).toContain('In United Kingdom, call 999 in an emergency.');
    expect(allText(chosen)).toContain('Samaritans: call 116 123');
    expect(allText(chosen)).toContain('if you would like some company right now');
  });

  it('does not ask when the region is known', () => {
    const d = new EngineDriver({ screens: [crisisScreen], vars: crisisVars({ deployment: 'US' }), facts: { scheduled: false, paused: false, askRegion: false } });
    const t = d.type('i want to kill myself tonight');
    expect(allText(t)).not.toContain('Which country');
    expect(allText(t)).toContain('if you would like some company right now');
  });
});
