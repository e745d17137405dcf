/**
 * The stand-in "person" a whole channel's shared exercise runs as (group breathing): one conversation per channel,
 * nobody's own. It never takes answers about anyone, so nothing private can end up in it.
 */
export function groupMember(channelId: string): string {
  return `channel:${channelId}`;
}

export function isGroupMember(userId: string): boolean {
  return userId.startsWith('channel:');
}
