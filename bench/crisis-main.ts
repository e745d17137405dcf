/**
 * `npm run bench:crisis`: the crisis screen alone (a minute): every labelled set per language and kind, in-sample
 * sets marked as such, generated harmless sentences, and screening time by message shape. `npm run bench` prints
 * the same among the rest.
 */
import { printCrisisReport } from './crisis-report.js';

printCrisisReport();
