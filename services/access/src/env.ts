import { join } from 'node:path';
import { assertProductionSecrets, commonEnvShape, parseEnv, port } from '@behorig/kit/server';
import { repoRoot } from '@behorig/kit/db';
import { z } from 'zod';

/** The only reader of process.env in this service: configuration is validated once at start-up and a bad value stops it (docs/architecture.md). */
export const loadEnv = () => {
  const env = parseEnv({
    ...commonEnvShape,
    ACCESS_PORT: port(4002),
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** The signing service's internal endpoints (sign orders). */
    SIGNING_INTERNAL_URL: z.string().url().default('http://localhost:4003'),
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
    /**
     * Base64 of 32 random bytes: encrypts personal identity numbers at rest and keys their look-up
     * hash (kit personal-number-vault). Required in production; losing it makes every stored number
     * unreadable. Generate one with `openssl rand -base64 32`.
     */
    PERSONAL_NUMBER_KEY: z.string().refine((v) => Buffer.from(v.trim(), 'base64').length === 32, 'must be base64 of exactly 32 bytes').optional(),
    /** Development only: where a generated key is kept between runs (like the signing key). */
    PERSONAL_NUMBER_KEY_FILE: z.string().default(join(repoRoot(), '.data', 'keys', 'personal-number-key')),
    /**
     * R-NOTE-1 digest mail: smtp:// or smtps:// URL of the mail server (the Kubernetes secret
     * behorig-smtp). Unset = development: each mail is written as an .eml file to MAIL_DIR.
     */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
    SMTP_FROM: z.string().min(1, 'must not be empty').default('Behörig <no-reply@behorig.invalid>'),
    MAIL_DIR: z.string().default(join(repoRoot(), '.data', 'mail')),
    /** How often an idle job runner looks for due jobs (R-REV-1 deadlines, R-NOTE-1 digest). */
    JOB_POLL_MS: z.coerce.number().int().positive().default(5000),
  });
  if (env.NODE_ENV === 'production' && !env.PERSONAL_NUMBER_KEY) {
    throw new Error('PERSONAL_NUMBER_KEY is required in production: refusing to start with a generated development key.');
  }
  assertProductionSecrets(env);
  return env;
};
export type Env = ReturnType<typeof loadEnv>;
