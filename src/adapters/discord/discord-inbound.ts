import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type Message,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { copy } from '../../engine/copy.js';
import type { InboundEvent } from '../../core/messages.js';
import type { Logger } from '../../runtime/logger.js';
import type { ConversationRuntime } from '../../runtime/runtime.js';
import type { DispatchOptions } from '../../runtime/dispatch.js';
import type { ConversationKey } from '../../core/address.js';
import { textToEvent } from '../shared/inbound-text.js';
import { engineCommandName } from './commands.js';
import { decodeCustomId, encodeCustomId } from './custom-id.js';
import { DISCORD, channelChat, dmChat, ephemeralChat, type DiscordSink } from './discord-sink.js';
import { isModerator } from './moderators.js';
import { communityKey } from '../../core/address.js';
import { GROUP_CHECKIN_COMMAND } from '../../community/group-flow.js';
import { groupMember } from '../../runtime/group-member.js';
import { richTextToMarkdown } from './render.js';

const noMentions = { parse: [] as [] };

/**
 * Inbound: interactions and DM messages → the engine's events. Every interaction is acknowledged at once (deferred)
 * so Discord's 3-second window is met whatever the database is doing. In a server, a flow moves to the person's DMs;
 * if their DMs are closed it runs in ephemeral replies that only they can see. Nothing anyone answers is visible
 * to others.
 */
