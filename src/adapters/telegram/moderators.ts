/** Who may change a Telegram group's settings: its creator and its administrators (as getChatMember reports). */
export function isModerator(status: string | undefined): boolean {
  return status === 'creator' || status === 'administrator';
}
