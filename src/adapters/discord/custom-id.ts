/**
 * What a component carries (Discord allows 100 characters): the kind of action, the prompt's token and a value.
 * The person and the chat come from the interaction itself.
 *   c|<token>|<value>  a choice button or select menu
 *   t|<token>          "type your answer": opens a modal for a free-text step
 *   m|<token>          that modal, submitted
 */
export type CustomId =
  | { readonly kind: 'choice'; readonly token: string; readonly value: string }
  | { readonly kind: 'open-text'; readonly token: string }
  | { readonly kind: 'text-modal'; readonly token: string };

export function encodeCustomId(id: CustomId): string {
  const raw = id.kind === 'choice' ? `c|${id.token}|${id.value}` : `${id.kind === 'open-text' ? 't' : 'm'}|${id.token}`;
  if (raw.length > 100) throw new RangeError(`custom id over 100 characters for token ${id.token}`);
  return raw;
}

export function decodeCustomId(raw: string): CustomId | undefined {
  const [kind, token, ...rest] = raw.split('|');
  if (!token) return undefined;
  if (kind === 'c' && rest.length) return { kind: 'choice', token, value: rest.join('|') };
  if (kind === 't') return { kind: 'open-text', token };
  if (kind === 'm') return { kind: 'text-modal', token };
  return undefined;
}
