import { ComponentType } from 'discord.js';
import { COMPONENTS_V2, flattenComponents } from './state.js';

/*
 * The checks Discord makes on what a bot sends, for the limits an adapter is likely to hit: message length, empty
 * messages, component layout and custom_id rules, modal rules, allowed_mentions, command definitions.
 * Failures answer like Discord: 400 {"code": 50035, "message": "Invalid Form Body", "errors": {...}} (or 50006).
 * Not every rule is here (embeds' inner limits, emoji, media, and components v2's finer rules are not checked).
 */

export interface FormError {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly message: string;
  readonly code: number;
  readonly errors?: unknown;
}

export function invalidFormBody(errors: readonly FormError[]): ApiErrorBody {
  const tree: Record<string, unknown> = {};
  for (const e of errors) {
    let node = tree;
    for (const key of e.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: e.code, message: e.message });
  }
  return { message: 'Invalid Form Body', code: 50035, errors: tree };
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function maxLength(errors: FormError[], path: (string | number)[], value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) {
    if (min > 0) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  if (typeof value !== 'string') {
    errors.push({ path, code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
    return;
  }
  if (value.length > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  if (value.length < min) errors.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
}

/**
 * A message body (create, edit, interaction reply, follow-up). `create`: an empty message is an error (50006).
 * Returns the error body to answer with, or null.
 */
export function validateMessage(body: Record<string, unknown>, mode: 'create' | 'edit'): ApiErrorBody | null {
  const errors: FormError[] = [];
  maxLength(errors, ['content'], body.content, 2000);
  const flags = Number(body.flags ?? 0);
  const v2 = (flags & COMPONENTS_V2) === COMPONENTS_V2;
  if (v2 && typeof body.content === 'string' && body.content.length > 0) {
    errors.push({ path: ['content'], code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: 'The \'content\' field cannot be used when using MessageFlags.IS_COMPONENTS_V2' });
  }
  if (Array.isArray(body.embeds) && body.embeds.length > 10) {
    errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
  }
  if (body.components !== undefined && body.components !== null) {
    if (!Array.isArray(body.components)) errors.push({ path: ['components'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    else validateMessageComponents(errors, body.components, v2);
  }
  validateAllowedMentions(errors, body.allowed_mentions);
  if (errors.length) return invalidFormBody(errors);
  if (mode === 'create') {
    const hasContent = typeof body.content === 'string' && body.content.trim().length > 0;
    const has = (k: string) => Array.isArray(body[k]) && (body[k] as unknown[]).length > 0;
    if (!hasContent && !has('embeds') && !has('components') && !has('attachments') && !has('sticker_ids') && !body.poll) {
      return { message: 'Cannot send an empty message', code: 50006 };
    }
  }
  return null;
}

function validateMessageComponents(errors: FormError[], components: unknown[], v2: boolean): void {
  const ids = new Map<string, string>();
  const all = flattenComponents(components);
  for (const c of all) {
    const id = str(c.custom_id);
    if (id !== undefined) {
      if (ids.has(id)) errors.push({ path: ['components'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: `Component custom id cannot be duplicated: "${id}"` });
      ids.set(id, id);
    }
  }
  if (v2) {
    if (all.length > 40) errors.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 40 or fewer in length.' });
    for (const [i, c] of all.entries()) validateInteractive(errors, ['components', i], c);
    return;
  }
  if (components.length > 5) errors.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  for (const [i, raw] of components.entries()) {
    const row = obj(raw);
    if (row.type !== ComponentType.ActionRow) {
      errors.push({ path: ['components', i, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1,). Use MessageFlags.IS_COMPONENTS_V2 for other top-level components.' });
      continue;
    }
    const children = Array.isArray(row.components) ? (row.components as unknown[]).map(obj) : [];
    if (children.length === 0) errors.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
    const buttons = children.filter((c) => c.type === ComponentType.Button).length;
    if (buttons > 5) errors.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
    if (buttons !== children.length && children.length > 1) {
      errors.push({ path: ['components', i, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    }
    for (const [j, c] of children.entries()) {
      if (c.type === ComponentType.TextInput) {
        errors.push({ path: ['components', i, 'components', j, 'type'], code: 'COMPONENT_TYPE_INVALID', message: 'Text inputs only work in modals.' });
      }
      validateInteractive(errors, ['components', i, 'components', j], c);
    }
  }
}

function validateInteractive(errors: FormError[], path: (string | number)[], c: Record<string, unknown>): void {
  if (c.type === ComponentType.Button) {
    const style = Number(c.style);
    if (style === 5) {
      if (typeof c.url !== 'string') errors.push({ path: [...path, 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      if (c.custom_id !== undefined) errors.push({ path: [...path, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', message: 'A link button cannot have a custom id' });
    } else if (style !== 6) {
      maxLength(errors, [...path, 'custom_id'], c.custom_id, 100, 1);
    }
    if (!(style >= 1 && style <= 6)) errors.push({ path: [...path, 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2, 3, 4, 5, 6).' });
    maxLength(errors, [...path, 'label'], c.label, 80);
    if (c.label === undefined && c.emoji === undefined && style !== 6) {
      errors.push({ path: [...path], code: 'BUTTON_COMPONENT_INVALID', message: 'A button needs a label or an emoji' });
    }
  }
  const isSelect = [ComponentType.StringSelect, ComponentType.UserSelect, ComponentType.RoleSelect, ComponentType.MentionableSelect, ComponentType.ChannelSelect].includes(c.type as number);
  if (isSelect) {
    maxLength(errors, [...path, 'custom_id'], c.custom_id, 100, 1);
    maxLength(errors, [...path, 'placeholder'], c.placeholder, 150);
    const min = c.min_values === undefined ? 1 : Number(c.min_values);
    const max = c.max_values === undefined ? 1 : Number(c.max_values);
    if (min < 0 || min > 25) errors.push({ path: [...path, 'min_values'], code: 'NUMBER_TYPE_MAX', message: 'int value should be between 0 and 25.' });
    if (max < 1 || max > 25 || max < min) errors.push({ path: [...path, 'max_values'], code: 'NUMBER_TYPE_MAX', message: 'int value should be between 1 and 25 and not below min_values.' });
    if (c.type === ComponentType.StringSelect) {
      const options = Array.isArray(c.options) ? (c.options as unknown[]).map(obj) : [];
      if (options.length < 1 || options.length > 25) errors.push({ path: [...path, 'options'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 25 in length.' });
      if (max > options.length && options.length > 0) errors.push({ path: [...path, 'max_values'], code: 'SELECT_COMPONENT_TOO_MANY_VALUES', message: 'max_values exceeds the number of options' });
      const values = new Set<string>();
      for (const [k, o] of options.entries()) {
        maxLength(errors, [...path, 'options', k, 'label'], o.label, 100, 1);
        maxLength(errors, [...path, 'options', k, 'value'], o.value, 100, 1);
        maxLength(errors, [...path, 'options', k, 'description'], o.description, 100);
        const value = str(o.value);
        if (value !== undefined && values.has(value)) errors.push({ path: [...path, 'options', k, 'value'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select option values must be unique.' });
        if (value !== undefined) values.add(value);
      }
    }
  }
}

function validateAllowedMentions(errors: FormError[], raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const am = obj(raw);
  const parse = Array.isArray(am.parse) ? (am.parse as unknown[]) : [];
  for (const [i, p] of parse.entries()) {
    if (p !== 'users' && p !== 'roles' && p !== 'everyone') errors.push({ path: ['allowed_mentions', 'parse', i], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (\'roles\', \'users\', \'everyone\').' });
  }
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && Array.isArray(am[kind]) && (am[kind] as unknown[]).length > 0) {
      errors.push({ path: ['allowed_mentions'], code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.` });
    }
    if (Array.isArray(am[kind]) && (am[kind] as unknown[]).length > 100) {
      errors.push({ path: ['allowed_mentions', kind], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    }
  }
}

/** A modal (interaction callback 9). */
export function validateModal(data: Record<string, unknown>): ApiErrorBody | null {
  const errors: FormError[] = [];
  maxLength(errors, ['data', 'custom_id'], data.custom_id, 100, 1);
  maxLength(errors, ['data', 'title'], data.title, 45, 1);
  const components = Array.isArray(data.components) ? (data.components as unknown[]).map(obj) : [];
  if (components.length < 1 || components.length > 5) errors.push({ path: ['data', 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  const ids = new Set<string>();
  for (const [i, c] of components.entries()) {
    const path = ['data', 'components', i];
    let input: Record<string, unknown> | undefined;
    if (c.type === ComponentType.ActionRow) {
      const children = Array.isArray(c.components) ? (c.components as unknown[]).map(obj) : [];
      if (children.length !== 1 || children[0]!.type !== ComponentType.TextInput) {
        errors.push({ path: [...path, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'An action row in a modal holds exactly one text input.' });
      }
      input = children[0];
      if (input) maxLength(errors, [...path, 'components', 0, 'label'], input.label, 45, 1);
    } else if (c.type === ComponentType.Label) {
      maxLength(errors, [...path, 'label'], c.label, 45, 1);
      maxLength(errors, [...path, 'description'], c.description, 100);
      input = obj(c.component);
      if (input.type === ComponentType.TextInput && input.label !== undefined) {
        errors.push({ path: [...path, 'component', 'label'], code: 'TEXT_INPUT_LABEL_NOT_ALLOWED', message: 'A text input inside a label cannot have its own label.' });
      }
    } else if (c.type !== ComponentType.TextDisplay) {
      errors.push({ path: [...path, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1, 10, 18).' });
    }
    if (!input) continue;
    const id = str(input.custom_id);
    maxLength(errors, [...path, 'custom_id'], input.custom_id, 100, 1);
    if (id !== undefined && ids.has(id)) errors.push({ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: `Component custom id cannot be duplicated: "${id}"` });
    if (id !== undefined) ids.add(id);
    if (input.type === ComponentType.TextInput) {
      if (input.style !== 1 && input.style !== 2) errors.push({ path: [...path, 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2).' });
      maxLength(errors, [...path, 'placeholder'], input.placeholder, 100);
      maxLength(errors, [...path, 'value'], input.value, 4000);
      const min = input.min_length === undefined ? 0 : Number(input.min_length);
      const max = input.max_length === undefined ? 4000 : Number(input.max_length);
      if (min < 0 || min > 4000 || max < 1 || max > 4000 || min > max) {
        errors.push({ path: [...path, 'max_length'], code: 'NUMBER_TYPE_MAX', message: 'min_length/max_length must be within 0–4000 and min ≤ max.' });
      }
    }
  }
  return errors.length ? invalidFormBody(errors) : null;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** A bulk-overwrite body (PUT …/commands). */
export function validateCommands(body: unknown): ApiErrorBody | null {
  if (!Array.isArray(body)) return invalidFormBody([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  const errors: FormError[] = [];
  const seen = new Set<string>();
  if (body.filter((c) => (obj(c).type ?? 1) === 1).length > 100) errors.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  for (const [i, raw] of body.entries()) {
    const c = obj(raw);
    const type = Number(c.type ?? 1);
    const name = str(c.name);
    if (!name || !COMMAND_NAME.test(name) || (type === 1 && name !== name.toLowerCase())) {
      errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
    const key = `${type}:${name}`;
    if (seen.has(key)) errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique: ${name}` });
    seen.add(key);
    if (type === 1) maxLength(errors, [i, 'description'], c.description, 100, 1);
    validateOptions(errors, [i, 'options'], c.options);
  }
  return errors.length ? invalidFormBody(errors) : null;
}

function validateOptions(errors: FormError[], path: (string | number)[], raw: unknown): void {
  if (raw === undefined) return;
  const options = Array.isArray(raw) ? raw.map(obj) : [];
  if (options.length > 25) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let optionalSeen = false;
  for (const [i, o] of options.entries()) {
    const name = str(o.name);
    if (!name || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) errors.push({ path: [...path, i, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Option name is invalid' });
    maxLength(errors, [...path, i, 'description'], o.description, 100, 1);
    if (o.required === true && optionalSeen) errors.push({ path: [...path, i, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    if (o.required !== true && o.type !== 1 && o.type !== 2) optionalSeen = true;
    if (Array.isArray(o.choices) && o.choices.length > 25) errors.push({ path: [...path, i, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    validateOptions(errors, [...path, i, 'options'], o.options);
  }
}
