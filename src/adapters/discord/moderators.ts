/**
 * Who may change a Discord server's settings: whoever can manage the server, or holds the moderator role the
 * server's moderators chose in /setup.
 */
export function isModerator(member: { readonly canManageServer: boolean; readonly roleIds: readonly string[] }, moderatorRoleId: string | null | undefined): boolean {
  return member.canManageServer || (moderatorRoleId !== undefined && moderatorRoleId !== null && member.roleIds.includes(moderatorRoleId));
}
