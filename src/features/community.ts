import { plain } from '../engine/rich-text.js';
import type { ActionHandlers } from './action.js';
import { nothing, say } from './action.js';

/** What a moderator reads in /setup: the community's settings, and its change log. */
export const community: Pick<ActionHandlers, 'community-overview' | 'community-audit'> = {
  async 'community-overview'(action, _conversation, deps) {
    return deps.communities ? say({ text: plain(await deps.communities.overview(action.community)) }) : nothing;
  },

  async 'community-audit'(action, _conversation, deps) {
    return deps.communities ? say({ text: plain(await deps.communities.audit(action.community)) }) : nothing;
  },
};
