import type { FlowDefinition } from '../engine/flow.js';

/**
 * The check-in: how things are, the feeling and the need beneath it, and a response that fits recovery.
 * A strong craving is met first (breathe now, or carry on) and brings a gentle follow-up later.
 */
export const checkin = {
  id: 'checkin',
  command: 'checkin',
  title: 'Check-in',
  summary: 'a short, private check-in: mood, craving, sleep, stress, feelings and needs',
  private: true,
  needsConsent: true,
  steps: [
    {
      id: 'mood',
      kind: 'scale',
      say: "*Let's check in.* There are no right or wrong answers, and you can stop any time with /cancel.\n\nHow are you doing overall, right now?",
      min: 1,
      max: 5,
      minLabel: 'really low',
      maxLabel: 'really good',
    },
    {
      id: 'craving',
      kind: 'scale',
      say: 'How strong is any craving or urge right now?',
      min: 0,
      max: 10,
      minLabel: 'none at all',
      maxLabel: 'very strong',
    },
    {
      id: 'craving-high',
      kind: 'say',
      if: { answer: 'craving', atLeast: 'highCraving' },
      say: "Thank you for telling me. A craving that strong is hard to sit with. Often it's a signal that something in you needs care, and like a wave it rises, peaks and passes. I'll check back in with you a little later.",
      followUp: 'craving-follow-up',
    },
    {
      id: 'ground-first',
      kind: 'choice',
      if: { answer: 'craving', atLeast: 'highCraving' },
      say: 'Would you like to breathe together for a minute first? We can come back to your check-in right after.',
      options: [
        { id: 'breathe', label: 'Breathe with me now', next: { flow: 'breathe', args: 'paced', resume: 'sleep' } },
        { id: 'surf', label: 'Ride out the urge (10 min)', next: { flow: 'urge-surfing', resume: 'sleep' } },
        { id: 'ground', label: '5-4-3-2-1 grounding', next: { flow: 'ground', resume: 'sleep' } },
        { id: 'continue', label: 'Keep going with the check-in' },
      ],
    },
    {
      id: 'sleep',
      kind: 'number',
      say: 'About how many hours did you sleep last night? A rough guess is fine.',
      min: 0,
      max: 24,
      unit: 'hours',
      skippable: true,
      skipLabel: "I'd rather not say",
    },
    {
      id: 'stress',
      kind: 'scale',
      say: 'How much stress are you carrying today?',
      min: 1,
      max: 5,
      minLabel: 'hardly any',
      maxLabel: 'a lot',
    },
    {
      id: 'emotion',
      kind: 'choice',
      say: 'Which word comes closest to what you are feeling?',
      options: [
        { id: 'anxious', label: 'Anxious' },
        { id: 'lonely', label: 'Lonely' },
        { id: 'sad', label: 'Sad' },
        { id: 'angry', label: 'Angry' },
        { id: 'ashamed', label: 'Ashamed' },
        { id: 'restless', label: 'Restless' },
        { id: 'tired', label: 'Tired' },
        { id: 'overwhelmed', label: 'Overwhelmed' },
        { id: 'calm', label: 'Calm' },
        { id: 'hopeful', label: 'Hopeful' },
        { id: 'other', label: 'Something else', next: 'emotion-other' },
      ],
      next: 'need',
    },
    {
      id: 'emotion-other',
      kind: 'text',
      say: 'What word would you use for it?',
      maxLength: 60,
      skippable: true,
    },
    {
      id: 'need',
      kind: 'choice',
      say: 'Underneath that feeling, what do you need most right now?',
      options: [
        { id: 'closeness', label: 'Closeness' },
        { id: 'reassurance', label: 'Reassurance' },
        { id: 'heard', label: 'To be heard', mirror: 'to be heard' },
        { id: 'safety', label: 'Safety' },
        { id: 'rest', label: 'Rest' },
        { id: 'space', label: 'Space' },
      ],
    },
    {
      id: 'response',
      kind: 'choice',
      say: 'What would help most right now?',
      options: [
        { id: 'ground', label: 'A grounding exercise now' },
        { id: 'reach-out', label: 'Reach out to someone' },
        { id: 'reasons', label: 'Look at my reasons' },
        { id: 'note', label: 'Just note it' },
      ],
    },
    {
      id: 'note',
      kind: 'text',
      say: "Is there anything you'd like to add, just for you? It stays private. Type it, or skip.",
      maxLength: 1000,
      skippable: true,
      skipLabel: 'Nothing to add',
    },
    {
      id: 'reflection',
      kind: 'say',
      say: [
        { text: '*Thank you for checking in.*' },
        { text: "You're feeling {emotion}, and what you need most is {need}.", if: { answer: 'emotion', is: ['anxious', 'lonely', 'sad', 'angry', 'ashamed', 'restless', 'tired', 'overwhelmed', 'calm', 'hopeful'] } },
        { text: "You're feeling {emotion-other}, and what you need most is {need}.", if: { answer: 'emotion-other', answered: true } },
        { text: 'You named a feeling of your own, and what you need most is {need}.', if: { answer: 'emotion', is: ['other'] } },
        { text: 'Things feel heavy today. Noticing that, and saying it, is already a step.', if: { answer: 'mood', atMost: 2 } },
        { text: "It's good to hear there's some lightness today.", if: { answer: 'mood', atLeast: 4 } },
        { text: 'You noticed a strong craving and still stopped to check in. That matters.', if: { answer: 'craving', atLeast: 'highCraving' } },
        { text: 'Short sleep can make everything feel louder, so go gently with yourself.', if: { answer: 'sleep', atMost: 5.5 } },
        { text: "That's a lot of stress to carry. You don't have to carry all of it alone.", if: { answer: 'stress', atLeast: 4 } },
      ],
      record: {
        type: 'checkin',
        values: {
          mood: 'mood',
          craving: 'craving',
          sleepHours: 'sleep',
          stress: 'stress',
          emotion: 'emotion',
          emotionOther: 'emotion-other',
          need: 'need',
          response: 'response',
          note: 'note',
        },
      },
      next: [
        { if: { answer: 'response', is: ['ground'] }, to: 'pick-exercise' },
        { if: { answer: 'response', is: ['reach-out'] }, to: 'reach-out' },
        { if: { answer: 'response', is: ['reasons'] }, to: 'reasons' },
        { to: 'noted' },
      ],
    },
    {
      id: 'pick-exercise',
      kind: 'choice',
      say: 'Which one would you like?',
      options: [
        { id: 'box', label: 'Box breathing', next: { flow: 'breathe', args: 'box' } },
        { id: 'paced', label: 'Slow breathing', next: { flow: 'breathe', args: 'paced' } },
        { id: 'senses', label: '5-4-3-2-1 senses', next: { flow: 'ground' } },
        { id: 'kindness', label: 'A self-compassion pause', next: { flow: 'self-compassion' } },
      ],
    },
    {
      id: 'reach-out',
      kind: 'say',
      say:
        'Reaching out is a strong move, especially when part of you wants to pull away. Think of one person who tends to steady you: ' +
        'a sponsor, a friend, someone from your group. A small, concrete ask is easier to say yes to, like ' +
        '_"I\'m having a hard evening, could you call me in the next hour?"_ or _"Could we get a coffee tomorrow?"_',
      next: 'end',
    },
    {
      id: 'reasons',
      kind: 'say',
      say:
        'Take a breath and bring to mind why your recovery matters to you: the people, the plans, the person you are becoming. ' +
        'If it helps, write one reason somewhere you will see it today.',
      next: 'end',
    },
    {
      id: 'noted',
      kind: 'say',
      say: "Noted. I'm here whenever you want to check in again.",
      next: 'end',
    },
  ],
} as const satisfies FlowDefinition;
