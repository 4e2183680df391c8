import { loadOrCreateDevSigningKey, signingKeyFromJwk, type SigningKey } from '@behorig/kit/auth';
import { parsePersonalNumber } from '@behorig/kit/identity';
import type { Env } from '../../env';

/** The configured key in production; in development a generated one kept under .data/keys/. */
export async function loadSigningKey(env: Env): Promise<SigningKey> {
  if (env.SIGNING_PRIVATE_JWK) return signingKeyFromJwk(JSON.parse(env.SIGNING_PRIVATE_JWK));
  return loadOrCreateDevSigningKey(env.SIGNING_KEY_FILE);
}

/** AUTHORITY_PERSONAL_NUMBERS in canonical 12-digit form; a bad entry stops start-up. */
export function authorityNumbers(env: Env): Set<string> {
  return new Set(
    env.AUTHORITY_PERSONAL_NUMBERS.split(',').map((s) => s.trim()).filter(Boolean).map((n) => parsePersonalNumber(n, 'AUTHORITY_PERSONAL_NUMBERS').canonical),
  );
}
