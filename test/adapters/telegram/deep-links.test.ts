import { describe, expect, it } from 'vitest';
import { decodeDeepLink, encodeDeepLink, splitChat } from '../../../src/adapters/telegram/deep-links.js';

describe('Telegram deep links', () => {
  it('carry a group (and a forum topic) or a group check-in occasion, within Telegram\'s 64 plain characters', () => {
    const links = [
      { kind: 'setup', chatId: '-1001234567890' },
      { kind: 'setup', chatId: '-1001234567890', topic: 45 },
      { kind: 'group-checkin', chatId: '-1001234567890', occasion: '2027-03-01' },
    ] as const;
    for (const link of links) {
      const payload = encodeDeepLink(link);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(decodeDeepLink(payload)).toEqual(link);
    }
  });

  it('ignores anything else after /start', () => {
    for (const payload of ['checkin', 'setup_', 'setup_abc', 'g_m1_2027', 'g_m1_20270301_x', '<b>']) expect(decodeDeepLink(payload)).toBeUndefined();
  });

  it('posts to a forum topic when the chat names one', () => {
    expect(splitChat('-100123/45')).toEqual({ chat: '-100123', topic: 45 });
    expect(splitChat('-100123')).toEqual({ chat: '-100123' });
  });
});
