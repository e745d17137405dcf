import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Free text people write (notes, their own words for a feeling) is encrypted at rest with AES-256-GCM.
 * Stored as `enc:v1:<base64 of iv | tag | ciphertext>`. A wrong key fails loudly; it never yields garbage.
 */
const PREFIX = 'enc:v1:';

export class DecryptionError extends Error {
  constructor(options?: ErrorOptions) {
    super('a stored note could not be decrypted: ENCRYPTION_KEY is not the key it was written with', options);
    this.name = 'DecryptionError';
  }
}

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export class NoteCipher {
  private constructor(private readonly key: Buffer) {}

  /** From 32 bytes given as 64 hex characters or base64. */
  static fromString(encoded: string): NoteCipher {
    const text = encoded.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== 32) throw new KeyError('ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)');
    return new NoteCipher(key);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored; // written before encryption existed
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new DecryptionError({ cause: error });
    }
  }

  /**
   * A stable, unguessable name for `text` (a chat id in a Redis key): the same text always gives the same name, and
   * without the key nobody can tell which chat a name stands for (chat ids are short numbers, easy to try them all).
   */
  keyedName(text: string): string {
    return createHmac('sha256', this.key).update(`tether-name:${text}`).digest('base64url').slice(0, 32);
  }

  encryptOptional(plain: string | null): string | null {
    return plain === null ? null : this.encrypt(plain);
  }

  decryptOptional(stored: string | null): string | null {
    return stored === null ? null : this.decrypt(stored);
  }
}

/**
 * The key: ENCRYPTION_KEY when set. Without it, production refuses to start; anywhere else a key is made once and
 * kept in `keyFile` (git-ignored), so a developer's notes stay readable across restarts.
 */
export function loadNoteCipher(options: { key: string | undefined; production: boolean; keyFile: string }): NoteCipher {
  if (options.key) return NoteCipher.fromString(options.key);
  if (options.production) {
    throw new KeyError('ENCRYPTION_KEY is required in production (NODE_ENV=production): generate one with `openssl rand -hex 32`');
  }
  if (!existsSync(options.keyFile)) {
    mkdirSync(dirname(options.keyFile), { recursive: true });
    writeFileSync(options.keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  }
  return NoteCipher.fromString(readFileSync(options.keyFile, 'utf8'));
}
