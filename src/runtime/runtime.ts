import { keyString, type Address, type ConversationKey } from '../core/address.js';
import { RecipientUnreachableError } from '../core/errors.js';
import type { FlowScope, InboundEvent, OutboundMessage, RichText } from '../core/messages.js';
import type { EventReply, MessageSink } from '../core/ports.js';
import { copy } from '../engine/copy.js';
import { handleEvent } from '../engine/engine.js';
import type { FlowRegistry } from '../engine/flow.js';
import type { PendingTimer, Transition } from '../engine/types.js';
import type { ActionDeps } from '../features/action.js';
import { groupCrisisHelp } from '../features/crisis-help.js';
import { carryOutAction } from '../features/index.js';
import type { CommunitySettings } from '../store/community-store.js';
import type { StoredConversation } from '../store/conversation-store.js';
import { ConversationCache } from './conversation-cache.js';
import { DispatchError, type DispatchOptions, type DispatchOutcome, type RuntimeDeps } from './dispatch.js';
import { engineContext, registryOf, type ContextSources } from './engine-context.js';
import { KeyedLock } from './keyed-lock.js';
import { observe } from './observe.js';

/**
 * Carries out the engine's decisions: loads the conversation, applies the event, stores the result (retrying
 * when another process got there first), arms timers and hands messages to the platform's sink.
 */
export class ConversationRuntime {
  private readonly lock = new KeyedLock();
  private readonly cache: ConversationCache;
  private readonly sinks: ReadonlyMap<string, MessageSink>;
  private readonly clock: () => number;
  /** Events being handled right now: shutting down waits for them (see drain). */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** What the features' action handlers may use. */
  private readonly actionDeps: ActionDeps;
  /** What the engine is told besides the conversation. */
  private readonly sources: ContextSources;

  constructor(private readonly deps: RuntimeDeps) {
    this.sinks = new Map(deps.sinks.map((s) => [s.platform, s]));
    this.cache = new ConversationCache(deps.cacheSize ?? 10_000);
    this.clock = deps.clock ?? Date.now;
    const { store, timers, log, outbox, communities, support, links } = deps;
    this.actionDeps = { store, timers, log, clock: this.clock, sinks: this.sinks, outbox, communities, support, links };
    const { registry, settings, screens, crisisRegion, varsFor, registryFor } = deps;
    this.sources = { registry, settings, clock: this.clock, screens, crisisRegion, varsFor, registryFor };
  }

  get registry(): FlowRegistry {
    return this.deps.registry;
  }

  dispatch(address: Address, event: InboundEvent, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    const lockKey = 'key' in address ? keyString(address.key) : (this.cache.keyOfId(address.conversationId) ?? address.conversationId);
    const started = performance.now();
    const handled = this.lock.run(lockKey, async () => {
      try {
        const outcome = await this.apply(address, event, options);
        if (this.deps.observer) observe(this.deps.observer, address, event, options, outcome, started);
        return outcome;
      } catch (error) {
        this.deps.observer?.error('dispatch');
        if ('key' in address) await this.apologise(address.key);
        throw error;
      }
    });
    this.inFlight.add(handled);
    void handled.then(
      () => this.inFlight.delete(handled),
      () => this.inFlight.delete(handled),
    );
    return handled;
  }

