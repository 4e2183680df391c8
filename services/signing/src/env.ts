import { join } from 'node:path';
import { repoRoot } from '@behorig/kit/db';
import { assertProductionSecrets, commonEnvShape, parseEnv, port } from '@behorig/kit/server';
import { z } from 'zod';

const bankIdDir = () => join(repoRoot(), '.data', 'bankid');

/** The only reader of process.env in this service: configuration is validated once at start-up and a bad value stops it (docs/architecture.md). */
export const loadEnv = (source: NodeJS.ProcessEnv = process.env) => {
  const env = parseEnv({
    ...commonEnvShape,
    SIGNING_PORT: port(4003),
    /** The private ES256 key (a JWK as JSON) that signs session tokens and receipts. Required in production. */
    SIGNING_PRIVATE_JWK: z.string().optional(),
    /** Development only: where a generated key is kept between runs. */
    SIGNING_KEY_FILE: z.string().default(join(repoRoot(), '.data', 'keys', 'signing-key.json')),
    /** Comma-separated personal numbers of the authority's staff. Development default: the demo authority; production: required. */
    AUTHORITY_PERSONAL_NUMBERS: z.string().optional(),
    TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
    /**
     * R-USR-5: correct a person's name from BankID at their log-in. Default: on in production (real
     * BankID), off in development, where the simulator makes names up for numbers it does not know.
     */
    BANKID_NAME_CORRECTION: z.enum(['on', 'off']).optional(),
    /** R-AUDIT-4: at most this many seconds between an organisation's latest audit event and its signed checkpoint. */
    AUDIT_CHECKPOINT_SECONDS: z.coerce.number().positive().max(3600).default(10),
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** The access subgraph's GraphQL endpoint (permission questions: `myAccess`). */
    ACCESS_URL: z.string().url().default('http://localhost:4002/graphql'),
    /** A direct PostgreSQL URL for LISTEN (decision cache, R-SCOPE-4); default DATABASE_URL. Never a transaction-pooling PgBouncer (docs/deploy.md). */
    PERMISSION_LISTEN_URL: z.string().url().optional(),
    /** The access service's base URL for its /internal/... endpoints. */
    ACCESS_INTERNAL_URL: z.string().url().default('http://localhost:4002'),
    /** BankID RP API v6.0 base URL: the local simulator by default; BankID's test or production service by configuration. */
    BANKID_URL: z.string().url().optional(),
    /** Where the simulator keeps its CA and certificates (and the defaults below point). */
    BANKID_SIMULATOR_DIR: z.string().default(bankIdDir()),
    /** PEM of the CA that issued BankID's server certificate. Default: the simulator's CA. */
    BANKID_CA_FILE: z.string().optional(),
    /** Our RP client certificate and key as PEM… */
    BANKID_CLIENT_CERT_FILE: z.string().optional(),
    BANKID_CLIENT_KEY_FILE: z.string().optional(),
    /** …or as the PKCS#12 file BankID issues, with its passphrase. */
    BANKID_PFX_FILE: z.string().optional(),
    BANKID_PASSPHRASE: z.string().optional(),
    BANKID_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Seals personal numbers at rest (kit vault), the same key as access's. Required in production. */
    PERSONAL_NUMBER_KEY: z.string().refine((v) => Buffer.from(v.trim(), 'base64').length === 32, 'must be base64 of exactly 32 bytes').optional(),
    PERSONAL_NUMBER_KEY_FILE: z.string().default(join(repoRoot(), '.data', 'keys', 'personal-number-key')),
    /** R-SIGN-7: how often open BankID orders are collected by the service itself (BankID recommends 2 s). */
    BANKID_COLLECT_INTERVAL_MS: z.coerce.number().int().min(500).max(10_000).default(2000),
    // R-HOOK-1: wait before a failed webhook delivery's first retry (the rule asks for one within 30 s).
    WEBHOOK_FIRST_RETRY_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
    // How often an idle job runner looks for due jobs (docs/architecture.md, "Scheduled work").
    JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  }, source);
  assertProductionBankId(env);
  if (env.NODE_ENV === 'production' && !env.PERSONAL_NUMBER_KEY) {
    throw new Error('PERSONAL_NUMBER_KEY is required in production: refusing to start with a generated development key.');
  }
  if (env.NODE_ENV === 'production' && !env.SIGNING_PRIVATE_JWK) {
    throw new Error('SIGNING_PRIVATE_JWK is required in production: refusing to start with a generated development key.');
  }
  assertProductionSecrets(env);
  return {
    ...env,
    AUTHORITY_PERSONAL_NUMBERS: env.AUTHORITY_PERSONAL_NUMBERS ?? DEMO_AUTHORITY,
    BANKID_URL: env.BANKID_URL ?? 'https://localhost:4010/rp/v6.0/',
    BANKID_CA_FILE: env.BANKID_CA_FILE ?? join(env.BANKID_SIMULATOR_DIR, 'ca.pem'),
    BANKID_CLIENT_CERT_FILE: env.BANKID_CLIENT_CERT_FILE ?? join(env.BANKID_SIMULATOR_DIR, 'client.pem'),
    BANKID_CLIENT_KEY_FILE: env.BANKID_CLIENT_KEY_FILE ?? join(env.BANKID_SIMULATOR_DIR, 'client-key.pem'),
  };
};
export type Env = ReturnType<typeof loadEnv>;

/** The demo data's authority (Tolvan Tolvansson): a development convenience, never a production default. */
const DEMO_AUTHORITY = '191212121212';

/**
 * Production names its BankID environment and its authority explicitly: with defaults, a
 * deployment would talk to the simulator's address with the simulator's certificates, or make
 * whoever holds a test BankID for the demo number the authority. Each missing variable is named.
 */
export function assertProductionBankId(env: {
  NODE_ENV: string; AUTHORITY_PERSONAL_NUMBERS?: string; BANKID_URL?: string; BANKID_CA_FILE?: string;
  BANKID_PFX_FILE?: string; BANKID_CLIENT_CERT_FILE?: string; BANKID_CLIENT_KEY_FILE?: string;
}): void {
  if (env.NODE_ENV !== 'production') return;
  const missing: string[] = [];
  if (!env.AUTHORITY_PERSONAL_NUMBERS?.trim()) missing.push('AUTHORITY_PERSONAL_NUMBERS (the authority staff\'s personal numbers)');
  if (!env.BANKID_URL) missing.push('BANKID_URL (BankID\'s production or test RP API)');
  if (!env.BANKID_CA_FILE) missing.push('BANKID_CA_FILE (the CA of BankID\'s server certificate)');
  if (!env.BANKID_PFX_FILE && !(env.BANKID_CLIENT_CERT_FILE && env.BANKID_CLIENT_KEY_FILE)) missing.push('BANKID_PFX_FILE or BANKID_CLIENT_CERT_FILE + BANKID_CLIENT_KEY_FILE (this relying party\'s certificate)');
  if (missing.length) throw new Error(`Production needs an explicitly configured BankID environment and authority; set:\n  ${missing.join('\n  ')}`);
}

/** The BankID simulator launcher's settings (`npm run bankid-simulator` / `npm start`). */
export const loadSimulatorEnv = () =>
  parseEnv({
    NODE_ENV: commonEnvShape.NODE_ENV,
    BANKID_SIMULATOR_DIR: z.string().default(bankIdDir()),
    BANKID_SIMULATOR_RP_PORT: port(4010),
    BANKID_SIMULATOR_CONTROL_PORT: port(4011),
    /** Interface of the RP API (the control API is always loopback-only). */
    BANKID_SIMULATOR_HOST: z.string().default('127.0.0.1'),
  });
