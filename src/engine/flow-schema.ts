import { z } from 'zod';
import { ENGINE_FACTS, FACTS, LANGUAGES } from './types.js';

/*
 * A flow is data: a list of steps, each with what it says, what kind of answer it takes and what follows.
 * Flows are written as plain objects (`satisfies FlowDefinition`) and checked by `compileFlows` when loaded,
 * so a typo in a step id or an endless loop is a start-up error, not a stuck conversation.
 */

/** Flow, step and option ids. */
export const id = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'ids are lower-case words joined by -');

const condition = z
  .object({
    /** The question whose answer is tested. */
    answer: id.optional(),
    /** Or something the runtime knows about the person (see PersonFacts): true when it holds. */
    fact: z.enum([...FACTS, ...ENGINE_FACTS]).optional(),
    atLeast: z.union([z.number(), z.literal('highCraving')]).optional(),
    atMost: z.number().optional(),
    is: z.array(id).min(1).optional(),
    /** true: the step was answered (not skipped); false: skipped or never asked. */
    answered: z.boolean().optional(),
    /** Holds when the rest does not. */
    not: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => (c.answer === undefined) !== (c.fact === undefined), 'a condition tests either an answer or a fact');

/** Values the runtime supplies to flows as `{@name}` (the person's region decides them). */
export const CONTEXT_VARS = [
  'emergency',
  'crisisLines',
  'reasons',
  'coping',
  'people',
  'supporter1',
  'supporter2',
  'supporter3',
  'supporter4',
  'supporter5',
  'how1',
  'how2',
  'how3',
  'how4',
  'how5',
  'supporterList',
  'lastFeeling',
  'lastNeed',
  'nextCheckIn',
  'checkIns',
  'streak',
  'daysSince',
  'countFrom',
  /** Supplied by the engine: the flow this run interrupted ("check-in") and the command that starts it again. */
  'pausedTitle',
  'pausedCommand',
] as const;

const target = z.union([
  /**
   * `end-all`: end this flow and drop every flow it interrupted (the person chose to set it aside). `end-held`: end
   * this flow, and the flow it interrupted takes what the person had typed for it as its answer (see FlowRun.held).
   */
  z.union([id, z.literal('end'), z.literal('end-all'), z.literal('end-held')]),
  z
    .object({
      /** Start another flow. With `resume`, continue this one at that step when the other ends. */
      flow: id,
      /** Answers the started flow's first question, as `/breathe paced` does. */
      args: z.string().optional(),
      resume: id.optional(),
    })
    .strict(),
]);

const next = z.union([target, z.array(z.object({ if: condition.optional(), to: target }).strict()).min(1)]);

const say = z.union([z.string().min(1), z.array(z.object({ text: z.string().min(1), if: condition.optional() }).strict()).min(1)]);

const base = {
  id,
  say,
  /** What comes after; by default the next step in the list, or the end after the last. */
  next: next.optional(),
  /** Skip this step unless the condition holds. */
  if: condition.optional(),
  /** Messages in one slot replace each other where the platform can edit messages. */
  slot: id.optional(),
  /** Arm a gentle follow-up that starts this flow after the configured delay, or after `hours`. */
  followUp: z.union([id, z.object({ flow: id, hours: z.number().positive().max(24 * 14) }).strict()]).optional(),
  /**
   * Something only the runtime can do, carried out once this step's state is stored (see EngineAction); or
   * `decline`: the person said not now to consent, so plain messages get a short reply instead of the whole ask.
   */
  action: z.enum(['consent', 'decline', 'export', 'forget', 'community-overview', 'community-audit', 'history', 'plan-show', 'trends', 'link-code', 'link-redeem', 'unlink', 'supporter-invite', 'support-accept', 'reach-out-send', 'milestone-share']).optional(),
  /** Answers the action takes, by name (the supporter chosen, the code typed). */
  actionArgs: z.record(z.string(), id).optional(),
  /** An answer the action takes (the code typed for `link-redeem`). */
  actionArg: id.optional(),
  /** Emit a lasting record when this step is reached: record field → answer id. */
  record: z.object({ type: id, values: z.record(z.string(), id) }).strict().optional(),
};

/** One option of a choice step. */
export const option = z
  .object({
    id,
    label: z.string().min(1).max(60),
    /** How the option reads inside a sentence ("to be heard"); the label in lower case by default. */
    mirror: z.string().min(1).optional(),
    /** Where choosing this option leads, overriding the step's `next`. */
    next: target.optional(),
    /** Offer this option only when the condition holds (a supporter the person has named). */
    if: condition.optional(),
  })
  .strict();

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('say'), /** Seconds to wait before going on (scaled by TIMING_SCALE). */ wait: z.number().positive().max(3600).optional() }).strict(),
  z.object({ ...base, kind: z.literal('scale'), min: z.number().int(), max: z.number().int(), minLabel: z.string().min(1), maxLabel: z.string().min(1) }).strict(),
  z.object({ ...base, kind: z.literal('choice'), options: z.array(option).min(1).max(25), skippable: z.boolean().optional() }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('number'),
      min: z.number(),
      max: z.number(),
      unit: z.string().min(1),
      skippable: z.boolean().optional(),
      /** The label of the skip button, "Skip" by default. */
      skipLabel: z.string().min(1).max(30).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('text'),
      maxLength: z.number().int().positive().max(4000),
      skippable: z.boolean().optional(),
      skipLabel: z.string().min(1).max(30).optional(),
      /** false: the answer is read and let go, never stored (e.g. what you can see around you). */
      keep: z.boolean().optional(),
      /**
       * Reads the answer in a format named by the flows' vocabulary (a time, weekdays, a time zone, a date, quiet
       * hours: see compileFlows) and stores its canonical form.
       */
      parse: id.optional(),
    })
    .strict(),
]);

export const flowSchema = z
  .object({
    id,
    /** The command that starts it, e.g. `checkin` for /checkin. */
    command: id.optional(),
    title: z.string().min(1),
    /** One line for /help. */
    summary: z.string().min(1),
    /** Asks about feelings, cravings or notes: in a group it runs only in private. */
    private: z.boolean(),
    /** Stores something about the person, so it waits for their consent. Exercises and crisis help do not. */
    needsConsent: z.boolean(),
    /** Only for a community's moderators, as verified by the platform adapter (see FlowScope). */
    moderators: z.boolean().optional(),
    /**
     * The language the flow speaks. A flow with a language says its own words when it hands back to the flow it
     * interrupted, and `{@name}` reads the value for its language first (`emergency:es`) where there is one.
     */
    language: z.enum(LANGUAGES).optional(),
    /** This flow is another language's version of that one: started in its place for people who speak it. */
    translates: id.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type Condition = z.input<typeof condition>;
export type Target = z.input<typeof target>;
export type StepDefinition = z.input<typeof stepSchema>;
export type FlowDefinition = z.input<typeof flowSchema>;
