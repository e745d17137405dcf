import type { RichText } from '../core/messages.js';
import { resolveCrisisRegion } from '../safety/crisis-region.js';
import { crisisTexts, languageOfLocale } from '../safety/crisis-text/index.js';

/**
 * What /sos answers in a group, where everyone reads it: the emergency number (the community's region, else the
 * deployment's, else the international wording), an international line and the label of the button to a private
 * chat. Nothing about anyone. `locale` is the asking person's platform language.
 */
export function groupCrisisHelp(regions: { readonly community: string | null | undefined; readonly deployment: string | undefined }, locale: string | undefined): { readonly text: RichText; readonly button: string } {
  const texts = crisisTexts[languageOfLocale(locale) ?? 'en'];
  const found = resolveCrisisRegion({ community: regions.community, deployment: regions.deployment });
  const { bold, rest } = texts.groupSos(found?.emergency ?? texts.internationalEmergency);
  return { text: [{ text: bold, bold: true }, { text: `\n${rest}` }], button: texts.privateButton };
}
