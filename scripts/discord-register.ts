/**
 * `npm run discord:register`: registers Tether's slash commands, in one server when DISCORD_GUILD_ID is set (instant,
 * for testing) or globally (may take up to an hour to appear).
 */
import { REST, Routes } from 'discord.js';
import { slashCommands } from '../src/adapters/discord/commands.js';
import { ConfigError, loadConfig } from '../src/config/load.js';
import { builtInRegistry } from '../src/features/registry.js';

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    console.error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see the README).');
    process.exit(1);
  }
  const rest = new REST({ api: config.DISCORD_API_ROOT }).setToken(config.DISCORD_TOKEN);
  const commands = slashCommands(builtInRegistry());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const saved = (await rest.put(route, { body: commands })) as unknown[];
  console.log(`registered ${saved.length} commands ${config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally'}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `registration failed: ${(error as Error).message}`);
  process.exit(1);
}
