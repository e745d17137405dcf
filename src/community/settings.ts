import { z } from 'zod';
import { crisisRegions } from '../safety/resources.js';
import type { Parsed } from '../schedule/parse.js';

/*
 * What a community's moderators can set, and how each value is checked before it is stored. Everything here is
 * posted or shown in a group later, so values are plain: limited length, no mentions, no markup, no links.
 */

/** The built-in questions a group check-in can ask, in Tether's order. */
export const BUILT_IN_QUESTIONS = ['mood', 'craving', 'sleep', 'stress', 'emotion', 'need'] as const;
export type BuiltInQuestion = (typeof BUILT_IN_QUESTIONS)[number];

/** A group check-in question: one of Tether's, or the community's own (answered 1 to 5, privately). */
export type Question = { readonly builtIn: BuiltInQuestion } | { readonly own: string };

export const DEFAULT_QUESTIONS: readonly Question[] = [{ builtIn: 'mood' }, { builtIn: 'craving' }, { builtIn: 'need' }];

/** Exercises a community can offer in its channel. */
export const COMMUNITY_EXERCISES = ['breathe', 'ground'] as const;

export const LANGUAGES = { en: 'English' } as const;

const MAX_OWN_QUESTIONS = 5;
const MAX_QUESTIONS = 8;

/** Plain text safe to post in a group: no mentions, markup, links or control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(3, 'That is a bit short; a few words, please.')
    .max(max, `Please keep it under ${max} characters.`)
    .refine((t) => !/[\u0000-\u001f\u007f]/.test(t.replace(/\n/g, '')), 'Please leave out control characters.')
    .refine((t) => !/@(everyone|here)\b|<[@#][!&]?\d+>|<\/?[a-z][^>]*>/i.test(t), 'Please leave out mentions (@everyone, @here, <@…>) and HTML.')
    .refine((t) => !/https?:\/\/|www\.|discord\.gg|t\.me\//i.test(t), 'Please leave out links.')
    .refine((t) => !/[*_`~|<>[\]{}\\]/.test(t), 'Please use plain words and punctuation, without * _ ` ~ | < > [ ] { } or \\.');

const fromZod = (schema: z.ZodType<string>, text: string): Parsed => {
  const r = schema.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: r.error.issues[0]?.message ?? 'That value is not valid.' };
};

/** The invitation a group check-in post opens with. */
export function parseInvitation(text: string): Parsed {
  return fromZod(plainText(300), text);
}

/**
 * The group check-in's questions, in order, separated by new lines or ";": Tether's by name (mood, craving, sleep,
 * stress, emotion, need) and the community's own as a short question. Stored as JSON text.
 */
export function parseQuestions(text: string): Parsed {
  const items = text.split(/\n|;/).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return { ok: false, reason: 'Which questions? For example: mood; craving; How did you look after yourself today?' };
  if (items.length > MAX_QUESTIONS) return { ok: false, reason: `Up to ${MAX_QUESTIONS} questions, please; a check-in should stay short.` };
  const questions: Question[] = [];
  for (const item of items) {
    const name = item.toLowerCase();
    if ((BUILT_IN_QUESTIONS as readonly string[]).includes(name)) {
      if (questions.some((q) => 'builtIn' in q && q.builtIn === name)) return { ok: false, reason: `"${name}" is in the list twice.` };
      questions.push({ builtIn: name as BuiltInQuestion });
      continue;
    }
    const own = plainText(120).safeParse(item);
    if (!own.success) return { ok: false, reason: `"${item.slice(0, 40)}": ${own.error.issues[0]?.message ?? 'not valid'}` };
    questions.push({ own: own.data });
  }
  if (questions.filter((q) => 'own' in q).length > MAX_OWN_QUESTIONS) return { ok: false, reason: `Up to ${MAX_OWN_QUESTIONS} questions of your own, please.` };
  return { ok: true, value: JSON.stringify(questions) };
}

export function readQuestions(json: unknown): Question[] {
  const schema = z.array(z.union([z.object({ builtIn: z.enum(BUILT_IN_QUESTIONS) }), z.object({ own: z.string().min(1).max(120) })]));
  const r = schema.safeParse(typeof json === 'string' ? safeJson(json) : json);
  return r.success && r.data.length ? r.data : [...DEFAULT_QUESTIONS];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Which exercises members may start in the channel: "breathe, ground", or "none". */
export function parseExercises(text: string): Parsed {
  const words = text.toLowerCase().split(/[\s,;]+/).filter(Boolean);
  if (words.length === 1 && words[0] === 'none') return { ok: true, value: '' };
  const unknown = words.filter((w) => !(COMMUNITY_EXERCISES as readonly string[]).includes(w));
  if (unknown.length || words.length === 0) return { ok: false, reason: `Choose from: ${COMMUNITY_EXERCISES.join(', ')} (or "none").` };
  return { ok: true, value: [...new Set(words)].join(',') };
}

/** A two-letter region for crisis lines ("GB", "us"). */
export function parseRegion(text: string): Parsed {
  const code = text.trim().toUpperCase();
  if (crisisRegions().includes(code)) return { ok: true, value: code };
  return { ok: false, reason: `I have checked crisis lines for: ${crisisRegions().join(', ')}. Which of these? (Others get international resources.)` };
}

/** A Discord role, as a mention (<@&123>) or its id. */
export function parseRole(text: string): Parsed {
  const m = /^<@&(\d{15,21})>$/.exec(text.trim()) ?? /^(\d{15,21})$/.exec(text.trim());
  return m ? { ok: true, value: m[1]! } : { ok: false, reason: "Mention the role (type @ and pick it) or paste its id. 'none' clears it." };
}

export const settingParsers = {
  invitation: parseInvitation,
  questions: parseQuestions,
  exercises: parseExercises,
  region: parseRegion,
  role: parseRole,
} as const satisfies Record<string, (text: string) => Parsed>;

/** The settings a moderator can change, as the community flow names them (src/flows/community.ts). */
export const SETTING_FIELDS = [
  'channel',
  'time',
  'days',
  'time-zone',
  'questions',
  'invitation',
  'exercises',
  'crisis-region',
  'supporter-role',
  'moderator-role',
  'language',
  'summaries',
  'summary-minimum',
  'group-breathing',
  'alerts',
] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
