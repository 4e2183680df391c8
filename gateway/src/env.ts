import { commonEnvShape, parseEnv, port } from '@behorig/kit/server';
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const list = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** The only reader of process.env in the gateway: configuration is validated once at start-up and a bad value stops it (docs/architecture.md). */
export const loadEnv = () =>
  parseEnv({
    ...commonEnvShape,
    GATEWAY_PORT: port(4000),
    /** Override the subgraph URLs recorded in the supergraph (docker-compose, other hosts). */
    ORGANISATIONS_URL: z.string().url().optional(),
    ACCESS_URL: z.string().url().optional(),
    SIGNING_URL: z.string().url().optional(),
    /** The signing service's public HTTP endpoints (token, JWKS, audit export); default: SIGNING_URL without /graphql. */
    SIGNING_INTERNAL_URL: z.string().url().optional(),
    /** The Sandbox landing page and introspection; default on outside production. */
    SANDBOX: z.enum(['true', 'false']).optional(),
    /** The offline GraphiQL explorer at /graphiql; default on outside production. */
    GRAPHIQL: z.enum(['true', 'false']).optional(),
    /** Rate limits (docs/operations.md). */
    RATE_LIMIT: z.enum(['true', 'false']).default('true'),
    RATE_LIMIT_STORE: z.enum(['memory', 'redis', 'postgres']).default('memory'),
    RATE_LIMIT_REDIS_URL: z.string().url().optional(),
    /** PostgreSQL for the shared counters; default DATABASE_URL. */
    RATE_LIMIT_DATABASE_URL: z.string().url().optional(),
    RATE_LIMIT_WINDOW_SECONDS: positive(60),
    RATE_LIMIT_PER_ADDRESS: positive(1200),
    RATE_LIMIT_PER_CALLER: positive(600),
    RATE_LIMIT_LOGIN: positive(20),
    RATE_LIMIT_TOKEN: positive(30),
    /** Proxies allowed to state the client's address in X-Forwarded-For (addresses, CIDRs, loopback). */
    TRUSTED_PROXIES: list.default([]),
    /** Persisted documents (docs/operations.md): `require-for-web-origin` limits the web origin to the manifest. */
    PERSISTED_DOCUMENTS: z.enum(['allow', 'require-for-web-origin']).default('allow'),
    /**
     * Single-fetch fast path (docs/operations.md): a query planned to one fetch from one subgraph
     * returns that subgraph's clean answer without the gateway's result shaping.
     */
    GATEWAY_SINGLE_FETCH_FAST_PATH: z.enum(['true', 'false']).default('true'),
    /** The web client's manifest; default web/persisted-documents.json in the checkout or image. */
    PERSISTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
  });
export type Env = ReturnType<typeof loadEnv>;

/** The rate-limit store the environment asks for; a shared store needs its URL. */
export function rateLimitStore(env: Env) {
  if (env.RATE_LIMIT_STORE === 'redis') {
    if (!env.RATE_LIMIT_REDIS_URL) throw new Error('RATE_LIMIT_STORE=redis needs RATE_LIMIT_REDIS_URL.');
    return { kind: 'redis' as const, url: env.RATE_LIMIT_REDIS_URL };
  }
  if (env.RATE_LIMIT_STORE === 'postgres') {
    const url = env.RATE_LIMIT_DATABASE_URL ?? env.DATABASE_URL;
    if (!url) throw new Error('RATE_LIMIT_STORE=postgres needs RATE_LIMIT_DATABASE_URL or DATABASE_URL.');
    return { kind: 'postgres' as const, url };
  }
  return { kind: 'memory' as const };
}
