import { settingParsers } from '../community/settings.js';
import { readCode } from '../engine/code-format.js';
import type { TextParser } from '../engine/flow.js';
import { parseDate, parseQuietHours, parseTime, parseTimeZone, parseWeekdays } from '../schedule/parse.js';

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
  /** A /link or supporter code as shown ("K7PX-M3QA"), typed with or without the dash, in any case. */
  'link-code': (text: string) => {
    const code = readCode(text);
    return code ? { ok: true, value: code } : { ok: false, reason: 'A code has eight letters and numbers, like K7PX-M3QA. Could you check it?' };
  },
} as const satisfies Record<string, TextParser>;

