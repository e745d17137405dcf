import { InteractionContextType, SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { FlowRegistry } from '../../engine/flow.js';

/**
 * The slash commands: one per flow with a command, plus help and cancel. A flow whose first question is a choice
 * gets that choice as an optional option (`/breathe rhythm:Slow breathing`), the same way `/breathe paced` works.
 */
export function slashCommands(registry: FlowRegistry): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const commands = [...registry.byCommand.values()].map((flow) => {
    const builder = new SlashCommandBuilder().setName(flow.command!).setDescription(clip(flow.summary));
    // In servers only. Not hidden by default permissions: a configured moderator role may lack Manage Server, so
    // rights are checked when it runs.
    if (flow.moderators) builder.setContexts(InteractionContextType.Guild);
    const first = flow.steps[0];
    if (first?.kind === 'choice' && first.options.length <= 25) {
      builder.addStringOption((o) =>
        o
          .setName('choice')
          .setDescription(clip(plainPrompt(first.sayParts[0]?.template)))
          .setRequired(false)
          .addChoices(...first.options.map((opt) => ({ name: opt.label.slice(0, 100), value: opt.id }))),
      );
    }
    return builder.toJSON();
  });
  commands.push(new SlashCommandBuilder().setName('help').setDescription('What Tether can do').toJSON());
  commands.push(new SlashCommandBuilder().setName('cancel').setDescription('Stop what we are doing, any time').toJSON());
  commands.push(new SlashCommandBuilder().setName('about').setDescription('What Tether is, and is not').toJSON());
  return commands;
}

/** Discord's /about is the engine's /start (the welcome). */
export function engineCommandName(discordName: string): string {
  return discordName === 'about' ? 'start' : discordName;
}

function plainPrompt(template: readonly ({ span: { text: string } } | { ref: string })[] | undefined): string {
  return (template ?? []).map((p) => ('span' in p ? p.span.text : '')).join('') || 'Choose';
}

function clip(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}
