import type { CheckInSummary, RecoveryPlan } from '../store/conversation-store.js';
import { paragraphs, plain } from '../engine/rich-text.js';
import type { RichText } from '../core/messages.js';

/*
 * What a person reads of their own data: their last check-ins in short form and their plan. Their own words are
 * shown as plain text, never read as markup.
 */

const moodWords = ['really low', 'low', 'okay', 'good', 'really good'];

/** The last check-ins, at the person's own local times when they chose a time zone (/schedule), else in UTC, said so. */
export function historyText(checkIns: readonly CheckInSummary[], timeZone?: string): RichText {
  if (checkIns.length === 0) return plain('No check-ins yet. /checkin is a good place to start.');
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone ?? 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const lines = checkIns.map((c) => {
    const sleep = c.sleepHours === null ? '' : `, slept ${c.sleepHours} h`;
    return `• ${day.format(c.at)}: mood ${moodWords[c.mood - 1] ?? c.mood}, craving ${c.craving}/10, stress ${c.stress}/5${sleep}; ${c.emotion}, needing ${c.need === 'heard' ? 'to be heard' : c.need}`;
  });
  const zone = timeZone ? [] : [plain('Times are in UTC. Setting up /schedule with your time zone shows them in your own time.')];
  return paragraphs(plain(lines.join('\n')), plain(`${checkIns.length === 1 ? 'One check-in' : `${checkIns.length} check-ins`}. Every one of them is you showing up for yourself.`), ...zone);
}

export function planText(plan: RecoveryPlan | null): RichText {
  const parts: Array<[string, string | null | undefined]> = [
    ['Why it matters to me', plan?.reasons],
    ['My triggers', plan?.triggers],
    ['Early warning signs', plan?.warningSigns],
    ['What helps me', plan?.coping],
    ['People I can reach', plan?.people],
  ];
  const written = parts.filter(([, v]) => v);
  if (written.length === 0) return plain('Nothing written yet. Pick a part below to start; a sentence is enough.');
  return paragraphs(...written.map(([title, value]): RichText => [{ text: title, bold: true }, { text: `\n${value}` }]));
}