  /**
   * Waits for every event being handled to finish (its state stored, its replies handed over), up to `timeoutMs`.
   * Shutting down calls this once nothing new comes in. Returns how many were still running at the deadline.
   */
  async drain(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      const left = deadline - Date.now();
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => setTimeout(resolve, left).unref())]);
    }
    return this.inFlight.size;
  }

  /** Something failed on our side (the database is away): say so kindly rather than fall silent. */
  private async apologise(key: ConversationKey): Promise<void> {
    const sink = this.sinks.get(key.platform);
    await sink
      ?.deliver({ conversationId: '', chatId: key.chatId, userId: key.userId }, [{ text: copy.somethingWentWrong }])
      .catch(() => undefined);
  }

  /** The conversation as stored now (for the terminal's wait and for tests). */
  async conversation(address: Address): Promise<StoredConversation | undefined> {
    return 'key' in address ? this.deps.store.open(address.key) : this.deps.store.get(address.conversationId);
  }

  /** The platform says this person cannot be reached (they blocked the bot): stop their flows and timed messages. */
  async markUnreachable(key: ConversationKey): Promise<void> {
    await this.lock.run(keyString(key), async () => {
      const conversation = await this.load({ key }, true);
      if (conversation) await this.stopConversation(conversation);
    });
  }

  /** A community's settings (`telegram:-100…`, `discord:…`), if its moderators configured anything. */
  async communitySettings(community: string): Promise<CommunitySettings | undefined> {
    return this.deps.communities?.settings(community);
  }

  /** The scope of a flow started for a community, with the crisis-line region its moderators chose, if any. */
  async scopeFor(community: string, fields: Omit<FlowScope, 'community' | 'region'> = {}): Promise<FlowScope> {
    const region = (await this.communitySettings(community))?.crisisRegion;
    return { community, ...fields, ...(region ? { region } : {}) };
  }

  /**
   * What /sos answers in a group, where everyone reads it: the emergency number (the community's region, else the
   * deployment's, else the international wording), an international line and the label of the button to a private
   * chat. Nothing about anyone. `locale` is the asking person's platform language.
   */
  async groupCrisisHelp(community: string, locale: string | undefined): Promise<{ readonly text: RichText; readonly button: string }> {
    const region = (await this.communitySettings(community))?.crisisRegion;
    return groupCrisisHelp({ community: region, deployment: this.deps.crisisRegion }, locale);
  }

  /** Whether this person has talked to Tether on this platform before. */
  knows(platform: string, userId: string): Promise<boolean> {
    return this.deps.store.knows(platform, userId);
  }

  /** Puts every stored timer back in the queue (after a restart, or when Redis was emptied). Returns how many. */
  async rearmTimers(): Promise<number> {
    const pending = await this.deps.store.pendingTimers();
    const byConversation = new Map<string, PendingTimer[]>();
    for (const { conversationId, timer } of pending) {
      const list = byConversation.get(conversationId) ?? [];
      list.push(timer);
      byConversation.set(conversationId, list);
    }
    for (const [conversationId, timers] of byConversation) {
      await this.deps.timers.schedule(conversationId, timers.map((t) => ({ id: t.id, dueAt: t.dueAt })));
    }
    return pending.length;
  }

  private async apply(address: Address, event: InboundEvent, options: DispatchOptions): Promise<DispatchOutcome> {
    const { dedupKey, locale } = options;
    const attempts = this.deps.maxAttempts ?? 8;
    let conversation = await this.load(address, false, locale);
    let reread = false;
    if (conversation && !conversation.reachable && (event.type === 'timer' || event.type === 'scheduled' || event.type === 'reminder')) {
      return { kind: 'unreachable', conversationId: conversation.id };
    }
    for (let attempt = 1; conversation && attempt <= attempts; attempt++) {
      const registry = await registryOf(this.sources, conversation, event);
      const transition = handleEvent(conversation.state, event, engineContext(this.sources, conversation, event, registry));
      if (!transition.changed && dedupKey === undefined) {
        // Nothing to store, so no conflict would tell us if this process's copy is old: another gateway or worker
        // may have moved the conversation on (the timer or button is current there). Look once more, afresh.
        if (!reread && this.cache.get(conversation.id) === conversation) {
          reread = true;
          this.cache.forget(conversation.id);
          conversation = await this.load(address, true, locale);
          continue;
        }
        await this.deliver(conversation, transition, options.reply);
        return { kind: 'handled', conversationId: conversation.id, transition };
      }
      const outcome = await this.deps.store.commit(conversation, { state: transition.state, records: transition.records, dedupKey, now: this.clock() });
      if (outcome.kind === 'duplicate') return { kind: 'duplicate', conversationId: conversation.id };
      if (outcome.kind === 'conflict') {
        this.cache.forget(conversation.id);
        conversation = await this.load(address, true, locale);
        continue;
      }
      const { conversation: committed, extra } = await this.carryOut(outcome.conversation, transition);
      const forgotten = transition.actions.some((a) => a.kind === 'forget');
      // After linking or unlinking, whose conversation this is has changed: read it afresh next time.
      const relinked = transition.actions.some((a) => a.kind === 'link-redeem' || a.kind === 'unlink');
      if (relinked) this.cache.forgetAll([committed.id]);
      else if (!forgotten) this.cache.remember(committed, 'key' in address ? address.key : undefined);
      // What the person's other chats know of them (their plan, supporters, schedule) is now out of date.
      if (transition.records.length || relinked) this.cache.forgetPersonsOtherChats(committed.personId, committed.id);
      const carriedOut = extra.length ? { ...transition, messages: beforeNextQuestion(transition.messages, extra) } : transition;
      await this.afterCommit(committed, forgotten ? { ...carriedOut, timers: [] } : carriedOut, options.paced && dedupKey !== undefined ? dedupKey : undefined, options.reply);
      if (transition.crisis) await this.alertCommunity(committed, transition);
      return { kind: 'handled', conversationId: conversation.id, transition };
    }
    if (!conversation) return { kind: 'gone' };
    throw new DispatchError(`gave up after ${attempts} attempts: the conversation kept changing underneath`, {
      conversationId: conversation.id,
      event: event.type,
    });
  }

  /**
   * The engine's actions, once its state is stored, each by its feature's handler (see src/features). Returns the
   * conversation as it stands afterwards and any messages the actions add (the export file).
   */
  private async carryOut(conversation: StoredConversation, transition: Transition): Promise<{ conversation: StoredConversation; extra: OutboundMessage[] }> {
    let current = conversation;
    const extra: OutboundMessage[] = [];
    for (const action of transition.actions) {
      const outcome = await carryOutAction(action, current, this.actionDeps);
      if (outcome.conversation) current = outcome.conversation;
      if (outcome.messages) extra.push(...outcome.messages);
      if (outcome.stale) this.cache.forgetAll(outcome.stale);
    }
    return { conversation: current, extra };
  }

  private async afterCommit(conversation: StoredConversation, transition: Transition, pacedKey?: string, reply?: EventReply): Promise<void> {
    // The reply first: the person should not wait on the queue. Timers are already stored with the state, so
    // one that fails to arm here is re-armed at the next start.
    if (pacedKey !== undefined && this.deps.outbox && transition.messages.length) {
      const target = { conversationId: conversation.id, chatId: conversation.chatId, userId: conversation.userId };
      await this.deps.outbox.enqueue([{ platform: conversation.platform, target, messages: transition.messages, key: pacedKey }]);
    } else await this.deliver(conversation, transition, reply);
    try {
      if (transition.timers.length) await this.deps.timers.schedule(conversation.id, transition.timers);
      if (transition.cancelledTimers.length) await this.deps.timers.cancel(conversation.id, transition.cancelledTimers);
    } catch (error) {
      this.deps.log.error({ err: error, conversationId: conversation.id }, 'could not arm timers; they are re-armed at next start');
    }
  }

  private async deliver(conversation: StoredConversation, transition: Transition, reply?: EventReply): Promise<void> {
    if (transition.messages.length === 0 && !transition.answered) return;
    const sink = this.sinks.get(conversation.platform);
    if (!sink) {
      this.deps.log.warn({ conversationId: conversation.id, platform: conversation.platform }, 'no sink for this platform; messages not delivered');
      return;
    }
    try {
      await sink.deliver(
        { conversationId: conversation.id, chatId: conversation.chatId, userId: conversation.userId },
        transition.messages,
        transition.answered,
        reply,
      );
    } catch (error) {
      if (error instanceof RecipientUnreachableError) {
        this.deps.log.info({ conversationId: conversation.id, platform: conversation.platform, reason: error.reason }, 'recipient unreachable; stopping their timed messages');
        await this.stopConversation(conversation);
        return;
      }
      this.deps.log.error({ err: error, conversationId: conversation.id, platform: conversation.platform }, 'delivery failed');
    }
  }

  private async alertCommunity(conversation: StoredConversation, transition: Transition): Promise<void> {
    const scope = [...transition.state.stack].reverse().find((r) => r.scope)?.scope;
    if (!scope || !this.deps.onCrisis) return;
    try {
      await this.deps.onCrisis(conversation, scope);
    } catch (error) {
      this.deps.log.error({ err: (error as Error).message, conversationId: conversation.id }, 'could not alert the community moderators');
    }
  }

  private async load(address: Address, fresh: boolean, locale?: string): Promise<StoredConversation | undefined> {
    const cached = fresh ? undefined : this.cache.find(address, locale);
    if (cached) return cached;
    return 'key' in address ? this.deps.store.open(address.key, locale) : this.deps.store.get(address.conversationId);
  }

  /** Stops everything that would message someone the platform cannot reach, until they write again. */
  private async stopConversation(conversation: StoredConversation): Promise<void> {
    this.cache.forget(conversation.id);
    for (let attempt = 0; attempt < (this.deps.maxAttempts ?? 8); attempt++) {
      const current = await this.deps.store.get(conversation.id);
      if (!current) break;
      const t = handleEvent(current.state, { type: 'unreachable' }, engineContext(this.sources, current));
      const outcome = await this.deps.store.commit(current, { state: t.state, records: [] });
      if (outcome.kind === 'conflict') continue;
      if (t.cancelledTimers.length) await this.deps.timers.cancel(conversation.id, t.cancelledTimers).catch(() => undefined);
      break;
    }
    await this.deps.store.setReachable(conversation.platform, conversation.userId, false);
  }
}

/** Messages an action adds (settings, a change log) go just before the next question, not after it. */
function beforeNextQuestion(messages: readonly OutboundMessage[], extra: readonly OutboundMessage[]): OutboundMessage[] {
  const last = messages.at(-1);
  if (!last?.input) return [...messages, ...extra];
  return [...messages.slice(0, -1), ...extra, last];
}
