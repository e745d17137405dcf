import type { ActionHandlers } from './action.js';
import { nothing, say } from './action.js';

/** Consent, /mydata and /forget: what a person agreed to, everything held about them, and deleting all of it. */
export const dataRights: Pick<ActionHandlers, 'consent' | 'export' | 'forget'> = {
  async consent(_action, conversation, deps) {
    await deps.store.setConsent(conversation.personId, new Date(deps.clock()));
    return { conversation: { ...conversation, consented: true } };
  },

  async export(_action, conversation, deps) {
    const data = await deps.store.exportPerson(conversation.personId);
    const day = new Date(deps.clock()).toISOString().slice(0, 10);
    return say({ text: [{ text: 'Your data' }], file: { name: `tether-my-data-${day}.json`, mime: 'application/json', content: JSON.stringify(data, null, 2) } });
  },

  async forget(_action, conversation, deps) {
    const gone = await deps.store.forgetPerson(conversation.personId);
    for (const { conversationId, timerIds } of gone) {
      if (timerIds.length) await deps.timers.cancel(conversationId, timerIds).catch(() => undefined);
    }
    deps.log.info({ conversations: gone.length }, 'a person deleted their data');
    return gone.length ? { stale: gone.map((g) => g.conversationId) } : nothing;
  },
};
