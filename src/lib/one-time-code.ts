import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../engine/code-format.js';

export { formatCode } from '../engine/code-format.js';

/** A fresh code a person reads on one screen and types on another (/link, /supporters). */
export function oneTimeCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
