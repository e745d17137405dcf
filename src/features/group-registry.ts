import { groupCheckinFlow, questionsHash } from '../community/group-flow.js';
import { DEFAULT_QUESTIONS, type Question } from '../community/settings.js';
import { compileFlows, mergeRegistries, type FlowRegistry } from '../engine/flow.js';
import { BoundedMap } from '../lib/bounded-map.js';
import { flowVocabulary } from './registry.js';

/**
 * The flows a person runs while answering a community's group check-in privately: Tether's own plus that
 * community's questions as a flow, compiled once per list of questions.
 */
export function groupRegistries(
  registry: FlowRegistry,
  questionsOf: (community: string) => Promise<readonly Question[] | undefined>,
): (community: string) => Promise<FlowRegistry> {
  const compiled = new BoundedMap<string, FlowRegistry>(1_000);
  return async (community) => {
    const questions = (await questionsOf(community)) ?? DEFAULT_QUESTIONS;
    const hash = questionsHash(questions);
    let merged = compiled.get(hash);
    if (!merged) {
      merged = mergeRegistries(registry, compileFlows([groupCheckinFlow(questions)], flowVocabulary));
      compiled.set(hash, merged);
    }
    return merged;
  };
}
