import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Personal identity numbers at rest (R-USR-1): a database dump, a backup or a replica
 * must not reveal them. Each number is stored twice, neither time readable without the key:
 *
 * - `ciphertext`: AES-256-GCM with a fresh random 96-bit IV per value, so equal numbers give
 *   different ciphertexts and any tampering fails authentication on `open`;
 * - `hash`: HMAC-SHA256 under a separate key, deterministic, so "find the person with this
 *   number" and UNIQUE constraints work on the hash without decrypting anything.
 *
 * Both keys are derived with HKDF-SHA256 from ONE configured 32-byte key, so operators manage a
 * single secret while the two uses can never share key material. Pure node:crypto and no I/O in
 * `seal`/`open`/`hash`: scripts (the scale-data generator) can seal rows themselves.
 *
 * Callers pass the CANONICAL 12-digit form (kit `parsePersonalNumber(...).canonical`): the hash of
 * "19781017-5555" and "197810175555" differ on purpose — the vault does not guess formats.
 */
export interface SealedPersonalNumber {
  /** Hex HMAC-SHA256 (64 characters): the look-up and uniqueness key. */
  hash: string;
  /** `v1.<base64url(iv ‖ ciphertext ‖ tag)>`: only `open` with the same key reads it. */
  ciphertext: string;
}

export interface PersonalNumberVault {
  seal(personalNumber: string): SealedPersonalNumber;
  open(ciphertext: string): string;
  hash(personalNumber: string): string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
// Fixed, public HKDF parameters: they separate the two derived keys, they are not secrets.
const HKDF_SALT = Buffer.from('behorig/personal-number-vault/v1');
const ENCRYPTION_INFO = Buffer.from('aes-256-gcm encryption');
const LOOKUP_INFO = Buffer.from('hmac-sha256 look-up');
// Binds ciphertexts to their purpose: a value sealed for something else does not open here.
const AAD = Buffer.from('behorig:personal-number');

/** Accepts the raw 32 bytes or their base64 form (what `PERSONAL_NUMBER_KEY` holds). */
export function personalNumberKeyFrom(keyMaterial: Buffer | Uint8Array | string): Buffer {
  const key = typeof keyMaterial === 'string' ? Buffer.from(keyMaterial.trim(), 'base64') : Buffer.from(keyMaterial);
  if (key.length !== KEY_BYTES) {
    throw new Error(`The personal-number key must be ${KEY_BYTES} bytes (base64 of 32 random bytes); got ${key.length}.`);
  }
  return key;
}

/** A fresh key, base64: `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"` does the same. */
export const generatePersonalNumberKey = (): string => randomBytes(KEY_BYTES).toString('base64');

export function createPersonalNumberVault(keyMaterial: Buffer | Uint8Array | string): PersonalNumberVault {
  const master = personalNumberKeyFrom(keyMaterial);
  const encryptionKey = Buffer.from(hkdfSync('sha256', master, HKDF_SALT, ENCRYPTION_INFO, KEY_BYTES));
  const lookupKey = Buffer.from(hkdfSync('sha256', master, HKDF_SALT, LOOKUP_INFO, KEY_BYTES));

  const hash = (personalNumber: string): string => {
    if (typeof personalNumber !== 'string' || personalNumber.length === 0) throw new Error('A personal number to hash must be a non-empty string.');
    return createHmac('sha256', lookupKey).update(personalNumber, 'utf8').digest('hex');
  };

  return {
    hash,
    seal(personalNumber) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(personalNumber, 'utf8'), cipher.final()]);
      const packed = Buffer.concat([iv, body, cipher.getAuthTag()]);
      return { hash: hash(personalNumber), ciphertext: `${VERSION}.${packed.toString('base64url')}` };
    },
    open(ciphertext) {
      const [version, payload] = String(ciphertext).split('.', 2);
      if (version !== VERSION || !payload) throw new Error('Not a sealed personal number (unknown format).');
      const packed = Buffer.from(payload, 'base64url');
      if (packed.length < IV_BYTES + TAG_BYTES + 1) throw new Error('Not a sealed personal number (too short).');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, packed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(AAD);
      decipher.setAuthTag(packed.subarray(packed.length - TAG_BYTES));
      // final() throws when the tag does not verify: a wrong key or an edited value never opens.
      return Buffer.concat([decipher.update(packed.subarray(IV_BYTES, packed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * Development only (like `loadOrCreateDevSigningKey`): a generated key kept in a file (mode 0600)
 * so sealed numbers stay readable across restarts. Production must configure the key; losing it
 * makes every stored number unreadable and every look-up miss.
 */
export function loadOrCreateDevPersonalNumberKey(path: string): Buffer {
  if (existsSync(path)) return personalNumberKeyFrom(readFileSync(path, 'utf8'));
  const key = generatePersonalNumberKey();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return personalNumberKeyFrom(key);
}
