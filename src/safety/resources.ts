/**
 * Where to turn in a crisis, by region. Kept short and checked: an emergency number, and lines that answer around
 * the clock. A community's own configuration (later) or the person's locale picks the region; without one, an
 * international default points to the local emergency number and a directory of lines worldwide.
 */
export interface CrisisResources {
  readonly region: string;
  /** What to call in an emergency happening now. */
  readonly emergency: string;
  /** Lines for someone struggling, one per line of text. */
  readonly lines: readonly string[];
}

const byRegion: Readonly<Record<string, CrisisResources>> = {
  US: { region: 'US', emergency: '911', lines: ['988 Suicide & Crisis Lifeline: call or text 988 (24/7)', 'Crisis Text Line: text HOME to 741741'] },
  CA: { region: 'CA', emergency: '911', lines: ['9-8-8 Suicide Crisis Helpline: call or text 988 (24/7)'] },
  GB: { region: 'GB', emergency: '999', lines: ['Samaritans: call 116 123 (free, 24/7)', 'Shout: text SHOUT to 85258'] },
  IE: { region: 'IE', emergency: '112 or 999', lines: ['Samaritans: call 116 123 (free, 24/7)', 'Text About It: text HELLO to 50808'] },
  ES: { region: 'ES', emergency: '112', lines: ['Línea 024 de atención a la conducta suicida: llama al 024 (24 h)', 'Teléfono de la Esperanza: 717 003 717'] },
  MX: { region: 'MX', emergency: '911', lines: ['Línea de la Vida: 800 911 2000 (24 h)'] },
  AU: { region: 'AU', emergency: '000', lines: ['Lifeline: call 13 11 14 or text 0477 13 11 14 (24/7)'] },
  NZ: { region: 'NZ', emergency: '111', lines: ['Need to talk? Call or text 1737 (free, 24/7)'] },
  DE: { region: 'DE', emergency: '112', lines: ['TelefonSeelsorge: 0800 111 0 111 oder 0800 111 0 222 (kostenlos, 24 h)'] },
  FR: { region: 'FR', emergency: '112 (ou le 15)', lines: ['3114, numéro national de prévention du suicide (24 h/24)'] },
};

export const internationalResources: CrisisResources = {
  region: 'international',
  emergency: 'your local emergency number (112 works in many countries)',
  lines: ['Find a free, confidential line near you at findahelpline.com'],
};

/** Resources for a region code (`US`) or a locale (`en-US`, `es_MX`); the international default otherwise. */
export function crisisResourcesFor(regionOrLocale: string | null | undefined): CrisisResources {
  const code = (regionOrLocale ?? '').split(/[-_]/).at(-1)?.toUpperCase() ?? '';
  const alias = code === 'UK' ? 'GB' : code;
  return byRegion[alias] ?? internationalResources;
}

/** The regions with checked crisis lines. */
export function crisisRegions(): string[] {
  return Object.keys(byRegion);
}
