import { STATE_SHAPE, emptyState, type ConversationState } from '../engine/types.js';

/** Reads stored JSON as state; an unknown shape starts afresh rather than being misread. */
export function readState(json: unknown): ConversationState {
  const state = json as Partial<ConversationState> | null;
  if (!state || state.shape !== STATE_SHAPE || !Array.isArray(state.stack) || !Array.isArray(state.timers)) return emptyState;
  return state as ConversationState;
}
