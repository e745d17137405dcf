import type { FlowRegistry } from './flow.js';
import { compileTemplate, paragraphs, plain, renderTemplate } from './rich-text.js';
import type { RichText } from '../core/messages.js';

/*
 * Everything the engine itself says, outside any flow. Warm, plain, person-first; never medical advice.
 * Markup here uses the same *bold* and _italic_ as flows.
 */

const md = (source: string): RichText => renderTemplate(compileTemplate(source), () => '');

export const copy = {
  welcome: md(
    "Hi, I'm *Tether*, a companion for people in recovery and the groups that support them.\n\n" +
      'I can walk you through a short check-in, breathe with you, or help you ground yourself when things feel like too much. ' +
      "I'm peer support: _not_ treatment, not a therapist, and not an emergency service. " +
      'If you are in danger right now, please call your local emergency number.',
  ),
  helpTail: md("_Tether is peer support, not treatment or an emergency service. In an emergency, call your local emergency number._"),
  idle: md("I'm here. Whenever you like, /checkin to check in, /breathe to breathe together, or /ground for a grounding exercise. /help shows everything."),
  idleWithoutConsent: md("I'm here. /breathe, /ground and /sos work right away; /start if you'd like check-ins."),
  cancelled: (title: string, hadAnswers: boolean) =>
    md(
      `Okay, we've stopped the ${title.toLowerCase()}.` +
        (hadAnswers ? " What you answered in it wasn't saved." : '') +
        " I'm here whenever you want to pick something up again.",
    ),
  nothingToCancel: md("There's nothing running right now, so there's nothing to stop. /help shows what we can do."),
  unknownCommand: (name: string) => paragraphs(plain(`I don't know the command /${name}.`), md('/help shows what I can do.')),
  staleButton: md('That button belongs to an earlier question, so I left it alone.'),
  staleButtonIdle: md("That button is from a conversation that has already ended. /help shows what we can do now."),
  alreadyRunning: (title: string) => md(`We're already in the ${title.toLowerCase()}. Here's where we were:`),
  nested: (inner: string, outer: string) => md(`Let's do the ${inner.toLowerCase()} first. Afterwards we'll come back to your ${outer.toLowerCase()}.`),
  resumed: (title: string) => md(`Back to your ${title.toLowerCase()}, where we left off.`),
  exerciseWaiting: md("I'm right here. The next step comes by itself; send /cancel if you'd like to stop."),
  tooLong: (max: number) => md(`That's more than I can take in one message. Could you keep it under ${max.toLocaleString('en-US')} characters?`),
  empty: md("I didn't catch anything there."),
  /** In a group: never the flow itself, only a pointer to the private chat. */
  groupPointer: (title: string | undefined, firstTime: boolean) =>
    md(
      (title ? `The ${title.toLowerCase()} is just for you, so let's do it in a private chat.` : "Let's talk in a private chat, where what you share stays between us.") +
        ' Tap the button below.' +
        (firstTime ? " If it's your first time, press *Start* when the chat opens." : ''),
    ),
  groupPointerButton: 'Open a private chat',
  movedToDm: md("I've sent you a direct message, so this stays between us."),
  dmClosedFallback: md("I couldn't send you a direct message (your DMs may be closed), so we'll do this right here. Only you can see these messages."),
  /** `place` is a server's name: shown as it is, never read as markup. */
  dmHello: (place: string): RichText => [{ text: "Hi, it's Tether. You asked for me in " }, { text: place }, { text: "; let's talk here, privately." }],
  somethingWentWrong: md("Something went wrong on my side and I couldn't take that in. Please try again in a moment; nothing you shared before is lost."),
  moderatorsOnly: md(
    "That one is for a community's moderators. If you moderate a group or server, run /setup there and I'll check with the platform and open the settings for you.",
  ),
  notModerator: md("Only this community's moderators can change its settings. If something here could be better, a moderator would like to hear it."),
  setupInPrivate: md("Let's do the settings privately, so the group isn't flooded with them. Tap the button below."),
  setupButton: 'Open the settings',
  setupInGroupOnly: md('Run /setup inside the group or server you moderate, and I will check your rights there and open the settings.'),
  notAMember: md("That group check-in belongs to a group you're not in, so I can't count you there. /checkin is always here for you privately."),
  flowGone: md("Things changed on my side since we last talked, so I've set aside what we were in the middle of. Nothing you finished is lost."),
  linkCode: (code: string) =>
    paragraphs(md('Your one-time code:'), [{ text: code, bold: true }], md('On your other platform, send /link, choose *I have a code*, and type it. It works once, for 15 minutes.')),
  linked: md('Linked. Your check-ins, plan, supporters and schedule now follow you on both platforms. /unlink separates them again.'),
  linkFailed: {
    invalid: md("That code didn't work: it may be mistyped, used already, or more than 15 minutes old. /link on your other platform gives a fresh one."),
    'same-platform': md('That code is from this same platform. Type it on your other one (Telegram, Discord or the terminal).'),
    'same-person': md("That code is your own, from this same account: you're already here."),
    'too-many-tries': md("That's a few codes in a row that didn't work, so codes are paused here for an hour, to keep everyone's codes safe from guessing. Your own account is fine. /link on your other platform gives a fresh code whenever you're ready."),
    'already-linked': md('One of these accounts is already linked to another account on the same platform. /unlink there first, then try again.'),
  },
  unlinked: md("Done. This platform is separate again: what you shared before stays on your other one, and here we start fresh. Your agreement still stands."),
  notLinked: md("This platform isn't linked to another one, so there's nothing to separate."),
  supportReplies: { 'on-my-way': 'On my way', 'will-call': "I'll call you", 'not-now': "Can't right now" },
  supporterInvite: (code: string, name: string) =>
    paragraphs(
      plain(`Here is ${name}'s invitation code:`),
      [{ text: code, bold: true }],
      md('Ask them to send /support to Tether (on Telegram, Discord or wherever they use it) and type the code. It works once, for 48 hours. After that, /reachout can send them your requests, and they can answer with one tap.'),
    ),
  supportAccepted: (shownAs: string) =>
    paragraphs(plain(`Thank you. ${shownAs} trusts you, and can now send you requests through Tether when things are hard.`), md('Each one comes here with buttons to answer in one tap, or not at all if you can\'t. Nothing else they tell me is ever shared with you.')),
  codeTriesPaused: md("That's a few codes in a row that didn't work, so codes are paused here for an hour, to keep everyone's codes safe from guessing. Nothing is wrong with your account. Ask for a fresh code and try again in a while."),
  supportInvalid: md("That invitation code didn't work: it may be mistyped, used already, or older than 48 hours. Ask for a fresh one."),
  requestToSupporter: (shownAs: string, text: string) => paragraphs(plain(`${shownAs} asked you, through Tether:`), [{ text, italic: true }], md('Answer with one tap:')),
  requestSent: (name: string) => plain(`Sent to ${name}. I'll tell you as soon as they answer. Whatever they say, asking was the brave part.`),
  requestNotLinked: (name: string) =>
    plain(`${name} hasn't joined Tether as your supporter yet, so I couldn't send it. Copy the message above and send it yourself; /supporters can invite them for next time.`),
  supporterAnswered: (name: string, reply: string) => plain(`${name} answered your request: ${reply}.`),
  supportersChanged: md('Your list of supporters changed in the meantime, so I sent nothing. /reachout again shows it as it is now.'),
  replyThanks: md("Thank you. I've let them know. Being there for someone matters more than you might think."),
  milestonePost: (memberId: string | undefined, what: string): RichText => [
    { text: '🎉 ' },
    ...(memberId ? [{ text: 'A member', mention: { kind: 'user' as const, id: memberId } }] : [{ text: 'A member' }]),
    { text: ` is sharing a milestone with the group: ${what}. Every one of those took showing up.` },
  ],
  milestoneShared: md("Shared. Only that one milestone, nothing else. Well done."),
  milestoneNotMember: md("It looks like you're no longer in that group, so I haven't shared anything there. Your milestones are still yours, here."),
  milestoneUnchecked: md("I couldn't check with the group just now, so I held your milestone back. Nothing was shared; try again in a little while."),
  milestoneNoChannel: md("Your group hasn't chosen a channel for posts yet, so I couldn't share it there. Nothing was shared."),
  scheduledIntro: md("Hi, it's your check-in time. Only if you feel like it: a few quick questions, and /cancel skips today."),
  reminder: md('A gentle nudge: your check-in is still here whenever you want it. No pressure at all; /cancel lets it go for today.'),
  textOnly: md("I can only read text messages for now. Type your answer, or send /help to see what we can do."),
  hint: {
    'not-a-number': (min: number, max: number) => md(`Could you answer with a number from ${min} to ${max}?`),
    'out-of-range': (min: number, max: number) => md(`That's outside what this question takes. A whole number from ${min} to ${max}, please.`),
    'unknown-option': md("I couldn't match that to one of the choices. You can tap one, or type its number or its name."),
    'no-words': md("I couldn't find words in that. A word or two is plenty."),
    'too-long': (max: number) => md(`That's a bit long for this one. Could you keep it under ${max.toLocaleString('en-US')} characters?`),
  },
} as const;

/** The /help text: every flow with a command, in the order flows were registered. */
export function helpText(registry: FlowRegistry): RichText {
  const lines = [...registry.byCommand.values()].map((f) => `/${f.command} - ${f.summary}`);
  return paragraphs(
    md('*What we can do together*'),
    plain([...lines, '/help - this list', '/cancel - stop what we are doing (any time, nothing bad happens)', '/start - what Tether is'].join('\n')),
    copy.helpTail,
  );
}
