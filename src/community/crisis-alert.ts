import { compileTemplate, paragraphs, renderTemplate } from '../engine/rich-text.js';
import type { OutboundMessage, RichText } from '../core/messages.js';

const md = (source: string): RichText => renderTemplate(compileTemplate(source), () => '');

/**
 * The private note to a community's moderators who asked for it, when a member may be in crisis. It names the
 * member and the channel, and never says what they wrote or answered.
 */
export function crisisAlert(memberId: string, channel: string | undefined): OutboundMessage {
  const where: RichText = channel ? [{ text: ' in ' }, { text: 'your community', mention: { kind: 'channel', id: channel } }] : [{ text: ' in your community' }];
  return {
    text: paragraphs(
      md('*A private note for moderators, from Tether.*'),
      [{ text: 'Something ' }, { text: 'a member', mention: { kind: 'user', id: memberId } }, { text: ' wrote to me privately' }, ...where, { text: ' suggests they may be going through a crisis right now.' }],
      md(
        "They already have crisis lines and grounding from me, privately. If you can, reach out gently and personally. What they wrote stays between them and me; this note is all I share. You get these notes because you asked for them in /setup.",
      ),
    ),
  };
}
