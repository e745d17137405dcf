import type { StoredConversation } from '../store/conversation-store.js';
import type { EngineAction } from '../engine/types.js';
import type { ActionDeps, ActionHandler, ActionHandlers, ActionOutcome } from './action.js';
import { community } from './community.js';
import { dataRights } from './data-rights.js';
import { history } from './history.js';
import { links } from './links.js';
import { milestones } from './milestones.js';
import { support } from './support.js';

/** Every engine action's handler, by kind. */
export const actionHandlers: ActionHandlers = { ...dataRights, ...history, ...links, ...support, ...milestones, ...community };

/** Carries out one action with its handler. */
export function carryOutAction(action: EngineAction, conversation: StoredConversation, deps: ActionDeps): Promise<ActionOutcome> {
  const handler = actionHandlers[action.kind] as ActionHandler<EngineAction['kind']>;
  return handler(action, conversation, deps);
}
