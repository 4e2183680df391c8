import { z } from 'zod';

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
  /** Shared secret of the service-to-service `/internal/...` endpoints (see internal-auth.ts). */
  INTERNAL_SECRET: z.string().min(16).default('behorig-dev-internal-secret'),
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

/** Fails fast when production runs with a development default. */
export function assertProductionSecrets(env: { NODE_ENV: string; INTERNAL_SECRET: string }): void {
  if (env.NODE_ENV === 'production' && env.INTERNAL_SECRET === 'behorig-dev-internal-secret') {
    throw new Error('INTERNAL_SECRET must be set in production (the development default is refused).');
  }
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Read once at import: the rest of the kit takes explicit arguments, only defaults come from here. */
export const rawEnv = (name: string): string | undefined => process.env[name];
