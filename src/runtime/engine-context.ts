import type { InboundEvent } from '../core/messages.js';
import type { EngineContext } from '../engine/engine.js';
import type { FlowRegistry } from '../engine/flow.js';
import type { TextScreen } from '../engine/text-gate.js';
import type { EngineSettings } from '../engine/types.js';
import { crisisVars, shouldAskRegion, type RegionSources } from '../safety/crisis-region.js';
import { languageOfLocale } from '../safety/crisis-text/index.js';
import type { StoredConversation } from '../store/conversation-store.js';
import { isGroupMember } from './group-member.js';

/** What the runtime knows beyond the conversation that the engine needs. */
export interface ContextSources {
  readonly registry: FlowRegistry;
  readonly settings: EngineSettings;
  readonly clock: () => number;
  readonly screens?: readonly TextScreen[] | undefined;
  readonly crisisRegion?: string | undefined;
  readonly varsFor?: ((conversation: StoredConversation, communityRegion?: string) => Readonly<Record<string, string>>) | undefined;
  readonly registryFor?: ((community: string) => Promise<FlowRegistry | undefined>) | undefined;
}

/** What the engine is told for one event: the person's facts and values, their language, the flows, the clock. */
export function engineContext(sources: ContextSources, conversation: StoredConversation, event?: InboundEvent, registry = sources.registry): EngineContext {
  // In a community's scope, the crisis lines its moderators chose come first.
  const scope = (event?.type === 'command' ? event.scope : undefined) ?? [...conversation.state.stack].reverse().find((r) => r.scope)?.scope;
  const regions: RegionSources = { community: scope?.region, person: conversation.crisisRegion, deployment: sources.crisisRegion };
  const facts = { ...conversation.facts, askRegion: shouldAskRegion(regions), ...(isGroupMember(conversation.userId) ? { group: true } : {}) };
  const language = languageOfLocale(conversation.locale);
  return {
    now: sources.clock(),
    consented: conversation.consented,
    facts,
    ...(language ? { language } : {}),
    vars: { ...crisisVars(regions), ...sources.varsFor?.(conversation, scope?.region) },
    registry,
    settings: sources.settings,
    ...(sources.screens ? { screens: sources.screens } : {}),
  };
}

/** Tether's flows, plus a community's own while the person answers one of its group check-ins. */
export async function registryOf(sources: ContextSources, conversation: StoredConversation, event: InboundEvent): Promise<FlowRegistry> {
  const fromStack = [...conversation.state.stack].reverse().map((r) => (r.scope?.occasion ? r.scope : r.then?.scope)).find((s) => s?.occasion);
  const scope = (event.type === 'command' ? event.scope : undefined) ?? fromStack;
  if (!scope?.occasion || !sources.registryFor) return sources.registry;
  return (await sources.registryFor(scope.community)) ?? sources.registry;
}
