import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIModalInteractionResponseCallbackData,
  ChannelType,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';

/* Public types of the local Discord emulator (see ./emulator.ts). */

/** A person (or the bot) as the emulator knows them. */
export interface EmulatedUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
  /** Sent as the interaction's `locale`. */
  readonly locale: string;
}

export interface UserInput {
  readonly id?: string;
  readonly username: string;
  readonly globalName?: string | null;
  readonly bot?: boolean;
  readonly locale?: string;
}

/** A user, by object, id or username. */
export type UserRef = EmulatedUser | UserInput | string;

/** A permission set: a bigint, its decimal string, or permission flag names (`'SendMessages'`, …). */
export type PermissionsInput = bigint | string | readonly string[];

export interface ChannelInput {
  readonly id?: string;
  readonly name: string;
  /** Default: a text channel. */
  readonly type?: 'text' | 'voice' | 'category' | 'announcement' | 'forum' | ChannelType;
  readonly parentId?: string;
  readonly topic?: string | null;
}

export interface RoleInput {
  readonly id?: string;
  readonly name: string;
  readonly permissions?: PermissionsInput;
}

export interface MemberInput {
  readonly user: UserRef;
  /** Role ids or names (besides @everyone, which every member has). */
  readonly roles?: readonly string[];
  readonly nick?: string | null;
}

export interface GuildInput {
  readonly id?: string;
  readonly name?: string;
  /** The owner (user ref). Default: the first member. The owner has every permission. */
  readonly owner?: UserRef;
  /** Default: one text channel, #general. */
  readonly channels?: readonly ChannelInput[];
  /** Extra roles. @everyone is always there (its id is the guild id). */
  readonly roles?: readonly RoleInput[];
  /** @everyone's permissions. Default: Discord's usual member set (view, send, history, embeds, files, reactions, slash commands…). */
  readonly everyonePermissions?: PermissionsInput;
  /** The bot's own role permissions in this guild (its app_permissions). Default: view, send, embeds, files, history, reactions. */
  readonly botPermissions?: PermissionsInput;
  /** Default: every configured user. The bot is always a member. */
  readonly members?: readonly MemberInput[];
  readonly locale?: string;
  /** Listed in READY as unavailable and never sent by GUILD_CREATE (an outage). */
  readonly unavailable?: boolean;
}

export interface DiscordEmulatorOptions {
  /** Default: a fresh snowflake. The bot user's id is the same unless `bot.id` says otherwise (as on Discord today). */
  readonly applicationId?: string;
  readonly bot?: { readonly id?: string; readonly username?: string };
  /** The bot token REST calls and IDENTIFY must use. Default: a random one (read it from `emulator.token`). */
  readonly token?: string;
  /** READY's `application.flags`. Default 0. */
  readonly applicationFlags?: number;
  /** Known people. Default: none (users referenced elsewhere are created on first use). */
  readonly users?: readonly UserInput[];
  /** Default: one guild, "Emulated Guild", with #general and every configured user as a member. Pass [] for none. */
  readonly guilds?: readonly GuildInput[];
  /** HELLO's heartbeat_interval. Default 41 250 ms, as on Discord. */
  readonly heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction may be acknowledged (callback). Default 3000 ms; later → 404 10062. */
  readonly interactionResponseWindowMs?: number;
  /** How long an interaction token works for webhooks (edits, follow-ups). Default 15 min; later → 401 50027. */
  readonly interactionTokenLifetimeMs?: number;
  /** Only registered commands can be used (slashCommand throws otherwise). Default false. */
  readonly strictCommands?: boolean;
  /** Dispatch MESSAGE_CREATE/UPDATE/DELETE for the bot's own non-ephemeral messages, as Discord does. Default true. */
  readonly echoBotMessages?: boolean;
  /** Debug lines (REST calls, gateway traffic). */
  readonly log?: (line: string) => void;
}

export interface EmulatedChannel {
  readonly id: string;
  readonly type: ChannelType;
  readonly name: string | null;
  readonly guildId: string | null;
  /** For a DM: the person (the bot is the other end). */
  readonly recipientId: string | null;
  readonly parentId: string | null;
  readonly topic: string | null;
  readonly position: number;
  lastMessageId: string | null;
}

export interface EmulatedRole {
  readonly id: string;
  readonly name: string;
  readonly permissions: bigint;
  readonly position: number;
  /** The bot's own integration role. */
  readonly managed: boolean;
}

export interface EmulatedMember {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly nick: string | null;
  readonly joinedAt: string;
}

export interface EmulatedGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly roles: readonly EmulatedRole[];
  readonly members: ReadonlyMap<string, EmulatedMember>;
  readonly channelIds: readonly string[];
  readonly locale: string;
  readonly unavailable: boolean;
  readonly joinedAt: string;
}

/** An API component as JSON (action row, button, select, text display, …). */
export type ApiComponent = { readonly type: number } & Record<string, unknown>;

export interface EmulatedAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string | null;
  readonly size: number;
}

export interface MessageVersion {
  readonly content: string;
  readonly components: readonly ApiComponent[];
  readonly embeds: readonly unknown[];
  readonly flags: number;
  readonly at: number;
}

