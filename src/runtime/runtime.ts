import { copy } from '../engine/copy.js';
import { handleEvent } from '../engine/engine.js';
import type { FlowRegistry } from '../engine/flow.js';
import type { TextScreen } from '../engine/text-gate.js';
import type { EngineSettings, PendingTimer, Transition } from '../engine/types.js';
import type { FlowScope, InboundEvent, OutboundMessage } from '../core/messages.js';
import type { ConversationStore, StoredConversation } from '../store/conversation-store.js';
import { keyString, type Address, type ConversationKey } from '../core/address.js';
import type { CommunitySettings } from '../store/community-store.js';
import type { LinkStore } from '../store/link-store.js';
import type { SupportStore } from '../store/support-store.js';
import { REQUEST_TOKEN, SUPPORT_REPLIES } from '../engine/engine.js';
import { BoundedMap } from '../lib/bounded-map.js';
import { KeyedLock } from './keyed-lock.js';
import { isGroupMember } from './group-member.js';
import { historyText, planText } from './person-views.js';
import { formatCode } from '../lib/one-time-code.js';
import { computeTrends, trendsText } from '../insights/trends.js';
import { renderTrendsChart } from '../charts/trends-chart.js';
import type { Logger } from './logger.js';
import { RecipientUnreachableError } from '../core/errors.js';
import type { DeliveryTarget, EventReply, MessageSink, Outbox, RuntimeObserver, TimerScheduler } from '../core/ports.js';
import { plain } from '../engine/rich-text.js';
import type { RichText } from '../core/messages.js';
import { crisisVars, resolveCrisisRegion, shouldAskRegion, type RegionSources } from '../safety/crisis-region.js';
import { crisisTexts, languageOfLocale } from '../safety/crisis-text/index.js';

export interface RuntimeDeps {
  readonly store: ConversationStore;
  readonly registry: FlowRegistry;
  readonly settings: EngineSettings;
  readonly timers: TimerScheduler;
  readonly sinks: readonly MessageSink[];
  readonly log: Logger;
  readonly screens?: readonly TextScreen[];
  readonly clock?: () => number;
  /** How many times an event is re-applied after losing a race with another process. */
  readonly maxAttempts?: number;
  /** How many conversations are kept in memory between events. */
  readonly cacheSize?: number;
  /**
   * The deployment's region for crisis lines (CRISIS_REGION), after the community's and the person's own choice and
   * before the international default (see safety/crisis-region.ts).
   */
  readonly crisisRegion?: string | undefined;
  /** Values for `{@name}` in flow texts, for a conversation (its person's plan, supporters, progress). */
  readonly varsFor?: (conversation: StoredConversation, communityRegion?: string) => Readonly<Record<string, string>>;
  /** Where messages nobody is waiting for (scheduled check-ins, reminders) go: a paced queue (see src/delivery). */
  readonly outbox?: Outbox;
  /** What moderators read about their community (for the settings flow's overview and change log). */
  readonly communities?: {
    overview(community: string): Promise<string>;
    audit(community: string): Promise<string>;
    settings(community: string): Promise<CommunitySettings | undefined>;
  };
  /**
   * Someone acting in a community's scope wrote something the crisis screen caught: alert the moderators who opted
   * in (never with what was written). Called after the person got their reply.
   */
  readonly onCrisis?: (conversation: StoredConversation, scope: FlowScope) => Promise<void>;
  /** Supporters who opted in to receive requests through Tether (see store/support-store.ts). */
  readonly support?: Pick<SupportStore, 'invite' | 'accept' | 'request' | 'reply'>;
  /** Joining a person's identities across platforms (see store/link-store.ts). */
  readonly links?: Pick<LinkStore, 'createCode' | 'redeem' | 'unlink'>;
  /** The flows a community adds (its group check-in), used while a person answers one of its group check-ins. */
  readonly registryFor?: (community: string) => Promise<FlowRegistry | undefined>;
  /** Counts what happens (metrics); told platform names and flow ids only. */
  readonly observer?: RuntimeObserver;
}

export interface DispatchOptions {
  /** The platform's handle for answering this very event (a Discord interaction). */
  readonly reply?: EventReply;
  /** A platform's id for this delivery: the same delivery twice is handled once. */
  readonly dedupKey?: string;
  /** The person's locale as the platform reports it (`en-US`). */
  readonly locale?: string;
  /** Nobody is waiting for this reply (a scheduled check-in): send it through the paced outbox, keyed by dedupKey. */
  readonly paced?: boolean;
}

