import { compileTemplate, paragraphs, plain, renderTemplate } from '../engine/rich-text.js';
import type { OutboundMessage, RichText } from '../core/messages.js';

/*
 * What Tether posts in a community's channel: the group check-in invitation and, later, its anonymous summary.
 * Neither ever names a person or carries anything anyone answered; the summary only counts.
 */

const md = (source: string): RichText => renderTemplate(compileTemplate(source), () => '');

export function invitationPost(invitation: string | null, occasion: string): OutboundMessage {
  const opening = invitation ? plain(invitation) : md("*Today's group check-in.* How are you doing, really?");
  return {
    text: paragraphs(opening, md('Answer privately with the button below: only you see your answers. Later I post how the group is doing overall, never who said what.')),
    invite: { occasion, label: 'Check in privately' },
  };
}

const moodLabels = ['very low', 'low', 'okay', 'good', 'very good'];

/** `moods[i]` = how many answered mood i + 1. */
export function summaryPost(summary: { count: number; moods: readonly number[] }): OutboundMessage {
  const max = Math.max(1, ...summary.moods);
  const bars = summary.moods
    .map((n, i) => `${moodLabels[i]!.padEnd(10)} ${'█'.repeat(Math.round((n / max) * 10)).padEnd(10, '·')} ${n}`)
    .join('\n');
  const moodAsked = summary.moods.some((n) => n > 0);
  return {
    text: paragraphs(
      md(`*Group check-in:* ${summary.count} people checked in. Thank you for showing up for yourselves and each other.`),
      ...(moodAsked ? [plain(`How the mood was:\n${bars}`)] : []),
      md('If today is heavy, /breathe or /sos are here any time, and so is this group.'),
    ),
  };
}
