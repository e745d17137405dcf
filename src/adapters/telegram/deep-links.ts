/*
 * Start parameters of Tether's deep links (t.me/<bot>?start=…; letters, digits, _ and -, at most 64):
 *   setup_<chat>          a moderator opens a group's settings in the private chat
 *   g_<chat>_<yyyymmdd>   a member answers a group check-in privately
 * A group's chat id is negative; "-" is written "m" so the link stays short and plain.
 */

export type DeepLink = { readonly kind: 'setup'; readonly chatId: string } | { readonly kind: 'group-checkin'; readonly chatId: string; readonly occasion: string };

const encodeChat = (chatId: string) => chatId.replace(/^-/, 'm');
const decodeChat = (text: string) => text.replace(/^m/, '-');

export function encodeDeepLink(link: DeepLink): string {
  if (link.kind === 'setup') return `setup_${encodeChat(link.chatId)}`;
  return `g_${encodeChat(link.chatId)}_${link.occasion.replaceAll('-', '')}`;
}

export function decodeDeepLink(payload: string): DeepLink | undefined {
  let m = /^setup_(m?\d{1,20})$/.exec(payload);
  if (m) return { kind: 'setup', chatId: decodeChat(m[1]!) };
  m = /^g_(m?\d{1,20})_(\d{4})(\d{2})(\d{2})$/.exec(payload);
  if (m) return { kind: 'group-checkin', chatId: decodeChat(m[1]!), occasion: `${m[2]}-${m[3]}-${m[4]}` };
  return undefined;
}
