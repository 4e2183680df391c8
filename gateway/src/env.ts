import { commonEnvShape, parseEnv, port } from '@behorig/kit';
import { z } from 'zod';

/** The only reader of process.env in the gateway: configuration is validated once at start-up and a bad value stops it (docs/architecture.md). */
export const loadEnv = () =>
  parseEnv({
    ...commonEnvShape,
    GATEWAY_PORT: port(4000),
    /** Override the subgraph URLs recorded in the supergraph (docker-compose, other hosts). */
    ORGANISATIONS_URL: z.string().url().optional(),
    ACCESS_URL: z.string().url().optional(),
    SIGNING_URL: z.string().url().optional(),
    /** The Sandbox landing page and introspection; default on outside production. */
    SANDBOX: z.enum(['true', 'false']).optional(),
  });
export type Env = ReturnType<typeof loadEnv>;
