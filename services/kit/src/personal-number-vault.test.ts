import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createPersonalNumberVault, generatePersonalNumberKey, loadOrCreateDevPersonalNumberKey, personalNumberKeyFrom } from './personal-number-vault';

const KEY = Buffer.alloc(32, 7);
const PNR = '197810175557';

describe('personal-number vault (R-USR-1: personal numbers encrypted at rest)', () => {
  const vault = createPersonalNumberVault(KEY);

  it('R-USR-1: seal then open gives the number back; the ciphertext does not contain it', () => {
    const sealed = vault.seal(PNR);
    expect(vault.open(sealed.ciphertext)).toBe(PNR);
    expect(sealed.ciphertext).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed.ciphertext).not.toContain(PNR);
    expect(Buffer.from(sealed.ciphertext.slice(3), 'base64url').toString('latin1')).not.toContain(PNR);
  });

  it('R-USR-1: a random IV per seal — equal numbers give different ciphertexts but the same look-up hash', () => {
    const a = vault.seal(PNR);
    const b = vault.seal(PNR);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(vault.hash(PNR));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-USR-1: the hash is keyed — another key gives another hash, and it is not a plain SHA/HMAC under the configured key', () => {
    const other = createPersonalNumberVault(Buffer.alloc(32, 8));
    expect(other.hash(PNR)).not.toBe(vault.hash(PNR));
    // HKDF separates the look-up key from the configured key (and from the encryption key).
    expect(vault.hash(PNR)).not.toBe(createHmac('sha256', KEY).update(PNR).digest('hex'));
  });

  it('R-USR-1: a wrong key, an edited ciphertext or garbage never opens', () => {
    const sealed = vault.seal(PNR);
    expect(() => createPersonalNumberVault(Buffer.alloc(32, 9)).open(sealed.ciphertext)).toThrow();
    const packed = Buffer.from(sealed.ciphertext.slice(3), 'base64url');
    packed[14] ^= 1;
    expect(() => vault.open(`v1.${packed.toString('base64url')}`)).toThrow();
    expect(() => vault.open('v2.AAAA')).toThrow(/format/);
    expect(() => vault.open('v1.AAAA')).toThrow(/short/);
    expect(() => vault.open(PNR)).toThrow();
  });

  it('keys: accepts 32 raw bytes or their base64, refuses anything else', () => {
    const b64 = generatePersonalNumberKey();
    expect(personalNumberKeyFrom(b64)).toHaveLength(32);
    expect(createPersonalNumberVault(b64).hash(PNR)).toBe(createPersonalNumberVault(Buffer.from(b64, 'base64')).hash(PNR));
    expect(() => createPersonalNumberVault(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => createPersonalNumberVault('not-a-key')).toThrow(/32 bytes/);
    expect(() => vault.hash('')).toThrow();
  });

  it('property: any string round-trips and hashes deterministically', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 64 }), (s) => {
      const sealed = vault.seal(s);
      return vault.open(sealed.ciphertext) === s && sealed.hash === vault.hash(s);
    }), { numRuns: 200 });
  });

  it('development key: generated once into a 0600 file, then reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pnr-key-'));
    try {
      const path = join(dir, 'keys', 'personal-number-key');
      const first = loadOrCreateDevPersonalNumberKey(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(loadOrCreateDevPersonalNumberKey(path).equals(first)).toBe(true);
      expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
