import { renderTrendsChart } from '../charts/trends-chart.js';
import { plain } from '../engine/rich-text.js';
import { computeTrends, trendsText } from '../insights/trends.js';
import type { ActionHandlers } from './action.js';
import { say } from './action.js';
import { historyText, planText } from './person-views.js';

/** What a person reads of their own data: their last check-ins, their plan, their trends over 30 days. */
export const history: Pick<ActionHandlers, 'history' | 'plan-show' | 'trends'> = {
  async history(_action, conversation, deps) {
    const checkIns = await deps.store.recentCheckIns(conversation.personId, 10);
    return say({ text: historyText(checkIns, await deps.store.timeZoneOf(conversation.personId)) });
  },

  async 'plan-show'(_action, conversation) {
    return say({ text: planText(conversation.plan) });
  },

  async trends(_action, conversation, deps) {
    const now = deps.clock();
    const points = await deps.store.checkInsSince(conversation.personId, new Date(now - 30 * 86_400_000));
    const summary = trendsText(computeTrends(points, now));
    if (points.length < 2) return say({ text: plain(summary) });
    const png = await renderTrendsChart(points, 30, now);
    return say({ text: plain(summary), file: { name: 'tether-trends.png', mime: 'image/png', content: png } });
  },
};
