import { assertProductionSecrets, commonEnvShape, parseEnv, port } from '@behorig/kit/server';
import { z } from 'zod';

/** The only reader of process.env in this service: configuration is validated once at start-up and a bad value stops it (docs/architecture.md). */
export const loadEnv = () => {
  const env = parseEnv({
    ...commonEnvShape,
    ORGANISATIONS_PORT: port(4001),
    /** Load the seeds' demo organisations on start-up (npm start sets it in development). */
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** The access subgraph, asked "may this caller do F in organisation O?" (myAccess). */
    ACCESS_URL: z.string().url().default('http://localhost:4002/graphql'),
    /** A direct PostgreSQL URL for LISTEN (decision cache, R-SCOPE-4); default DATABASE_URL. Never a transaction-pooling PgBouncer (docs/deploy.md). */
    PERMISSION_LISTEN_URL: z.string().url().optional(),
    /** The access service's internal endpoints, where the unit fact relay delivers units' and organisations' facts. */
    ACCESS_INTERNAL_URL: z.string().url().default('http://localhost:4002'),
    /** The signing service, where the outbox relay delivers audit events. */
    SIGNING_INTERNAL_URL: z.string().url().default('http://localhost:4003'),
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  });
  assertProductionSecrets(env);
  return env;
};
export type Env = ReturnType<typeof loadEnv>;