export interface EmulatedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly author: EmulatedUser;
  /**
   * How it came to be: `user` (a dispatch helper: a person wrote it), `channel` (POST /channels/{id}/messages),
   * `interaction` (interaction callback 4 or 5), `follow-up` (POST /webhooks/{app}/{token}).
   */
  readonly via: 'user' | 'channel' | 'interaction' | 'follow-up';
  content: string;
  components: ApiComponent[];
  embeds: unknown[];
  attachments: EmulatedAttachment[];
  /** Message flags as Discord would store them (64 ephemeral, 128 loading, 32768 components v2, …). */
  flags: number;
  readonly ephemeral: boolean;
  /** For an ephemeral message: the only person who can see it. */
  readonly visibleTo: string | null;
  /** A deferred reply's "thinking…" state, until its first edit (or the first follow-up) fills it. */
  loading: boolean;
  /** The interaction whose response or follow-up this is. */
  readonly interactionId: string | null;
  /** message_reference.message_id, for replies. */
  readonly replyTo: string | null;
  /** allowed_mentions exactly as the bot sent it (null when not sent). */
  allowedMentions: unknown;
  /** Who this message actually pings, given content and allowed_mentions (Discord's rules). */
  pings: { everyone: boolean; users: string[]; roles: string[] };
  readonly createdAt: number;
  editedAt: number | null;
  /** Earlier versions, oldest first (one per edit). */
  readonly history: MessageVersion[];
  deleted: boolean;
}

export interface InteractionCallbackRecord {
  readonly type: InteractionResponseType;
  readonly data: unknown;
  readonly at: number;
  /** The HTTP status the emulator answered. Only an accepted (2xx) callback acknowledges. */
  readonly status: number;
}

export interface EmulatedInteraction {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly user: EmulatedUser;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly createdAt: number;
  readonly commandName: string | null;
  readonly customId: string | null;
  readonly values: readonly string[] | null;
  /** The message a component (or a modal opened from one) sits on. */
  readonly sourceMessageId: string | null;
  /** The interaction whose modal this submission answers. */
  readonly modalOf: string | null;
  /** Every callback attempt, in order. */
  readonly callbacks: InteractionCallbackRecord[];
  /** The accepted callback's type, once acknowledged. */
  ackType: InteractionResponseType | null;
  ackAt: number | null;
  /** What `@original` names: the reply (4, 5) or, after 6 / 7, the component's message. */
  originalMessageId: string | null;
  readonly followUpIds: string[];
  /** The modal shown in answer (callback 9), if any. */
  modal: APIModalInteractionResponseCallbackData | null;
  /** False once the modal was submitted. */
  modalOpen: boolean;
  /** The INTERACTION_CREATE payload as dispatched. */
  readonly payload: APIInteraction;
}

export interface RecordedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
}

export interface RecordedCall {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  /** The path after /api/v10, e.g. `/channels/123/messages`. */
  readonly path: string;
  /** The route pattern, e.g. `/channels/:channelId/messages`, or `(unknown)`. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body, or a multipart request's payload_json. */
  readonly body: any;
  readonly files: readonly RecordedFile[];
  /** Request headers, lower-cased, without `authorization`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether `Authorization: Bot <the right token>` came along ('invalid' = some other token). */
  readonly auth: 'bot' | 'none' | 'invalid';
  readonly status: number;
  readonly response: unknown;
  /** Answered by an injected fault (failNext). */
  readonly injected: boolean;
}

/** What a fault matcher sees. */
export interface CallInfo {
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: any;
}

/**
 * Which calls a fault applies to: `'POST /channels/:channelId/messages'` (a route pattern as in RecordedCall.route),
 * `'POST /channels/123/messages'` (a path), `'* /users/@me/channels'` (any method), a RegExp tested against
 * `'METHOD /path'`, or a predicate.
 */
export type CallMatcher = string | RegExp | ((call: CallInfo) => boolean);

export interface FaultSpec {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many matching calls fail. Default 1. */
  readonly times?: number;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

export interface FaultHandle {
  /** Matching calls still to fail. */
  readonly remaining: number;
  cancel(): void;
}

export interface SlashCommandInput {
  readonly user: UserRef;
  readonly name: string;
  /** Default: the channel's guild; with neither, the user's DM with the bot. */
  readonly guildId?: string;
  /** Default: the guild's first text channel, or the DM. */
  readonly channelId?: string;
  /** `{ choice: 'x', count: 3 }` (types inferred: string 3, integer 4, number 10, boolean 5) or API options. */
  readonly options?: Readonly<Record<string, string | number | boolean>> | readonly APIApplicationCommandInteractionDataOption[];
  /** Wrap the options in this subcommand. */
  readonly subcommand?: string;
  readonly locale?: string;
}

export interface PressButtonInput {
  readonly user: UserRef;
  readonly message: EmulatedMessage | string;
  /** The button's custom_id, or… */
  readonly customId?: string;
  /** …its label. */
  readonly label?: string;
}

export interface SelectMenuInput {
  readonly user: UserRef;
  readonly message: EmulatedMessage | string;
  /** Default: the message's only select menu. */
  readonly customId?: string;
  /** Option values, or (string selects) option labels. */
  readonly values: readonly string[];
}

export interface SubmitModalInput {
  /** Default: the person the modal was shown to. */
  readonly user?: UserRef;
  /** Default: the most recently shown open modal (of `user`, if given). */
  readonly customId?: string;
  /** The interaction the modal was shown in answer to. */
  readonly interaction?: EmulatedInteraction | string;
  /** Field custom_id → value (text inputs) or values (selects). */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

export interface UserMessageInput {
  readonly user: UserRef;
  readonly content: string;
  readonly attachments?: readonly { readonly filename: string; readonly size?: number; readonly contentType?: string }[];
}

export interface GuildMessageInput extends UserMessageInput {
  /** Default: the first text channel of `guildId` (or of the first guild). */
  readonly channelId?: string;
  readonly guildId?: string;
}

export type { APIApplicationCommand };