export type DispatchOutcome =
  | { readonly kind: 'handled'; readonly conversationId: string; readonly transition: Transition }
  | { readonly kind: 'duplicate'; readonly conversationId: string }
  /** A timer for a conversation that no longer exists (the person deleted their data). */
  | { readonly kind: 'gone' }
  /** A timer for someone the platform cannot reach: dropped, nothing sent. */
  | { readonly kind: 'unreachable'; readonly conversationId: string };

export class DispatchError extends Error {
  constructor(
    message: string,
    readonly detail: { readonly conversationId?: string | undefined; readonly event: InboundEvent['type'] },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DispatchError';
  }
}

/**
 * Carries out the engine's decisions: loads the conversation, applies the event, stores the result (retrying
 * when another process got there first), arms timers and hands messages to the platform's sink.
 */
export class ConversationRuntime {
  private readonly lock = new KeyedLock();
  private readonly cache: BoundedMap<string, StoredConversation>;
  private readonly idsByKey = new Map<string, string>();
  private readonly sinks: ReadonlyMap<string, MessageSink>;
  private readonly clock: () => number;
  /** Events being handled right now: shutting down waits for them (see drain). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: RuntimeDeps) {
    this.sinks = new Map(deps.sinks.map((s) => [s.platform, s]));
    this.cache = new BoundedMap(deps.cacheSize ?? 10_000);
    this.clock = deps.clock ?? Date.now;
  }

  get registry(): FlowRegistry {
    return this.deps.registry;
  }

  dispatch(address: Address, event: InboundEvent, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    const lockKey = 'key' in address ? keyString(address.key) : (this.keyOfId(address.conversationId) ?? address.conversationId);
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
    const texts = crisisTexts[languageOfLocale(locale) ?? 'en'];
    const region = (await this.communitySettings(community))?.crisisRegion;
    const found = resolveCrisisRegion({ community: region, deployment: this.deps.crisisRegion });
    const { bold, rest } = texts.groupSos(found?.emergency ?? texts.internationalEmergency);
    return { text: [{ text: bold, bold: true }, { text: `\n${rest}` }], button: texts.privateButton };
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
      const registry = await this.registryOf(conversation, event);
      const transition = handleEvent(conversation.state, event, this.engineContext(conversation, event, registry));
      if (!transition.changed && dedupKey === undefined) {
        // Nothing to store, so no conflict would tell us if this process's copy is old: another gateway or worker
        // may have moved the conversation on (the timer or button is current there). Look once more, afresh.
        if (!reread && this.cache.get(conversation.id) === conversation) {
          reread = true;
          this.forget(conversation.id);
          conversation = await this.load(address, true, locale);
          continue;
        }
        await this.deliver(conversation, transition, options.reply);
        return { kind: 'handled', conversationId: conversation.id, transition };
      }
      const outcome = await this.deps.store.commit(conversation, { state: transition.state, records: transition.records, dedupKey, now: this.clock() });
      if (outcome.kind === 'duplicate') return { kind: 'duplicate', conversationId: conversation.id };
      if (outcome.kind === 'conflict') {
        this.forget(conversation.id);
        conversation = await this.load(address, true, locale);
        continue;
      }
      const { conversation: committed, extra } = await this.carryOut(outcome.conversation, transition);
      const forgotten = transition.actions.some((a) => a.kind === 'forget');
      // After linking or unlinking, whose conversation this is has changed: read it afresh next time.
      const relinked = transition.actions.some((a) => a.kind === 'link-redeem' || a.kind === 'unlink');
      if (relinked) this.forgetAll([committed.id]);
      else if (!forgotten) this.remember(committed, 'key' in address ? address.key : undefined);
      // What the person's other chats know of them (their plan, supporters, schedule) is now out of date.
      if (transition.records.length || relinked) this.forgetPersonsOtherChats(committed.personId, committed.id);
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
   * The engine's actions, once its state is stored. Returns the conversation as it stands afterwards and any
   * messages the actions add (the export file).
   */
  private async carryOut(conversation: StoredConversation, transition: Transition): Promise<{ conversation: StoredConversation; extra: OutboundMessage[] }> {
    let current = conversation;
    const extra: OutboundMessage[] = [];
    for (const action of transition.actions) {
      switch (action.kind) {
        case 'consent':
          await this.deps.store.setConsent(conversation.personId, new Date(this.clock()));
          current = { ...current, consented: true };
          break;
        case 'export': {
          const data = await this.deps.store.exportPerson(conversation.personId);
          const day = new Date(this.clock()).toISOString().slice(0, 10);
          extra.push({ text: [{ text: 'Your data' }], file: { name: `tether-my-data-${day}.json`, mime: 'application/json', content: JSON.stringify(data, null, 2) } });
          break;
        }
        case 'forget': {
          const gone = await this.deps.store.forgetPerson(conversation.personId);
          for (const { conversationId, timerIds } of gone) {
            this.forget(conversationId);
            if (timerIds.length) await this.deps.timers.cancel(conversationId, timerIds).catch(() => undefined);
          }
          for (const [k, id] of this.idsByKey) if (gone.some((g) => g.conversationId === id)) this.idsByKey.delete(k);
          this.deps.log.info({ conversations: gone.length }, 'a person deleted their data');
          break;
        }
        case 'history':
          extra.push({ text: historyText(await this.deps.store.recentCheckIns(conversation.personId, 10), await this.deps.store.timeZoneOf(conversation.personId)) });
          break;
        case 'plan-show':
          extra.push({ text: planText(current.plan) });
          break;
        case 'trends': {
          const now = this.clock();
          const points = await this.deps.store.checkInsSince(conversation.personId, new Date(now - 30 * 86_400_000));
          const summary = trendsText(computeTrends(points, now));
          if (points.length >= 2) {
            const png = await renderTrendsChart(points, 30, now);
            extra.push({ text: plain(summary), file: { name: 'tether-trends.png', mime: 'image/png', content: png } });
          } else extra.push({ text: plain(summary) });
          break;
        }
        case 'link-code': {
          if (!this.deps.links) break;
          const { code } = await this.deps.links.createCode(conversation.personId, conversation.platform, this.clock());
          extra.push({ text: copy.linkCode(formatCode(code)) });
          break;
        }
        case 'link-redeem': {
          if (!this.deps.links) break;
          const outcome = await this.deps.links.redeem(action.code, conversation.personId, conversation.platform, this.clock());
          if (outcome.ok) this.forgetAll(outcome.conversationIds);
          extra.push({ text: outcome.ok ? copy.linked : copy.linkFailed[outcome.reason] });
          break;
        }
        case 'unlink': {
          if (!this.deps.links) break;
          const outcome = await this.deps.links.unlink(conversation.personId, conversation.platform, this.clock());
          if (outcome.ok) this.forgetAll(outcome.conversationIds);
          extra.push({ text: outcome.ok ? copy.unlinked : copy.notLinked });
          break;
        }
        case 'supporter-invite': {
          const position = String(action.args.position ?? '');
          const invite = await this.deps.support?.invite(conversation.personId, position, String(action.args.shownAs ?? ''), this.clock(), shownName(current, position));
          if (!invite) extra.push({ text: copy.supportersChanged });
          if (invite) extra.push({ text: copy.supporterInvite(formatCode(invite.code), invite.name) });
          break;
        }
        case 'support-accept': {
          const accepted = await this.deps.support?.accept(String(action.args.code ?? ''), conversation.personId, conversation.id, this.clock());
          extra.push({ text: !accepted ? copy.supportInvalid : accepted.ok ? copy.supportAccepted(accepted.shownAs) : accepted.reason === 'too-many-tries' ? copy.codeTriesPaused : copy.supportInvalid });
          break;
        }
        case 'reach-out-send': {
          const to = String(action.args.to ?? '');
          const outcome = await this.deps.support?.request(conversation.personId, to, action.text, conversation.id, shownName(current, to));
          if (!outcome) {
            extra.push({ text: copy.supportersChanged });
            break;
          }
          if (!outcome.linked) {
            extra.push({ text: copy.requestNotLinked(outcome.name) });
            break;
          }
          const input = { kind: 'choice' as const, token: `${REQUEST_TOKEN}${outcome.requestId}`, options: SUPPORT_REPLIES.map((id) => ({ id, label: copy.supportReplies[id] })) };
          await this.sendTo(outcome.supporterConversationId, { text: copy.requestToSupporter(outcome.shownAs, action.text), input }, `request:${outcome.requestId}`);
          extra.push({ text: copy.requestSent(outcome.name) });
          break;
        }
        case 'support-reply': {
          const replied = await this.deps.support?.reply(action.requestId, conversation.personId, action.reply, this.clock());
          if (!replied) break;
          const reply = copy.supportReplies[action.reply as (typeof SUPPORT_REPLIES)[number]];
          await this.sendTo(replied.requesterConversationId, { text: copy.supporterAnswered(replied.name, reply) }, `reply:${action.requestId}`);
          extra.push({ text: copy.replyThanks });
          break;
        }
        case 'milestone-share': {
          const community = current.progress.community ? await this.deps.communities?.settings(current.progress.community) : undefined;
          if (!community?.channelId) {
            extra.push({ text: copy.milestoneNoChannel });
            break;
          }
          const platform = community.key.slice(0, community.key.indexOf(':'));
          // Only to a group they are still in: someone who left has moved on, and their milestone goes nowhere.
          const sink = this.sinks.get(platform);
          if (sink?.isMember) {
            const memberId = current.progress.communityMember;
            const member = memberId ? await sink.isMember(community.key.slice(platform.length + 1), memberId) : false;
            if (member !== true) {
              extra.push({ text: member === false ? copy.milestoneNotMember : copy.milestoneUnchecked });
              break;
            }
          }
          const named = action.args.how === 'named' && platform === conversation.platform;
          const { checkIns, streakDays, countFrom } = current.progress;
          const days = countFrom ? Math.floor((this.clock() - countFrom.getTime()) / 86_400_000) : 0;
          const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
          const what =
            action.args.which === 'streak' ? `${count(streakDays, 'day', 'days')} in a row of check-ins`
            : action.args.which === 'days' ? `${count(days, 'day', 'days')} since a date that matters to them`
            : count(checkIns, 'check-in', 'check-ins');
          const target = { conversationId: '', chatId: community.channelId, userId: '' };
          const post = { text: copy.milestonePost(named ? conversation.userId : undefined, what) };
          await this.deps.outbox?.enqueue([{ platform, target, messages: [post], key: `milestone:${conversation.personId}:${String(action.args.which)}:${Math.floor(this.clock() / 3_600_000)}`, group: true }]);
          extra.push({ text: copy.milestoneShared });
          break;
        }
        case 'community-overview':
        case 'community-audit': {
          const communities = this.deps.communities;
          if (!communities) break;
          const text = action.kind === 'community-overview' ? await communities.overview(action.community) : await communities.audit(action.community);
          extra.push({ text: plain(text) });
          break;
        }
      }
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

  /** A message for another conversation (a supporter's, or the person who asked them), through the paced outbox. */
  private async sendTo(conversationId: string, message: OutboundMessage, key: string): Promise<void> {
    const other = await this.deps.store.get(conversationId);
    if (!other) return;
    const target = { conversationId: other.id, chatId: other.chatId, userId: other.userId };
    if (this.deps.outbox) await this.deps.outbox.enqueue([{ platform: other.platform, target, messages: [message], key }]);
    else await this.sinks.get(other.platform)?.deliver(target, [message]);
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

  /** Stops everything that would message someone the platform cannot reach, until they write again. */
  private async stopConversation(conversation: StoredConversation): Promise<void> {
    this.forget(conversation.id);
    for (let attempt = 0; attempt < (this.deps.maxAttempts ?? 8); attempt++) {
      const current = await this.deps.store.get(conversation.id);
      if (!current) break;
      const t = handleEvent(current.state, { type: 'unreachable' }, this.engineContext(current));
      const outcome = await this.deps.store.commit(current, { state: t.state, records: [] });
      if (outcome.kind === 'conflict') continue;
      if (t.cancelledTimers.length) await this.deps.timers.cancel(conversation.id, t.cancelledTimers).catch(() => undefined);
      break;
    }
    await this.deps.store.setReachable(conversation.platform, conversation.userId, false);
  }

  /** Tether's flows, plus a community's own while the person answers one of its group check-ins. */
  private async registryOf(conversation: StoredConversation, event: InboundEvent): Promise<FlowRegistry> {
    const fromStack = [...conversation.state.stack].reverse().map((r) => (r.scope?.occasion ? r.scope : r.then?.scope)).find((s) => s?.occasion);
    const scope = (event.type === 'command' ? event.scope : undefined) ?? fromStack;
    if (!scope?.occasion || !this.deps.registryFor) return this.deps.registry;
    return (await this.deps.registryFor(scope.community)) ?? this.deps.registry;
  }

  private engineContext(conversation: StoredConversation, event?: InboundEvent, registry = this.deps.registry) {
    // In a community's scope, the crisis lines its moderators chose come first.
    const scope = (event?.type === 'command' ? event.scope : undefined) ?? [...conversation.state.stack].reverse().find((r) => r.scope)?.scope;
    const regions: RegionSources = { community: scope?.region, person: conversation.crisisRegion, deployment: this.deps.crisisRegion };
    const facts = { ...conversation.facts, askRegion: shouldAskRegion(regions), ...(isGroupMember(conversation.userId) ? { group: true } : {}) };
    const language = languageOfLocale(conversation.locale);
    return {
      now: this.clock(),
      consented: conversation.consented,
      facts,
      ...(language ? { language } : {}),
      vars: { ...crisisVars(regions), ...this.deps.varsFor?.(conversation, scope?.region) },
      registry,
      settings: this.deps.settings,
      ...(this.deps.screens ? { screens: this.deps.screens } : {}),
    };
  }

  private async load(address: Address, fresh: boolean, locale?: string): Promise<StoredConversation | undefined> {
    const id = 'key' in address ? this.idsByKey.get(keyString(address.key)) : address.conversationId;
    if (!fresh && id !== undefined) {
      const cached = this.cache.get(id);
      if (cached && (locale === undefined || cached.locale === locale)) return cached;
    }
    return 'key' in address ? this.deps.store.open(address.key, locale) : this.deps.store.get(address.conversationId);
  }

  private remember(conversation: StoredConversation, key: ConversationKey | undefined): void {
    this.idsByKey.set(keyString(key ?? conversation), conversation.id);
    const evicted = this.cache.set(conversation.id, conversation);
    if (evicted) this.idsByKey.delete(keyString(evicted[1]));
  }

  private forgetPersonsOtherChats(personId: string, except: string): void {
    const stale = [...this.idsByKey.values()].filter((id) => id !== except && this.cache.get(id)?.personId === personId);
    this.forgetAll(stale);
  }

  private forgetAll(conversationIds: readonly string[]): void {
    for (const id of conversationIds) this.forget(id);
    for (const [k, id] of this.idsByKey) if (conversationIds.includes(id)) this.idsByKey.delete(k);
  }

  private forget(conversationId: string): void {
    this.cache.delete(conversationId);
  }

  private keyOfId(conversationId: string): string | undefined {
    const cached = this.cache.get(conversationId);
    return cached ? keyString(cached) : undefined;
  }
}

/**
 * Tells the observer what one handled event amounted to. A person's event is timed from its arrival (including any
 * wait behind their previous one) until dispatch returns, which is just after its replies were handed to the sink.
 * Paced replies (scheduled check-ins) are not answers: the delivery queue counts them when it sends them.
 */
function observe(observer: RuntimeObserver, address: Address, event: InboundEvent, options: DispatchOptions, outcome: DispatchOutcome, started: number): void {
  if (outcome.kind !== 'handled') return;
  const { transition } = outcome;
  for (const flowId of transition.completed ?? []) observer.flowCompleted(flowId);
  if (!('key' in address) || !(event.type === 'text' || event.type === 'command' || event.type === 'choice')) return;
  const platform = address.key.platform;
  observer.inbound(platform);
  if (transition.crisis) observer.crisis(platform);
  if (!options.paced && transition.messages.length) observer.replied(platform, (performance.now() - started) / 1000);
}

/** The name the person saw for supporter place `position` ("s2"), from the list this conversation showed them. */
function shownName(conversation: StoredConversation, position: string): string | undefined {
  const n = Number(/^s([1-5])$/.exec(position)?.[1]);
  return conversation.supporters.find((s) => s.position === n)?.name ?? '\u0000';
}

/** Messages an action adds (settings, a change log) go just before the next question, not after it. */
function beforeNextQuestion(messages: readonly OutboundMessage[], extra: readonly OutboundMessage[]): OutboundMessage[] {
  const last = messages.at(-1);
  if (!last?.input) return [...messages, ...extra];
  return [...messages.slice(0, -1), ...extra, last];
}
