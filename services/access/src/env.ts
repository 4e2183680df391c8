import { assertProductionSecrets, commonEnvShape, parseEnv, port } from '@behorig/kit';
import { z } from 'zod';

/** The only reader of process.env in this service (house style 6). */
export const loadEnv = () => {
  const env = parseEnv({
    ...commonEnvShape,
    ACCESS_PORT: port(4002),
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Units and organisations are fetched by reference from here (R-ORG-3). */
    ORGANISATIONS_URL: z.string().url().default('http://localhost:4001/graphql'),
    /** The signing service's internal endpoints (sign orders). */
    SIGNING_INTERNAL_URL: z.string().url().default('http://localhost:4003'),
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  });
  assertProductionSecrets(env);
  return env;
};
export type Env = ReturnType<typeof loadEnv>;
