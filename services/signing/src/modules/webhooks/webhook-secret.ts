import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * R-HOOK-1: a subscription's signing secret. Standard Webhooks secrets are `whsec_` + base64 of
 * random bytes; the receiver gets it once, the service keeps it sealed (AES-256-GCM under a key
 * derived from the deployment's PERSONAL_NUMBER_KEY, so every replica can unseal it) because it
 * must read it back to sign each delivery.
 */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export interface SecretSealer { seal: (secret: string) => string; unseal: (sealed: string) => string }

export function createSecretSealer(keyMaterial: Buffer): SecretSealer {
  const key = Buffer.from(hkdfSync('sha256', keyMaterial, Buffer.alloc(0), 'behorig webhook secret v1', 32));
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const enc = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${enc.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    unseal(sealed) {
      const [v, iv, enc, tag] = sealed.split('.');
      if (v !== 'v1' || !iv || !enc || !tag) throw new Error('Not a sealed webhook secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(enc, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
