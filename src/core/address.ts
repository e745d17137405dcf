/** Who is talking, where: a person's identity on a platform and the chat they talk in. */
export interface ConversationKey {
  readonly platform: string;
  readonly chatId: string;
  readonly userId: string;
}

/** Where an event goes: a person in a chat (from a platform) or a stored conversation (a timer). */
export type Address = { readonly key: ConversationKey } | { readonly conversationId: string };

/** One string per person and chat, for maps and locks. */
export function keyString(key: ConversationKey): string {
  return `${key.platform}\u0000${key.chatId}\u0000${key.userId}`;
}

/** A community as one string, its platform first (`telegram:-100…`, `discord:<server id>`). */
export function communityKey(platform: string, externalId: string): string {
  return `${platform}:${externalId}`;
}

export function splitCommunityKey(key: string): { platform: string; externalId: string } {
  const i = key.indexOf(':');
  return { platform: key.slice(0, i), externalId: key.slice(i + 1) };
}
