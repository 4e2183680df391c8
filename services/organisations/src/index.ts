import { createServiceTokenVerifier } from '@behorig/kit/auth';
import { startTracing, createLogger, runService, serviceCredentialsFromEnv } from '@behorig/kit/server';
import { createAuditRelay } from './clients/signing.client';
import { loadEnv } from './env';
import { buildServer } from './server';

const env = loadEnv();
const logger = createLogger('organisations', env.LOG_LEVEL);

runService('organisations subgraph', logger, async () => {
  // Traces only when the OTEL_* variables ask for them (docs/operations.md).
  const stopTracing = await startTracing('organisations', env);
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides one).');
  // R-AUTH-4: its own key for delivering its audit events to signing.
  const credentials = await serviceCredentialsFromEnv('organisations', env);
  const server = await buildServer({
    credentials,
    databaseUrl: env.DATABASE_URL,
    migrate: env.MIGRATE_AT_START,
    poolMax: env.DATABASE_POOL_MAX,
    // R-AUTH-3: partner clients' revocation is checked on every request (≤ 5 s old).
    verify: createServiceTokenVerifier(env.JWKS_URL),
    logger,
    production: env.NODE_ENV === 'production',
    demoData: env.DEMO_DATA,
    accessUrl: env.ACCESS_URL,
    permissionListenUrl: env.PERMISSION_LISTEN_URL,
    // Unit and organisation facts go to access through their own outbox (docs/architecture.md).
    accessInternalUrl: env.ACCESS_INTERNAL_URL,
    factRelayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
  });
  // Audit events wait in this schema's outbox until the signing service has them (R-AUDIT-1).
  const relay = createAuditRelay({ databaseUrl: env.DATABASE_URL, signingUrl: env.SIGNING_INTERNAL_URL, credentials, logger });
  relay.start(env.OUTBOX_RELAY_INTERVAL_MS);
  const url = `${await server.listen(env.ORGANISATIONS_PORT, env.HOST)}/graphql`;
  return { url, stop: async () => { await relay.stop(); await server.stop(); await stopTracing(); } };
});
