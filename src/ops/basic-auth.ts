import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/**
 * Whether a request carries these credentials (HTTP basic auth). Both parts are hashed before comparing, so the
 * comparison takes the same time whatever was sent, including its length, and both are always compared.
 */
export function hasCredentials(req: IncomingMessage, expected: Credentials): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? '' : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const userOk = timingSafeEqual(digest(user), digest(expected.user));
  const passwordOk = timingSafeEqual(digest(password), digest(expected.password));
  return match !== null && colon >= 0 && userOk && passwordOk;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
