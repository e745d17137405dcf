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
} as const satisfies Record<string, (text: string) => Parsed>;

export type TextParserName = keyof typeof textParsers;
