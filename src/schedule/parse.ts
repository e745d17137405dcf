import { formatDate, formatMinute, isTimeZone } from './zoned-time.js';

/*
 * Reading what people type for a schedule: a time ("7:30", "19.30", "7pm"), weekdays ("mon wed fri", "lunes"),
 * a time zone ("Europe/Berlin", "berlin"), a date ("2027-01-15") or quiet hours ("22:00-07:00").
 * Each returns the canonical text, or the reason it could not.
 */

export type Parsed = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): Parsed => ({ ok: false, reason });

/** "7:30", "07.30", "19:30", "7pm", "7:30 pm", "0730" → "HH:MM". */
export function parseTime(text: string): Parsed {
  const minute = readMinute(text);
  return minute === undefined ? fail('Could you write the time like 07:30 or 7:30pm?') : { ok: true, value: formatMinute(minute) };
}

function readMinute(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const half = m[3]?.[0];
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23) return undefined;
  return hour * 60 + minute;
}

const dayNames: ReadonlyArray<readonly string[]> = [
  ['mon', 'monday', 'lun', 'lunes', 'mo'],
  ['tue', 'tues', 'tuesday', 'mar', 'martes', 'tu'],
  ['wed', 'wednesday', 'mie', 'miercoles', 'we'],
  ['thu', 'thur', 'thurs', 'thursday', 'jue', 'jueves', 'th'],
  ['fri', 'friday', 'vie', 'viernes', 'fr'],
  ['sat', 'saturday', 'sab', 'sabado', 'sa'],
  ['sun', 'sunday', 'dom', 'domingo', 'su'],
];

/** "mon wed fri", "Monday, Thursday", "lunes y jueves" → "mon,wed,fri" (canonical, Monday first). */
export function parseWeekdays(text: string): Parsed {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z]+/)
    .filter((w) => w && !['and', 'y', 'e', 'or'].includes(w));
  let days = 0;
  for (const word of words) {
    const d = dayNames.findIndex((names) => names.includes(word));
    if (d < 0) return fail(`I didn't recognise "${word.slice(0, 20)}" as a day. Try something like: mon wed fri.`);
    days |= 1 << d;
  }
  if (days === 0) return fail('Which days? For example: mon wed fri.');
  return { ok: true, value: daysToText(days) };
}

export function daysToText(days: number): string {
  return dayNames.flatMap((names, d) => (days & (1 << d) ? [names[0]!] : [])).join(',');
}

export function textToDays(text: string): number {
  return text.split(',').reduce((bits, name) => {
    const d = dayNames.findIndex((names) => names[0] === name);
    return d < 0 ? bits : bits | (1 << d);
  }, 0);
}

let zoneNames: readonly string[] | undefined;

/** "Europe/Berlin", "europe/berlin", "Berlin", "new york", "UTC" → the IANA name. */
export function parseTimeZone(text: string): Parsed {
  const t = text.trim();
  if (!t || t.length > 64) return fail('Which time zone? For example Europe/London or America/Chicago, or just a city like Berlin.');
  zoneNames ??= Intl.supportedValuesOf('timeZone');
  const wanted = t.toLowerCase().replace(/\s+/g, '_');
  const exact = zoneNames.find((z) => z.toLowerCase() === wanted);
  if (exact) return { ok: true, value: exact };
  const byCity = zoneNames.filter((z) => z.toLowerCase().split('/').at(-1) === wanted);
  if (byCity.length === 1) return { ok: true, value: byCity[0]! };
  if (/^[a-z_]+\/[a-z_]+$/i.test(t) && isTimeZone(t)) return { ok: true, value: t };
  if (/^utc$|^gmt$/i.test(t)) return { ok: true, value: 'UTC' };
  return fail("I couldn't find that time zone. Try a name like Europe/Madrid or America/Denver, or the nearest big city.");
}

/** "2027-01-15", "15/01/2027", "15.1.2027" → "2027-01-15" (day first, as most of the world writes it). */
export function parseDate(text: string): Parsed {
  const t = text.trim();
  let y: number, m: number, d: number;
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (isoLike) [y, m, d] = [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3])];
  else if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else return fail('Could you write the date like 2027-01-15?');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail("That date doesn't exist on the calendar. Could you check it?");
  return { ok: true, value: formatDate({ year: y, month: m, day: d }) };
}

/** "22:00-07:00", "10pm to 7am" → "22:00-07:00". */
export function parseQuietHours(text: string): Parsed {
  const parts = text.split(/\s*(?:-|–|—|to|until|a|hasta)\s*/i).filter(Boolean);
  if (parts.length !== 2) return fail('Could you write the quiet hours like 22:00-07:00?');
  const start = readMinute(parts[0]!);
  const end = readMinute(parts[1]!);
  if (start === undefined || end === undefined) return fail('Could you write the quiet hours like 22:00-07:00?');
  if (start === end) return fail('The quiet hours start and end at the same time. Could you give two different times?');
  return { ok: true, value: `${formatMinute(start)}-${formatMinute(end)}` };
}

export function minuteOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
