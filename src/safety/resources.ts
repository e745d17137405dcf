import type { Language } from '../engine/types.js';
import { crisisTexts } from './crisis-text/index.js';

/**
 * Where to turn in a crisis, by region. Kept short and checked: an emergency number, and lines that answer around
 * the clock. The region comes from the community's settings, the person's own choice or the deployment's
 * CRISIS_REGION (see crisis-region.ts), never from a language or locale; without one, an international default
 * points to the local emergency number and a directory of lines worldwide.
 */
export interface CrisisResources {
  readonly region: string;
  /** What to call in an emergency happening now. */
  readonly emergency: string;
  /** Lines for someone struggling, one per line of text. */
  readonly lines: readonly string[];
  /** The same lines described in Spanish, where the English description would not do. */
  readonly linesEs?: readonly string[];
}

const byRegion: Readonly<Record<string, CrisisResources>> = {
  US: {
    region: 'US',
    emergency: '911',
    lines: ['988 Suicide & Crisis Lifeline: call or text 988 (24/7)', 'Crisis Text Line: text HOME to 741741'],
    linesEs: ['988 Lifeline: llama o envía un mensaje de texto al 988 (24 h, también en español)', 'Crisis Text Line: envía HOME al 741741'],
  },
  CA: { region: 'CA', emergency: '911', lines: ['9-8-8 Suicide Crisis Helpline: call or text 988 (24/7)'], linesEs: ['9-8-8: llama o envía un mensaje de texto al 988 (24 h)'] },
  GB: {
    region: 'GB',
    emergency: '999',
    lines: ['Samaritans: call 116 123 (free, 24/7)', 'Shout: text SHOUT to 85258'],
    linesEs: ['Samaritans: llama al 116 123 (gratis, 24 h)', 'Shout: envía SHOUT al 85258'],
  },
  IE: { region: 'IE', emergency: '112 or 999', lines: ['Samaritans: call 116 123 (free, 24/7)', 'Text About It: text HELLO to 50808'], linesEs: ['Samaritans: llama al 116 123 (gratis, 24 h)'] },
  ES: { region: 'ES', emergency: '112', lines: ['Línea 024 de atención a la conducta suicida: llama al 024 (24 h)', 'Teléfono de la Esperanza: 717 003 717'] },
  MX: { region: 'MX', emergency: '911', lines: ['Línea de la Vida: 800 911 2000 (24 h)'] },
  AU: { region: 'AU', emergency: '000', lines: ['Lifeline: call 13 11 14 or text 0477 13 11 14 (24/7)'], linesEs: ['Lifeline: llama al 13 11 14 o envía un mensaje al 0477 13 11 14 (24 h)'] },
  NZ: { region: 'NZ', emergency: '111', lines: ['Need to talk? Call or text 1737 (free, 24/7)'] },
  DE: { region: 'DE', emergency: '112', lines: ['TelefonSeelsorge: 0800 111 0 111 oder 0800 111 0 222 (kostenlos, 24 h)'] },
  FR: { region: 'FR', emergency: '112 (ou le 15)', lines: ['3114, numéro national de prévention du suicide (24 h/24)'] },
};

export const INTERNATIONAL = 'international';

/** The international default, worded in `language`. */
export function internationalResources(language: Language = 'en'): CrisisResources {
  const texts = crisisTexts[language];
  return { region: INTERNATIONAL, emergency: texts.internationalEmergency, lines: [texts.internationalLine] };
}

/**
 * Resources for an upper-case region code (`US`, also `UK`), or undefined for a region without checked lines.
 * Never a locale or language code: `es` or `es_MX` is no region here.
 */
export function crisisResourcesFor(region: string | null | undefined): CrisisResources | undefined {
  const code = region ?? '';
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  return byRegion[code === 'UK' ? 'GB' : code];
}

/** The lines of `resources` as a person reading `language` sees them. */
export function linesIn(resources: CrisisResources, language: Language): readonly string[] {
  return language === 'es' ? (resources.linesEs ?? resources.lines) : resources.lines;
}

/** The regions with checked crisis lines. */
export function crisisRegions(): string[] {
  return Object.keys(byRegion);
}
