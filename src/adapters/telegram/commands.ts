import type { BotCommand } from 'grammy/types';
import type { FlowRegistry } from '../../engine/flow.js';

/** The command menus Telegram shows: everything in private chats; in groups, what points to the private chat. */
export function commandMenus(registry: FlowRegistry): { private: BotCommand[]; groups: BotCommand[] } {
  const flows = [...registry.byCommand.values()].map((f) => ({ command: f.command!, description: clip(f.summary) }));
  const common = [
    { command: 'help', description: 'what Tether can do' },
    { command: 'cancel', description: 'stop what we are doing, any time' },
    { command: 'start', description: 'what Tether is, and is not' },
  ];
  // A group's menu keeps to what people reach for together (and moderators' /setup); personal settings and data
  // requests belong in the private chat's menu.
  const personal = new Set(['mydata', 'forget', 'schedule', 'pause', 'resume', 'plan', 'slip', 'history', 'trends', 'supporters', 'reachout', 'event', 'link', 'unlink', 'milestones', 'support']);
  const forGroups = flows.filter((c) => !personal.has(c.command));
  return { private: [...flows, ...common], groups: [...forGroups, common[0]!] };
}

function clip(text: string): string {
  return text.length <= 256 ? text : `${text.slice(0, 255)}…`;
}
