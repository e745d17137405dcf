import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, KeyError, NoteCipher, loadNoteCipher } from '../../src/crypto/note-cipher.js';

const key = () => randomBytes(32).toString('hex');

describe('notes at rest', () => {
  it('encrypts with a fresh nonce each time and reads back what was written', () => {
    const cipher = NoteCipher.fromString(key());
    const a = cipher.encrypt('a hard evening, called my sponsor');
    const b = cipher.encrypt('a hard evening, called my sponsor');
    expect(a).toMatch(/^enc:v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('sponsor');
    expect(cipher.decrypt(a)).toBe('a hard evening, called my sponsor');
    expect(cipher.decryptOptional(null)).toBeNull();
  });

  it('fails clearly with the wrong key, never returning garbage', () => {
    const stored = NoteCipher.fromString(key()).encrypt('private');
    expect(() => NoteCipher.fromString(key()).decrypt(stored)).toThrow(DecryptionError);
    expect(() => NoteCipher.fromString(key()).decrypt(stored)).toThrow(/ENCRYPTION_KEY is not the key it was written with/);
  });

  it('detects a tampered note', () => {
    const cipher = NoteCipher.fromString(key());
    const stored = cipher.encrypt('private');
    const raw = Buffer.from(stored.slice('enc:v1:'.length), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`enc:v1:${raw.toString('base64')}`)).toThrow(DecryptionError);
  });

  it('refuses to start in production without a key', () => {
    expect(() => loadNoteCipher({ key: undefined, production: true, keyFile: '/nonexistent/key' })).toThrow(KeyError);
    expect(() => NoteCipher.fromString('too-short')).toThrow(KeyError);
  });

  it('generates a key once for local use, readable only by its owner, and keeps using it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tether-key-')), 'nested', 'encryption.key');
    const first = loadNoteCipher({ key: undefined, production: false, keyFile: file });
    const written = readFileSync(file, 'utf8');
    expect(written.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadNoteCipher({ key: undefined, production: false, keyFile: file });
    expect(second.decrypt(first.encrypt('same key'))).toBe('same key');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });
});
