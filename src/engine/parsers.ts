import { settingParsers } from '../community/settings.js';
import { parseDate, parseQuietHours, parseTime, parseTimeZone, parseWeekdays, type Parsed } from '../schedule/parse.js';

/**
 * The formats a flow's text step can read (`parse: 'time'`): the answer is stored in its canonical form, and a
 * value that cannot be read gets the parser's own explanation of how to write it.
 */
export const textParsers = {
  time: parseTime,
  weekdays: parseWeekdays,
  'time-zone': parseTimeZone,
  date: parseDate,
  'quiet-hours': parseQuietHours,
  ...settingParsers,
  /** A /link code as shown ("K7PX-M3"), typed with or without the dash, in any case. */
  'link-code': (text: string) => {
    const code = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return /^[A-Z2-9]{6}$/.test(code) ? { ok: true, value: code } : { ok: false, reason: 'A code has six letters and numbers, like K7PX-M3. Could you check it?' };
  },
} as const satisfies Record<string, (text: string) => Parsed>;

export type TextParserName = keyof typeof textParsers;
