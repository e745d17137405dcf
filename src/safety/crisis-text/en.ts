import type { CrisisTexts } from './index.js';

/** Crisis help in English. Warm, plain, person-first. */
export const en: CrisisTexts = {
  crisisTitle: 'Crisis support',
  crisisSummary: 'help right now: emergency numbers, crisis lines, and someone to breathe with',
  now: "I'm here. *Are you, or is someone with you, in danger right now?*",
  nowEmergency: 'Yes, right now',
  nowStruggling: "No, but I'm struggling",
  emergency:
    '*Please call {@emergency} now.* Emergency services can help faster than anyone here.\n\n' +
    'If someone is unconscious, not breathing or has taken too much, stay with them and do what the call handler tells you. ' +
    'If you are not safe where you are, get to a safer place or to other people if you can.',
  struggling:
    "I'm really glad you told me. What you're feeling matters, and you don't have to carry it on your own right now.\n\n" +
    'If you might act on thoughts of ending your life or hurting yourself, please call *{@emergency}* now.',
  lines: 'People who are there for exactly this, any time of day:\n{@crisisLines}\n\n_I am a peer-support bot, not an emergency service, but I can stay with you here._',
  regionAsk: "Which country are you in? It helps me give you the right numbers, and I'll remember it for next time.",
  regionNames: { US: 'United States', GB: 'United Kingdom', ES: 'Spain', MX: 'Mexico', CA: 'Canada', AU: 'Australia' },
  regionOther: 'Somewhere else',
  regionLines: (name, emergency, lines) => `Thank you. In ${name}, call *${emergency}* in an emergency. Lines that answer any time:\n${lines.map((l) => `• ${l}`).join('\n')}`,
  regionOtherLines: "Thank you. findahelpline.com lists free, confidential lines in many countries, and your local emergency number is there for anything happening now.",
  offer: 'While you reach out, or if you would like some company right now:',
  offerBreathe: 'Breathe with me',
  offerGround: '5-4-3-2-1 grounding',
  offerSomeone: 'Reach someone I trust',
  offerMisunderstood: 'It was a misunderstanding',
  misunderstood: 'Thank you for telling me, and sorry for jumping in. I would rather ask than miss it. Let us carry on.',
  stillHere: "I'm still here. If things get worse, please call {@emergency} or one of the lines above. /sos brings them back any time.",
  someoneAsk: 'Who would you like to reach? These are the people you saved in /supporters.',
  someoneNone:
    'Who tends to steady you: a sponsor, a friend, someone from your group? A short message is enough, like ' +
    '_"I\'m not okay right now. Can you call me?"_ Reaching out is a strong thing to do.\n\n' +
    '/supporters keeps the people you trust, so they are here next time, and /reachout helps you word a request.',
  someoneReachOut: 'Word a request with /reachout',
  someoneNotNow: 'Not right now',
  someoneHow: (n) => `To reach {@supporter${n}}: {@how${n}}.\n\nShall I send them a message through Tether (if they joined as your supporter), or will you reach them yourself?`,
  sendThroughTether: 'Send it through Tether',
  sendMyself: "I'll reach them myself",
  request: "I'm having a really hard time right now. Could you call me or come and be with me?",
  sent: 'That is what I sent. Reaching out is a strong thing to do.',
  ownWords: 'A short message is enough, like _"I\'m not okay right now. Can you call me?"_ Reaching out is a strong thing to do.',
  back: 'Shall we go back to your {@pausedTitle}?',
  backYes: 'Yes, go back',
  backNo: 'Not now',
  resumed: "Okay. Back to your {@pausedTitle}, where we left off.",
  setAside: "Okay. I've set your {@pausedTitle} aside; {@pausedCommand} starts it again whenever you like. /sos is here any time.",
  checkTitle: 'Safety check',
  checkSummary: 'a gentle question when something you wrote might mean you are not safe',
  checkAsk: "Something in what you wrote made me want to check in with you for a moment.\n\n*Are you safe right now?*\n\nIf you are in danger, please call *{@emergency}*.",
  // Answers to the question above them; the detector would read "I'm not safe" on its own as a crisis (it is one,
  // typed anywhere else), and button labels are kept clear of that (test/safety/detector.test.ts).
  checkSafe: "Yes, I'm safe",
  checkNotSafe: "No, I'm not",
  checkTalk: "I'd like to talk to someone",
  checkSafeSay: "Thank you for telling me. I'm glad. If that changes, /sos is here any time.",
  checkSafeResume: "Let's carry on where we were.",
  checkTalkSay: 'Talking to someone can really help. These lines answer any time:\n{@crisisLines}',
  internationalEmergency: 'your local emergency number (112 works in many countries)',
  internationalLine: 'Find a free, confidential line near you at findahelpline.com',
  groupSos: (emergency) => ({
    bold: `If you or someone with you is in danger right now, call ${emergency}.`,
    rest:
      'A free, confidential crisis line in your country: findahelpline.com\n\n' +
      'For more (breathing together, your plan, the people you trust), talk to me privately: tap the button below.',
  }),
  privateButton: 'Talk privately',
};
