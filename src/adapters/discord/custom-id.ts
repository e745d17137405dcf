/**
 * What a component carries (Discord allows 100 characters): the kind of action, the prompt's token and a value.
 * The person and the chat come from the interaction itself.
 *   c|<token>|<value>  a choice button or select menu
 *   t|<token>          "type your answer": opens a modal for a free-text step
 *   m|<token>          that modal, submitted
 *   g|<occasion>       a group check-in post's button: answer that occasion's check-in privately
 *   p|<command>        a button under a public answer (/sos in a channel): run that command privately
 */
export type CustomId =
  | { readonly kind: 'choice'; readonly token: string; readonly value: string }
  | { readonly kind: 'open-text'; readonly token: string }
  | { readonly kind: 'text-modal'; readonly token: string }
  | { readonly kind: 'group-checkin'; readonly occasion: string }
  | { readonly kind: 'private-command'; readonly command: string };

export function encodeCustomId(id: CustomId): string {
  const raw =
    id.kind === 'group-checkin' ? `g|${id.occasion}`
    : id.kind === 'private-command' ? `p|${id.command}`
    : id.kind === 'choice' ? `c|${id.token}|${id.value}`
    : `${id.kind === 'open-text' ? 't' : 'm'}|${id.token}`;
  if (raw.length > 100) throw new RangeError(`custom id over 100 characters (${raw.slice(0, 20)}…)`);
  return raw;
}

export function decodeCustomId(raw: string): CustomId | undefined {
  const [kind, token, ...rest] = raw.split('|');
  if (!token) return undefined;
  if (kind === 'c' && rest.length) return { kind: 'choice', token, value: rest.join('|') };
  if (kind === 't') return { kind: 'open-text', token };
  if (kind === 'm') return { kind: 'text-modal', token };
  if (kind === 'g' && /^\d{4}-\d{2}-\d{2}$/.test(token)) return { kind: 'group-checkin', occasion: token };
  if (kind === 'p' && /^[a-z][a-z0-9-]{0,31}$/.test(token)) return { kind: 'private-command', command: token };
  return undefined;
}
