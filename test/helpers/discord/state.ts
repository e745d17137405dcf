import {
  ChannelType,
  type APIApplicationCommand,
  type APIChannel,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GuildFeature,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
  type Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import { isSnowflake, snowflake } from './snowflake.js';
import type {
  ApiComponent,
  ChannelInput,
  DiscordEmulatorOptions,
  EmulatedChannel,
  EmulatedGuild,
  EmulatedInteraction,
  EmulatedMember,
  EmulatedMessage,
  EmulatedRole,
  EmulatedUser,
  GuildInput,
  MemberInput,
  PermissionsInput,
  UserInput,
  UserRef,
} from './types.js';

/* The emulator's in-memory world (users, guilds, channels, messages, interactions, commands) and the API JSON for it. */

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

const P = PermissionFlagsBits;
/** Roughly what @everyone gets in a new Discord server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.CreateInstantInvite | P.ChangeNickname | P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.CreatePublicThreads |
  P.CreatePrivateThreads | P.EmbedLinks | P.AttachFiles | P.AddReactions | P.UseExternalEmojis | P.UseExternalStickers |
  P.ReadMessageHistory | P.UseApplicationCommands | P.Connect | P.Speak | P.UseVAD | P.Stream | P.UseEmbeddedActivities |
  P.SendVoiceMessages | P.SendPolls | P.UseExternalApps;
/** What a typical bot invite grants. */
export const DEFAULT_BOT_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory |
  P.AddReactions | P.UseExternalEmojis;
/** app_permissions Discord reports in a DM with the bot. */
export const DM_PERMISSIONS =
  P.AddReactions | P.Stream | P.ViewChannel | P.SendMessages | P.SendTTSMessages | P.EmbedLinks | P.AttachFiles |
  P.ReadMessageHistory | P.MentionEveryone | P.UseExternalEmojis | P.Connect | P.Speak | P.UseVAD |
  P.UseApplicationCommands | P.UseExternalStickers | P.UseEmbeddedActivities | P.SendVoiceMessages | P.SendPolls |
  P.UseExternalApps | P.PinMessages;

export function resolvePermissions(input: PermissionsInput | undefined, fallback: bigint): bigint {
  if (input === undefined) return fallback;
  if (typeof input === 'bigint') return input;
  if (typeof input === 'string') return BigInt(input);
  return input.reduce((all, name) => {
    const bit = (PermissionFlagsBits as Record<string, bigint>)[name];
    if (bit === undefined) throw new Error(`discord emulator: unknown permission "${name}"`);
    return all | bit;
  }, 0n);
}

export interface StoredMessage extends EmulatedMessage {
  /** API type (0 default, 19 reply, 20 chat input command). */
  apiType: MessageType;
  webhookId: string | null;
  nonce: string | number | null;
}

export class EmulatorState {
  readonly applicationId: string;
  readonly bot: EmulatedUser;
  readonly applicationFlags: number;
  readonly users = new Map<string, EmulatedUser>();
  readonly guilds = new Map<string, EmulatedGuild & { roles: EmulatedRole[]; members: Map<string, EmulatedMember>; channelIds: string[] }>();
  readonly channels = new Map<string, EmulatedChannel>();
  readonly dmChannels = new Map<string, string>();
  readonly messages = new Map<string, StoredMessage>();
  /** Every message in creation order. */
  readonly messageLog: StoredMessage[] = [];
  readonly interactions = new Map<string, EmulatedInteraction>();
  readonly interactionsByToken = new Map<string, EmulatedInteraction>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly dmsClosed = new Set<string>();

  constructor(options: DiscordEmulatorOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.applicationFlags = options.applicationFlags ?? 0;
    this.bot = {
      id: options.bot?.id ?? this.applicationId,
      username: options.bot?.username ?? 'Emulated Bot',
      globalName: null,
      bot: true,
      locale: 'en-US',
    };
    this.users.set(this.bot.id, this.bot);
    for (const input of options.users ?? []) this.addUser(input);
    const guilds = options.guilds ?? [{}];
    for (const input of guilds) this.addGuild(input);
  }

  // ---- users ------------------------------------------------------------------------------------------------

  addUser(input: UserInput): EmulatedUser {
    const id = input.id ?? snowflake();
    if (!isSnowflake(id)) throw new Error(`discord emulator: user id "${id}" is not a snowflake (17–20 digits)`);
    const user: EmulatedUser = {
      id,
      username: input.username,
      globalName: input.globalName === undefined ? input.username : input.globalName,
      bot: input.bot ?? false,
      locale: input.locale ?? 'en-US',
    };
    this.users.set(id, user);
    return user;
  }

  /** A user by object, id or username; unknown ids and inputs become new users. */
  user(ref: UserRef): EmulatedUser {
    if (typeof ref === 'string') {
      const known = this.users.get(ref) ?? [...this.users.values()].find((u) => u.username === ref);
      if (known) return known;
      if (isSnowflake(ref)) return this.addUser({ id: ref, username: `user${ref.slice(-4)}` });
      return this.addUser({ username: ref });
    }
    if (ref.id !== undefined) {
      const known = this.users.get(ref.id);
      if (known) return known;
    }
    return this.addUser(ref);
  }

  // ---- guilds and channels -----------------------------------------------------------------------------------

  addGuild(input: GuildInput): EmulatedGuild {
    const id = input.id ?? snowflake();
    const joinedAt = new Date().toISOString();
    const roles: EmulatedRole[] = [
      { id, name: '@everyone', permissions: resolvePermissions(input.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS), position: 0, managed: false },
    ];
    for (const [i, role] of (input.roles ?? []).entries()) {
      roles.push({ id: role.id ?? snowflake(), name: role.name, permissions: resolvePermissions(role.permissions, 0n), position: i + 1, managed: false });
    }
    const botRole: EmulatedRole = {
      id: snowflake(),
      name: this.bot.username,
      permissions: resolvePermissions(input.botPermissions, DEFAULT_BOT_PERMISSIONS),
      position: roles.length,
      managed: true,
    };
    roles.push(botRole);
    const members = new Map<string, EmulatedMember>();
    members.set(this.bot.id, { userId: this.bot.id, roles: [botRole.id], nick: null, joinedAt });
    const memberInputs: readonly MemberInput[] = input.members ?? [...this.users.values()].filter((u) => u.id !== this.bot.id).map((user) => ({ user }));
    for (const m of memberInputs) {
      const user = this.user(m.user);
      const roleIds = (m.roles ?? []).map((r) => {
        const role = roles.find((x) => x.id === r || x.name === r);
        if (!role) throw new Error(`discord emulator: guild ${id} has no role "${r}"`);
        return role.id;
      });
      members.set(user.id, { userId: user.id, roles: roleIds, nick: m.nick ?? null, joinedAt });
    }
    const owner = input.owner !== undefined ? this.user(input.owner) : undefined;
    if (owner && !members.has(owner.id)) members.set(owner.id, { userId: owner.id, roles: [], nick: null, joinedAt });
    const ownerId = owner?.id ?? [...members.keys()].find((u) => u !== this.bot.id) ?? this.addUser({ username: 'guild-owner' }).id;
    if (!members.has(ownerId)) members.set(ownerId, { userId: ownerId, roles: [], nick: null, joinedAt });
    const guild = {
      id,
      name: input.name ?? 'Emulated Guild',
      ownerId,
      roles,
      members,
      channelIds: [] as string[],
      locale: input.locale ?? 'en-US',
      unavailable: input.unavailable ?? false,
      joinedAt,
    };
    this.guilds.set(id, guild);
    const channels: readonly ChannelInput[] = input.channels ?? [{ name: 'general' }];
    for (const [i, c] of channels.entries()) {
      const channel: EmulatedChannel = {
        id: c.id ?? snowflake(),
        type: channelType(c.type),
        name: c.name,
        guildId: id,
        recipientId: null,
        parentId: c.parentId ?? null,
        topic: c.topic ?? null,
        position: i,
        lastMessageId: null,
      };
      this.channels.set(channel.id, channel);
      guild.channelIds.push(channel.id);
    }
    return guild;
  }

  guild(id: string): EmulatedGuild | undefined {
    return this.guilds.get(id);
  }

  firstTextChannel(guildId: string): EmulatedChannel | undefined {
    const guild = this.guilds.get(guildId);
    return guild?.channelIds.map((c) => this.channels.get(c)!).find((c) => c.type === ChannelType.GuildText);
  }

  /** The user's DM channel with the bot (made on first use, like POST /users/@me/channels). */
  dmChannelOf(user: EmulatedUser): EmulatedChannel {
    const existing = this.dmChannels.get(user.id);
    if (existing) return this.channels.get(existing)!;
    const channel: EmulatedChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      recipientId: user.id,
      parentId: null,
      topic: null,
      position: 0,
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    this.dmChannels.set(user.id, channel.id);
    return channel;
  }

  /** Permissions of a member in a guild (@everyone + roles; the owner and Administrator get all). */
  permissionsOf(guildId: string, userId: string): bigint {
    const guild = this.guilds.get(guildId);
    if (!guild) return 0n;
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const member = guild.members.get(userId);
    let perms = guild.roles.find((r) => r.id === guild.id)?.permissions ?? 0n;
    for (const roleId of member?.roles ?? []) perms |= guild.roles.find((r) => r.id === roleId)?.permissions ?? 0n;
    return (perms & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
  }

  // ---- messages ------------------------------------------------------------------------------------------------

  addMessage(message: StoredMessage): StoredMessage {
    this.messages.set(message.id, message);
    this.messageLog.push(message);
    const channel = this.channels.get(message.channelId);
    if (channel && !message.ephemeral) channel.lastMessageId = message.id;
    return message;
  }

  // ---- API JSON ------------------------------------------------------------------------------------------------

  apiUser(user: EmulatedUser): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: user.bot ? '0000' : '0',
      global_name: user.globalName,
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
      public_flags: 0 as UserFlags,
      avatar_decoration_data: null,
      primary_guild: null,
      collectibles: null,
    };
  }

  apiRole(role: EmulatedRole): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(role.managed ? { tags: { bot_id: this.bot.id } } : {}),
    };
  }

  apiMember(_guildId: string, member: EmulatedMember): APIGuildMember & { user: APIUser } {
    return {
      user: this.apiUser(this.users.get(member.userId)!),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roles],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** The `member` of an interaction: the guild member plus their permissions. */
  apiInteractionMember(guildId: string, user: EmulatedUser): APIInteractionGuildMember {
    const guild = this.guilds.get(guildId)!;
    const member = guild.members.get(user.id) ?? { userId: user.id, roles: [], nick: null, joinedAt: guild.joinedAt };
    return { ...this.apiMember(guildId, member), permissions: this.permissionsOf(guildId, user.id).toString() };
  }

  apiChannel(channel: EmulatedChannel): APIChannel {
    if (channel.type === ChannelType.DM) {
      return {
        id: channel.id,
        type: ChannelType.DM,
        last_message_id: channel.lastMessageId,
        flags: 0,
        recipients: [this.apiUser(this.users.get(channel.recipientId!)!)],
        name: null,
      } as unknown as APIChannel;
    }
    return {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId!,
      name: channel.name ?? '',
      position: channel.position,
      permission_overwrites: [],
      parent_id: channel.parentId,
      nsfw: false,
      topic: channel.topic,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: 0,
      flags: 0,
    } as unknown as APIChannel;
  }

  apiGuildCreate(guild: EmulatedGuild): GatewayGuildCreateDispatchData {
    const channels = guild.channelIds.map((id) => this.apiChannel(this.channels.get(id)!));
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: guild.roles.map((r) => this.apiRole(r)),
      emojis: [],
      stickers: [],
      features: [] as GuildFeature[],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.locale as Locale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()].map((m) => this.apiMember(guild.id, m)),
      channels: channels as GatewayGuildCreateDispatchData['channels'],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** A message as the API shows it. `gateway` adds what MESSAGE_CREATE carries besides (guild_id, member). */
  apiMessage(message: StoredMessage, gateway = false): APIMessage & { guild_id?: string; member?: unknown } {
    const interaction = message.interactionId ? this.interactions.get(message.interactionId) : undefined;
    const mentionedUsers = message.pings.users.map((id) => this.apiUser(this.user(id)));
    const json: APIMessage & { guild_id?: string; member?: unknown } = {
      id: message.id,
      channel_id: message.channelId,
      author: this.apiUser(message.author),
      content: message.content,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
      tts: false,
      mention_everyone: message.pings.everyone,
      mentions: mentionedUsers,
      mention_roles: [...message.pings.roles],
      attachments: message.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        url: `https://cdn.discordapp.com/attachments/${message.channelId}/${a.id}/${a.filename}`,
        proxy_url: `https://media.discordapp.net/attachments/${message.channelId}/${a.id}/${a.filename}`,
        ...(a.contentType ? { content_type: a.contentType } : {}),
      })),
      embeds: message.embeds as APIMessage['embeds'],
      pinned: false,
      type: message.apiType,
      flags: message.flags,
      components: message.components as unknown as NonNullable<APIMessage['components']>,
      ...(message.nonce !== null ? { nonce: message.nonce } : {}),
      ...(message.webhookId ? { webhook_id: message.webhookId, application_id: this.applicationId } : {}),
      ...(message.replyTo
        ? { message_reference: { type: 0, message_id: message.replyTo, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) } }
        : {}),
    };
    if (interaction) {
      json.interaction_metadata = {
        id: interaction.id,
        type: interaction.type,
        user: this.apiUser(interaction.user),
        authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
        ...(interaction.originalMessageId && interaction.originalMessageId !== message.id ? { original_response_message_id: interaction.originalMessageId } : {}),
        ...(interaction.sourceMessageId ? { interacted_message_id: interaction.sourceMessageId } : {}),
      } as NonNullable<APIMessage['interaction_metadata']>;
      if (interaction.commandName) {
        json.interaction = { id: interaction.id, type: interaction.type, name: interaction.commandName, user: this.apiUser(interaction.user) } as NonNullable<APIMessage['interaction']>;
      }
    }
    if (gateway && message.guildId) {
      json.guild_id = message.guildId;
      const guild = this.guilds.get(message.guildId);
      const member = guild?.members.get(message.author.id);
      if (member && !message.webhookId) {
        const { user: _user, ...rest } = this.apiMember(message.guildId, member);
        json.member = rest;
      }
    }
    return json;
  }
}

