/*
 * Start parameters of Tether's deep links (t.me/<bot>?start=…; letters, digits, _ and -, at most 64):
 *   setup_<chat>[_t<n>]   a moderator opens a group's settings in the private chat (from topic n of a forum group)
 *   g_<chat>_<yyyymmdd>   a member answers a group check-in privately
 * A group's chat id is negative; "-" is written "m" so the link stays short and plain.
 */

export type DeepLink = { readonly kind: 'setup'; readonly chatId: string; readonly topic?: number } | { readonly kind: 'group-checkin'; readonly chatId: string; readonly occasion: string };

const encodeChat = (chatId: string) => chatId.replace(/^-/, 'm');
const decodeChat = (text: string) => text.replace(/^m/, '-');

export function encodeDeepLink(link: DeepLink): string {
  if (link.kind === 'setup') return `setup_${encodeChat(link.chatId)}${link.topic !== undefined ? `_t${link.topic}` : ''}`;
  return `g_${encodeChat(link.chatId)}_${link.occasion.replaceAll('-', '')}`;
}

export function decodeDeepLink(payload: string): DeepLink | undefined {
  let m = /^setup_(m?\d{1,20})(?:_t(\d{1,10}))?$/.exec(payload);
  if (m) return { kind: 'setup', chatId: decodeChat(m[1]!), ...(m[2] ? { topic: Number(m[2]) } : {}) };
  m = /^g_(m?\d{1,20})_(\d{4})(\d{2})(\d{2})$/.exec(payload);
  if (m) return { kind: 'group-checkin', chatId: decodeChat(m[1]!), occasion: `${m[2]}-${m[3]}-${m[4]}` };
  return undefined;
}

/** Where group posts go: a group, or one topic of a forum group (`-100123/45`). */
export function splitChat(chatId: string): { chat: string; topic?: number } {
  const [chat, topic] = chatId.split('/');
  return topic ? { chat: chat!, topic: Number(topic) } : { chat: chat! };
}
