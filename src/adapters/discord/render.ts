import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { OutboundMessage, PromptInput, RichText } from '../../core/messages.js';
import { encodeCustomId } from './custom-id.js';

/** A message as Discord takes it: markdown content (anything typed by a person escaped) and components. */
export interface DiscordMessage {
  readonly content: string;
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Where a free-text step is answered: the next DM message, or (ephemeral in a server) a modal. */
export type TextMode = 'message' | 'modal';

export function richTextToMarkdown(text: RichText): string {
  return text
    .map((span) => {
      // A mention shows the name without pinging anyone (every message sets allowed_mentions to none).
      if (span.mention) return span.mention.kind === 'user' ? `<@${span.mention.id}>` : `<#${span.mention.id.replace(/^ch:/, '')}>`;
      const t = escapeMarkdown(span.text);
      if (span.bold) return `**${t}**`;
      if (span.italic) return `*${t}*`;
      return t;
    })
    .join('');
}

export function renderForDiscord(message: OutboundMessage, textMode: TextMode): DiscordMessage {
  const content = richTextToMarkdown(message.text) + (message.input ? hint(message.input, textMode) : '');
  const components = message.input
    ? componentsFor(message.input, textMode)
    : message.invite
      ? [row(new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'group-checkin', occasion: message.invite.occasion })).setLabel(message.invite.label).setStyle(ButtonStyle.Primary))]
      : [];
  return { content: content.slice(0, 2000), components };
}

function hint(input: PromptInput, textMode: TextMode): string {
  switch (input.kind) {
    case 'scale':
      return `\n*${input.min} = ${escapeMarkdown(input.minLabel)} … ${input.max} = ${escapeMarkdown(input.maxLabel)}*`;
    case 'number':
      return textMode === 'message' ? `\n*Type a number from ${input.min} to ${input.max}.*` : '';
    default:
      return '';
  }
}

const row = (...components: (ButtonBuilder | StringSelectMenuBuilder)[]) =>
  new ActionRowBuilder<ButtonBuilder | StringSelectMenuBuilder>().addComponents(...components).toJSON() as APIActionRowComponent<APIComponentInMessageActionRow>;

function button(input: PromptInput, label: string, value: string, style = ButtonStyle.Secondary): ButtonBuilder {
  return new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'choice', token: input.token, value })).setLabel(label.slice(0, 80)).setStyle(style);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function componentsFor(input: PromptInput, textMode: TextMode): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  switch (input.kind) {
    case 'choice': {
      if (input.options.length <= 5) return [row(...input.options.map((o) => button(input, o.label, o.id, ButtonStyle.Primary)))];
      const menu = new StringSelectMenuBuilder()
        .setCustomId(encodeCustomId({ kind: 'choice', token: input.token, value: 'menu' }))
        .setPlaceholder('Choose one')
        .addOptions(input.options.slice(0, 25).map((o) => ({ label: o.label.slice(0, 100), value: o.id })));
      return [row(menu)];
    }
    case 'scale': {
      const values = Array.from({ length: input.max - input.min + 1 }, (_, i) => input.min + i);
      const size = values.length <= 5 ? 5 : Math.ceil(values.length / Math.ceil(values.length / 5));
      return chunk(values, size).map((vs) => row(...vs.map((v) => button(input, String(v), String(v)))));
    }
    case 'number':
    case 'text': {
      const buttons: ButtonBuilder[] = [];
      if (textMode === 'modal') {
        buttons.push(new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'open-text', token: input.token })).setLabel('Type my answer').setStyle(ButtonStyle.Primary));
      }
      if (input.skip) buttons.push(button(input, input.skip, 'skip'));
      return buttons.length ? [row(...buttons)] : [];
    }
  }
}
