/** `@behorig/kit/vault`: personal numbers sealed at rest (AES-256-GCM) with a keyed hash for look-ups. */
export * from '../personal-number-vault';
