import { compileFlows, type FlowRegistry, type FlowVocabulary } from '../engine/flow.js';
import { builtInFlows } from '../flows/index.js';
import { RECORD_TYPES } from '../store/records.js';
import { textParsers } from './text-parsers.js';

/** What Tether's flows may name: the formats their text steps read and the records the store writes. */
export const flowVocabulary: FlowVocabulary = { parsers: textParsers, records: RECORD_TYPES };

let registry: FlowRegistry | undefined;

/** The compiled built-in flows (validated once, on first use). */
export function builtInRegistry(): FlowRegistry {
  registry ??= compileFlows(builtInFlows, flowVocabulary);
  return registry;
}