function channelType(type: ChannelInput['type']): ChannelType {
  switch (type) {
    case undefined:
    case 'text':
      return ChannelType.GuildText;
    case 'voice':
      return ChannelType.GuildVoice;
    case 'category':
      return ChannelType.GuildCategory;
    case 'announcement':
      return ChannelType.GuildAnnouncement;
    case 'forum':
      return ChannelType.GuildForum;
    default:
      return type;
  }
}

/** Who a message pings: Discord's allowed_mentions rules (absent = parse everything in the content). */
export function resolvePings(
  content: string,
  allowedMentions: unknown,
  context: { inGuild: boolean; canMentionEveryone: boolean; repliedUserId: string | null },
): { everyone: boolean; users: string[]; roles: string[] } {
  const am = (allowedMentions ?? null) as { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | null;
  const parse = am ? (am.parse ?? []) : ['users', 'roles', 'everyone'];
  const userIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1]!);
  const roleIds = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1]!);
  const users = new Set(userIds.filter((id) => parse.includes('users') || (am?.users ?? []).includes(id)));
  if (context.repliedUserId && (am ? am.replied_user === true : true)) users.add(context.repliedUserId);
  const roles = context.inGuild ? roleIds.filter((id) => parse.includes('roles') || (am?.roles ?? []).includes(id)) : [];
  const everyone = context.inGuild && context.canMentionEveryone && parse.includes('everyone') && /@(everyone|here)/.test(content);
  return { everyone, users: [...new Set(users)], roles: [...new Set(roles)] };
}

/** Every component in a message, nested ones included (action rows, sections, containers, labels). */
export function flattenComponents(components: readonly unknown[]): ApiComponent[] {
  const out: ApiComponent[] = [];
  const walk = (c: unknown): void => {
    if (!c || typeof c !== 'object') return;
    const comp = c as ApiComponent;
    out.push(comp);
    if (Array.isArray(comp.components)) for (const child of comp.components) walk(child);
    if (comp.accessory) walk(comp.accessory);
    if (comp.component) walk(comp.component);
  };
  for (const c of components) walk(c);
  return out;
}

export const EPHEMERAL = MessageFlags.Ephemeral as number;
export const LOADING = MessageFlags.Loading as number;
export const COMPONENTS_V2 = MessageFlags.IsComponentsV2 as number;