export function attachDiscordInbound(client: Client, runtime: ConversationRuntime, sink: DiscordSink, log: Logger): void {
  const key = (chatId: string, userId: string): ConversationKey => ({ platform: DISCORD, chatId, userId });
  const fail = (what: string) => (error: unknown) =>
    log.error({ err: error instanceof Error ? error.message : String(error), what }, 'discord: handling failed');

  client.on('interactionCreate', (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) void onCommand(interaction).catch(fail('command'));
    else if (interaction.isButton() || interaction.isStringSelectMenu()) void onComponent(interaction).catch(fail('component'));
    else if (interaction.isModalSubmit()) void onModal(interaction).catch(fail('modal'));
  });

  client.on('messageCreate', (message: Message) => {
    if (message.author.bot || message.guildId !== null || !message.content) return;
    void runtime
      .dispatch({ key: key(dmChat(message.channelId), message.author.id) }, textToEvent(message.content), { dedupKey: `${DISCORD}:m:${message.id}` })
      .catch(fail('dm message'));
  });

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const event: InboundEvent = {
      type: 'command',
      name: engineCommandName(interaction.commandName),
      args: interaction.options.getString('choice') ?? '',
    };
    const dedup = { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } };
    const flow = runtime.registry.byCommand.get(event.name);
    if (flow?.moderators) return openSettings(interaction, event.name);
    if (interaction.inGuild() && event.name === 'sos') return sosInChannel(interaction, interaction.guildId);
    if (interaction.inGuild() && event.name === 'breathe' && (await groupBreathingAllowed(interaction.guildId))) {
      // One shared exercise in the channel, one message that changes; the rhythm is chosen in the command or is the slow one.
      await interaction.deferReply();
      const chat = channelChat(interaction.channelId);
      await sink.bindInteraction(chat, interaction.token, { placeholder: true, ephemeral: false });
      const rhythm = event.args === 'box' ? 'box' : 'paced';
      await answered(interaction, runtime.dispatch({ key: key(chat, groupMember(interaction.channelId)) }, { type: 'command', name: 'breathe', args: rhythm }, dedup));
      return;
    }
    // Started in a server: the flow acts in that community's scope (its moderators can be alerted in a crisis).
    const scoped: InboundEvent = interaction.inGuild()
      ? { ...event, scope: await runtime.scopeFor(communityKey(DISCORD, interaction.guildId), { channel: channelChat(interaction.channelId) }) }
      : event;
    await runPrivately(interaction, scoped, dedup);
  }

  /**
   * /sos in a server channel: answered in the channel, where it was asked, briefly and with nothing about anyone
   * (the emergency number and an international line), with a button that opens the rest privately.
   */
  async function sosInChannel(interaction: ChatInputCommandInteraction, guildId: string): Promise<void> {
    await interaction.deferReply();
    const help = await runtime.groupCrisisHelp(communityKey(DISCORD, guildId), interaction.locale);
    const button = new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'private-command', command: 'sos' })).setLabel(help.button).setStyle(ButtonStyle.Primary);
    await interaction.editReply({
      content: richTextToMarkdown(help.text),
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
      allowedMentions: noMentions,
    });
  }

  async function groupBreathingAllowed(guildId: string): Promise<boolean> {
    const settings = await runtime.communitySettings(communityKey(DISCORD, guildId));
    return Boolean(settings?.groupBreathing && settings.exercises.includes('breathe'));
  }

  /** /setup: for people who can manage the server, or hold the community's moderator role; privately, with modals for text. */
  async function openSettings(interaction: ChatInputCommandInteraction, name: string): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (!interaction.inGuild()) {
      await interaction.editReply({ content: richTextToMarkdown(copy.setupInGroupOnly), allowedMentions: noMentions });
      return;
    }
    const community = communityKey(DISCORD, interaction.guildId);
    const settings = await runtime.communitySettings(community);
    const roles = interaction.member.roles;
    const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
    const canManageServer = Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
    if (!isModerator({ canManageServer, roleIds }, settings?.moderatorRoleId)) {
      await interaction.editReply({ content: richTextToMarkdown(copy.notModerator), allowedMentions: noMentions });
      return;
    }
    const chat = ephemeralChat(interaction.guildId, interaction.user.id);
    await sink.bindInteraction(chat, interaction.token, { placeholder: true, ephemeral: true });
    const scope = { community, moderator: true, channel: channelChat(interaction.channelId) };
    await answered(
      interaction,
      runtime.dispatch({ key: key(chat, interaction.user.id) }, { type: 'command', name, scope }, { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } }),
    );
  }

  /** Waits for the event's handling, then takes down its "thinking…" reply if no message replaced it. */
  async function answered(interaction: { token: string }, handling: Promise<unknown>): Promise<void> {
    try {
      await handling;
    } finally {
      await sink.releasePlaceholder(interaction.token);
    }
  }

  /** A flow for one person: in DMs, or (in a server, DMs closed) in replies only they see. */
  async function runPrivately(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    event: InboundEvent,
    dedup: DispatchOptions,
  ): Promise<void> {
    if (!interaction.inGuild()) {
      await interaction.deferReply();
      await sink.bindInteraction(dmChat(interaction.channelId), interaction.token, { placeholder: true, ephemeral: false });
      await answered(interaction, runtime.dispatch({ key: key(dmChat(interaction.channelId), interaction.user.id) }, event, dedup));
      return;
    }
    // In a server: only the person ever sees what follows.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const dm = await openDm(interaction.user.id, interaction.guild?.name ?? 'the server');
    if (dm) {
      await interaction.editReply({ content: richTextToMarkdown(copy.movedToDm), allowedMentions: noMentions });
      await runtime.dispatch({ key: key(dmChat(dm), interaction.user.id) }, event, dedup);
      return;
    }
    await interaction.editReply({ content: richTextToMarkdown(copy.dmClosedFallback), allowedMentions: noMentions });
    const chat = ephemeralChat(interaction.guildId, interaction.user.id);
    await sink.bindInteraction(chat, interaction.token, { placeholder: false, ephemeral: true });
    await runtime.dispatch({ key: key(chat, interaction.user.id) }, event, dedup);
  }

  /** Opens the DM and says hello there; undefined when the person's DMs are closed. */
  async function openDm(userId: string, guildName: string): Promise<string | undefined> {
    try {
      const channel = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
      await client.rest.post(Routes.channelMessages(channel.id), {
        body: { content: richTextToMarkdown(copy.dmHello(guildName)), allowed_mentions: noMentions },
      });
      return channel.id;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return undefined;
      throw error;
    }
  }

  function chatOf(interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction): string {
    return interaction.inGuild() ? ephemeralChat(interaction.guildId, interaction.user.id) : dmChat(interaction.channelId!);
  }

  async function onComponent(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
    const id = decodeCustomId(interaction.customId);
    if (!id) return;
    if (id.kind === 'open-text') {
      const modal = new ModalBuilder()
        .setCustomId(encodeCustomId({ kind: 'text-modal', token: id.token }))
        .setTitle('Your answer')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('answer').setLabel('Your answer').setStyle(TextInputStyle.Paragraph).setMaxLength(1000).setRequired(true),
          ),
        );
      await interaction.showModal(modal);
      return;
    }
    if (id.kind === 'group-checkin') {
      if (!interaction.inGuild() || !interaction.isButton()) return;
      const scope = await runtime.scopeFor(communityKey(DISCORD, interaction.guildId), { occasion: id.occasion, channel: channelChat(interaction.channelId) });
      await runPrivately(interaction, { type: 'command', name: GROUP_CHECKIN_COMMAND, scope }, { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } });
      return;
    }
    if (id.kind === 'private-command') {
      if (!interaction.inGuild() || !interaction.isButton()) return;
      const scope = await runtime.scopeFor(communityKey(DISCORD, interaction.guildId), { channel: channelChat(interaction.channelId) });
      await runPrivately(interaction, { type: 'command', name: id.command, scope }, { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } });
      return;
    }
    if (id.kind !== 'choice') return;
    await interaction.deferUpdate();
    const chat = chatOf(interaction);
    await sink.bindInteraction(chat, interaction.token, { placeholder: false, ephemeral: interaction.inGuild() });
    const value = interaction.isStringSelectMenu() ? (interaction.values[0] ?? '') : id.value;
    const outcome = await runtime.dispatch({ key: key(chat, interaction.user.id) }, { type: 'choice', token: id.token, value }, { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } });
    if (outcome.kind === 'handled' && !outcome.transition.answered) {
      // A stale press: that message's buttons go; the engine's gentle note has been sent.
      await sink.closeComponents(chat, interaction.inGuild() ? { token: interaction.token } : { channelId: interaction.channelId, messageId: interaction.message.id });
    }
  }

  async function onModal(interaction: ModalSubmitInteraction): Promise<void> {
    const id = decodeCustomId(interaction.customId);
    if (!id || id.kind !== 'text-modal') return;
    if (interaction.isFromMessage()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const chat = chatOf(interaction);
    await sink.bindInteraction(chat, interaction.token, { placeholder: !interaction.isFromMessage(), ephemeral: interaction.inGuild() });
    const text = interaction.fields.getTextInputValue('answer');
    await answered(interaction, runtime.dispatch({ key: key(chat, interaction.user.id) }, { type: 'text', text }, { dedupKey: `${DISCORD}:i:${interaction.id}`, locale: interaction.locale, reply: { token: interaction.token } }));
  }
}
