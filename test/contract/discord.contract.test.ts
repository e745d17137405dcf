import { startDiscordRig } from '../adapters/discord/discord-harness.js';
import { buttonsOf, componentsOf, type EmulatedMessage, type EmulatedUser } from '../emulators/discord/emulator.js';
import { createTestEnvironment } from '../helpers/environment.js';
import { adapterContract, multipartFile, registerUserId, type ContractDriver } from './contract.js';

/**
 * Discord as the contract sees it: a person's DM with the bot. Commands are slash commands, options are buttons
 * or select menus, typed answers are DM messages.
 */
adapterContract('discord', { buttons: true }, async (): Promise<ContractDriver> => {
  const env = await createTestEnvironment();
  const rig = await startDiscordRig(env.config);
  const users = new Map<string, EmulatedUser>();
  let next = 1n;
  const sentVersions = new Map<string, EmulatedMessage>();

  const userFor = (name: string): EmulatedUser => {
    let u = users.get(name);
    if (!u) {
      u = { id: String(1_800_000_000_000_000_000n + next++), username: name };
      users.set(name, u);
      registerUserId(driver, name, u.id);
    }
    return u;
  };
  const dmOf = (u: EmulatedUser) => rig.emulator.dmChannelOf(u);
  const latestWith = (u: EmulatedUser, label: string) =>
    [...rig.emulator.visibleTo(u, dmOf(u))].reverse().find((m) => hasOption(m, label));

  const driver: ContractDriver = {
    platform: 'discord',
    db: rig.tether.db,
    store: rig.tether.store,
    async say(user, text) {
      const u = userFor(user);
      const m = /^\/(\w+)(?:\s+(.*))?$/.exec(text);
      if (m) rig.emulator.slashCommand(u, m[1]!, { dm: true, ...(m[2] ? { choice: m[2] } : {}) });
      else rig.emulator.dm(u, text);
    },
    async choose(user, label) {
      const u = userFor(user);
      const message = latestWith(u, label);
      if (!message) throw new Error(`no option "${label}" for ${user}`);
      // Keep the message as it was when it could be pressed, for the stale-press case.
      sentVersions.set(message.id, { ...message, components: message.components });
      if (buttonsOf(message).some((b) => b.label === label)) rig.emulator.pressButton(u, message, label);
      else rig.emulator.selectOption(u, message, label);
    },
    async chooseStale(user, questionText, label) {
      const u = userFor(user);
      const message = [...sentVersions.values()].find((m) => m.channelId === dmOf(u) && m.content.includes(questionText));
      if (!message) throw new Error(`no earlier question "${questionText}" for ${user}`);
      rig.emulator.pressButton(u, message, label);
    },
    async files(user) {
      const u = userFor(user);
      return rig.emulator.calls
        .filter((c) => c.method === 'POST' && c.path === `/channels/${dmOf(u)}/messages` && c.raw.includes('filename='))
        .map((c) => multipartFile(c.raw));
    },
    async transcript(user) {
      const u = userFor(user);
      return rig.emulator.visibleTo(u, dmOf(u)).map((m) => m.content.replace(/\*\*|\\/g, ''));
    },
    async close() {
      await rig.stop();
      await env.cleanup();
    },
  };
  return driver;
});

function hasOption(message: EmulatedMessage, label: string): boolean {
  return componentsOf(message).some(
    (c) => (c.type === 2 && c.label === label) || (c.type === 3 && (c.options as { label: string }[]).some((o) => o.label === label)),
  );
}
