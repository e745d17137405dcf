/**
 * One-time codes (/link, supporter invitations) as people see and type them. Letters and digits that cannot be
 * mistaken for each other (no 0/O, no 1/I); eight of 32 symbols is 40 bits. With few live codes at a time and five
 * failed tries an hour per person (store/code-tries.ts), guessing someone's code is out of reach.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A code as typed ("k7px m3qa", "K7PX-M3QA"): upper case, letters and digits only; undefined if it cannot be one. */
export function readCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return CODE.test(code) ? code : undefined;
}

/** How a code is shown: "K7PX-M3QA". */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
