import { invitationPost, summaryPost } from '../community/group-posts.js';
import type { OccasionJob, OccasionQueue } from '../queue/occasion-queue.js';
import type { CommunityStore } from '../store/community-store.js';
import type { ScheduleStore } from '../store/schedule-store.js';
import type { OutboundMessage } from '../core/messages.js';
import type { Logger } from './logger.js';
import type { ConversationRuntime } from './runtime.js';
import type { Outbox } from '../core/ports.js';

export interface OccasionSettings {
  /** How often to look for what is due. */
  readonly sweepMs: number;
  /** How far ahead a sweep claims (jobs wait in Redis as delayed jobs until then). */
  readonly lookaheadMs: number;
  /** A claim not sent after this long (Redis emptied, a process died) is claimed again. */
  readonly staleMs: number;
  /** The one reminder after an unanswered check-in (0: none). */
  readonly reminderMs: number;
  /** The anonymous summary after a group check-in post. */
  readonly summaryMs: number;
}

export const defaultOccasionSettings: OccasionSettings = {
  sweepMs: 30_000,
  lookaheadMs: 60_000,
  staleMs: 5 * 60_000,
  reminderMs: 2 * 60 * 60_000,
  summaryMs: 3 * 60 * 60_000,
};

/**
 * Turns schedules into messages. A sweep claims what is due in Postgres and hands it to the occasion queue; each
 * job then checks it is still wanted (the schedule may have changed), does it, and plans the next one. A person's
 * check-in goes through the conversation engine (so it never interrupts a flow and is sent once per occasion);
 * group posts go straight to the paced outbox.
 */
export class OccasionScheduler {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly deps: {
      readonly runtime: ConversationRuntime;
      readonly schedules: ScheduleStore;
      readonly communities: CommunityStore;
      readonly queue: OccasionQueue;
      readonly outbox: Outbox;
      readonly log: Logger;
      readonly settings: OccasionSettings;
      readonly clock?: () => number;
      /** Housekeeping run with the sweeps, at most hourly (forgetting old delivery keys). */
      readonly housekeeping?: (now: number) => Promise<void>;
    },
  ) {}

  private lastHousekeeping = Number.NEGATIVE_INFINITY;

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** Sweeps now and then every `sweepMs`. After a restart, claims are released first so nothing Redis lost is missed. */
  async start(): Promise<void> {
    const released = await this.deps.schedules.releaseClaims();
    await this.deps.communities.releaseClaims();
    if (released) this.deps.log.info({ released }, 'schedules: re-claiming what was queued before the restart');
    await this.sweep();
    this.timer = setInterval(() => void this.sweep().catch((err: unknown) => this.deps.log.error({ err: (err as Error).message }, 'schedule sweep failed')), this.deps.settings.sweepMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Claims everything due within the look-ahead and queues it. Returns how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    const now = this.now();
    const { lookaheadMs, staleMs } = this.deps.settings;
    const personal = await this.deps.schedules.claimDue(now + lookaheadMs, now, now - staleMs);
    const group = await this.deps.communities.claimDue(now + lookaheadMs, now, now - staleMs);
    const events = await this.deps.schedules.claimDueEvents(now + lookaheadMs, now, now - staleMs);
    const jobs: OccasionJob[] = [...personal, ...group, ...events];
    if (jobs.length) await this.deps.queue.enqueue(jobs);
    if (this.deps.housekeeping && now - this.lastHousekeeping >= 3_600_000) {
      this.lastHousekeeping = now;
      await this.deps.housekeeping(now).catch((err: unknown) => this.deps.log.warn({ err: (err as Error).message }, 'housekeeping failed'));
    }
    return jobs.length;
  }

  /** One due occasion, from the queue. */
  async handle(job: OccasionJob): Promise<void> {
    const { runtime, schedules, communities, settings } = this.deps;
    if ('eventCheckInId' in job) {
      if (!(await schedules.eventPending(job.eventCheckInId))) return;
      const outcome = await runtime.dispatch({ conversationId: job.conversationId }, { type: 'scheduled', flowId: 'event-checkin', occasion: job.occasion }, { dedupKey: `event:${job.eventCheckInId}`, paced: true });
      if (outcome.kind === 'unreachable') await schedules.pauseUnreachable(job.conversationId);
      await schedules.eventSent(job.eventCheckInId, this.now());
      return;
    }
    if ('scheduleId' in job) {
      if (!(await schedules.isCurrent(job))) return;
      const event =
        job.kind === 'checkin' ? ({ type: 'scheduled', flowId: job.flowId, occasion: job.occasion, intro: true } as const) : ({ type: 'reminder', occasion: job.occasion } as const);
      const outcome = await runtime.dispatch({ conversationId: job.conversationId }, event, { dedupKey: `${job.kind}:${job.scheduleId}:${job.occasion}`, paced: true });
      if (outcome.kind === 'unreachable') await schedules.pauseUnreachable(job.conversationId);
      await schedules.completed(job, settings.reminderMs, this.now());
      return;
    }
    if (!(await communities.isCurrent(job))) return;
    const community = await communities.byId(job.communityId);
    if (community?.channelId) {
      const message = job.kind === 'group-checkin' ? invitationPost(community.invitation, job.occasion) : await this.summary(job.communityId, job.occasion);
      if (message) {
        await this.post(community.platform, community.channelId, message, `${job.kind}:${job.communityId}:${job.occasion}`);
      }
    }
    await communities.completed(job, settings.summaryMs, this.now());
  }

  private async summary(communityId: string, occasion: string) {
    const summary = await this.deps.communities.summaryOf(communityId, occasion);
    return summary ? summaryPost(summary) : undefined;
  }

  private async post(platform: string, chatId: string, message: OutboundMessage, key: string): Promise<void> {
    const target = { conversationId: '', chatId, userId: '' };
    await this.deps.outbox.enqueue([{ platform, target, messages: [message], key, group: true }]);
  }
}
