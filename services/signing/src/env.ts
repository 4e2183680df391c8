import { join } from 'node:path';
import { commonEnvShape, parseEnv, port, repoRoot } from '@behorig/kit';
import { z } from 'zod';

/** The only reader of process.env in this service (house style 6). */
export const loadEnv = () => {
  const env = parseEnv({
    ...commonEnvShape,
    SIGNING_PORT: port(4003),
    /** The private ES256 key (a JWK as JSON) that signs session tokens and receipts. Required in production. */
    SIGNING_PRIVATE_JWK: z.string().optional(),
    /** Development only: where a generated key is kept between runs. */
    SIGNING_KEY_FILE: z.string().default(join(repoRoot(), '.data', 'keys', 'signing-key.json')),
    /** Comma-separated personal numbers of the authority's staff. */
    AUTHORITY_PERSONAL_NUMBERS: z.string().default('191212121212'),
    TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  });
  if (env.NODE_ENV === 'production' && !env.SIGNING_PRIVATE_JWK) {
    throw new Error('SIGNING_PRIVATE_JWK is required in production: refusing to start with a generated development key.');
  }
  return env;
};
export type Env = ReturnType<typeof loadEnv>;
