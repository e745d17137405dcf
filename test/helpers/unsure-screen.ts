import type { TextScreen } from '../../src/engine/text-gate.js';
import { crisisScreen, verdictToScreen } from '../../src/safety/screen.js';

/**
 * The real crisis screen, except that these messages are rated unsure whatever the detector (being rewritten on
 * its own branch) says about them today: tests of the gentle check need one it will keep asking about.
 */
export const UNSURE_EN = "i don't know how much longer i can keep doing this";
export const UNSURE_ES = 'no sé cuánto tiempo más voy a aguantar esto';

export const unsureScreen: TextScreen = (text) => {
  const lower = text.toLowerCase();
  if (lower === UNSURE_EN) return verdictToScreen({ level: 'unsure', category: 'none', language: 'en' });
  if (lower === UNSURE_ES) return verdictToScreen({ level: 'unsure', category: 'none', language: 'es' });
  return crisisScreen(text);
};
