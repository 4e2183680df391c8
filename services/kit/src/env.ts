import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './db';
import { loadServiceCredentials, type ServiceCredentials, type ServiceName } from './service-credentials';

/**
 * The one place in the code base that reads `process.env`. Each service declares its own
 * zod schema (in its own `env.ts`) and calls this; a bad or missing value stops the process
 * at start-up with a message naming the variable, instead of failing later on first use.
 */
export function parseEnv<T extends z.ZodRawShape>(shape: T, source: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Variables every service shares; services extend this shape. */
export const commonEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  /** Where the signing service publishes its public keys; every verifier fetches them from here. */
  JWKS_URL: z.string().url().default('http://localhost:4003/.well-known/jwks.json'),
  WEB_ORIGIN: z.string().default('http://localhost:5173'),
  /** The interface a subgraph listens on: loopback unless a container or host says otherwise (docs/security.md). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Service credentials (R-AUTH-4, docs/security.md): this service's private ES256 JWK, and the
   * public keys of the services it accepts calls from (JSON: name → JWK or JWKS). Both required in
   * production; in development a key is generated under SERVICE_KEYS_DIR (`.data/keys/`) instead.
   */
  SERVICE_PRIVATE_JWK: z.string().optional(),
  SERVICE_PUBLIC_KEYS: z.string().optional(),
  SERVICE_KEYS_DIR: z.string().optional(),
  /**
   * Subgraphs: apply pending migrations at start-up (under an advisory lock, so replicas may start
   * together). `false` when a migration job owns them (`node dist/migrate.js`, docs/deploy.md):
   * the service then waits at start-up until they are applied.
   */
  MIGRATE_AT_START: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Subgraphs: the most database connections one process holds (plus one for its outbox relay). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
  /** OpenTelemetry traces, off unless these ask for them (tracing.ts, docs/operations.md). */
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
};

/** The migration job needs only the database (no keys or secrets of the service it migrates). */
export const migrationJobEnvShape = {
  LOG_LEVEL: commonEnvShape.LOG_LEVEL,
  DATABASE_URL: z.string().url(),
};

/** Fails fast when production would run with generated development keys (there are no default secrets). */
export function assertProductionSecrets(env: { NODE_ENV: string; SERVICE_PRIVATE_JWK?: string; SERVICE_PUBLIC_KEYS?: string }): void {
  if (env.NODE_ENV !== 'production') return;
  const missing = [!env.SERVICE_PRIVATE_JWK && 'SERVICE_PRIVATE_JWK', !env.SERVICE_PUBLIC_KEYS && 'SERVICE_PUBLIC_KEYS'].filter(Boolean);
  if (missing.length) throw new Error(`${missing.join(' and ')} must be set in production: services authenticate to each other with their own keys (docs/security.md).`);
}

/** This service's credentials as its environment configures them (kit service-credentials.ts). */
export async function serviceCredentialsFromEnv(
  service: ServiceName,
  env: { NODE_ENV: string; SERVICE_PRIVATE_JWK?: string; SERVICE_PUBLIC_KEYS?: string; SERVICE_KEYS_DIR?: string },
): Promise<ServiceCredentials> {
  return loadServiceCredentials({
    service, production: env.NODE_ENV === 'production', privateJwk: env.SERVICE_PRIVATE_JWK, publicKeys: env.SERVICE_PUBLIC_KEYS,
    keysDir: env.SERVICE_KEYS_DIR ?? join(repoRoot(), '.data', 'keys'),
  });
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Read once at import: the rest of the kit takes explicit arguments, only defaults come from here. */
export const rawEnv = (name: string): string | undefined => process.env[name];
