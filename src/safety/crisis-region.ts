import { LANGUAGES } from '../engine/types.js';
import { crisisResourcesFor, internationalResources, linesIn, type CrisisResources } from './resources.js';

/**
 * Which country's emergency number and crisis lines a person gets, in this order: the community's region (when they
 * act in its scope), a country the person chose, the deployment's CRISIS_REGION, the international default. Never
 * the app's language or locale: a Telegram app set to Spanish says nothing about being in Spain.
 */
export interface RegionSources {
  readonly community?: string | null | undefined;
  /** What the person chose when the crisis reply asked (UNKNOWN_REGION: somewhere without checked lines). */
  readonly person?: string | null | undefined;
  readonly deployment?: string | null | undefined;
}

/** Stored when the person answered "somewhere else": they were asked, and the international default is theirs. */
export const UNKNOWN_REGION = 'ZZ';

/** The resources for the first source with checked lines; undefined means the international default. */
export function resolveCrisisRegion(sources: RegionSources): CrisisResources | undefined {
  return crisisResourcesFor(sources.community) ?? crisisResourcesFor(sources.person) ?? crisisResourcesFor(sources.deployment);
}

/** Ask the person which country they are in: nothing else says, and they have not answered before. */
export function shouldAskRegion(sources: RegionSources): boolean {
  return resolveCrisisRegion(sources) === undefined && !sources.person;
}

/**
 * `{@emergency}` and `{@crisisLines}` for flows, in English, and as `emergency:es` / `crisisLines:es` for the
 * flows that speak Spanish.
 */
export function crisisVars(sources: RegionSources): Record<string, string> {
  const found = resolveCrisisRegion(sources);
  const vars: Record<string, string> = {};
  for (const language of LANGUAGES) {
    const resources = found ?? internationalResources(language);
    const suffix = language === 'en' ? '' : `:${language}`;
    vars[`emergency${suffix}`] = resources.emergency;
    vars[`crisisLines${suffix}`] = linesIn(resources, language).map((l) => `• ${l}`).join('\n');
  }
  return vars;
}
