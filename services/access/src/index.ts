import { startTracing, createLogger, runService, serviceCredentialsFromEnv } from '@behorig/kit/server';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { createReceiptVerifier } from '@behorig/kit/receipt';
import { createServiceTokenVerifier } from '@behorig/kit/auth';
import { loadOrCreateDevPersonalNumberKey } from '@behorig/kit/vault';
import { createJobRunner } from '@behorig/kit/jobs';
import { loadEnv } from './env';
import { buildServer } from './server';

const env = loadEnv();
const logger = createLogger('access', env.LOG_LEVEL);

runService('access subgraph', logger, async () => {
  // Traces only when the OTEL_* variables ask for them (docs/operations.md).
  const stopTracing = await startTracing('access', env);
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides one).');
  // R-AUTH-4: its own key for calls to signing and for what signing and the gateway present here.
  const credentials = await serviceCredentialsFromEnv('access', env);
  const server = await buildServer({
    databaseUrl: env.DATABASE_URL,
    migrate: env.MIGRATE_AT_START,
    poolMax: env.DATABASE_POOL_MAX,
    // R-AUTH-3: partner clients' revocation is checked on every request (≤ 5 s old).
    verify: createServiceTokenVerifier(env.JWKS_URL),
    verifyReceipt: createReceiptVerifier({ jwksUrl: env.JWKS_URL }),
    logger,
    production: env.NODE_ENV === 'production',
    demoData: env.DEMO_DATA,
    signingInternalUrl: env.SIGNING_INTERNAL_URL,
    credentials,
    // env.ts refuses production without PERSONAL_NUMBER_KEY; development keeps a generated key on disk.
    personalNumberKey: env.PERSONAL_NUMBER_KEY ?? loadOrCreateDevPersonalNumberKey(env.PERSONAL_NUMBER_KEY_FILE),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.SMTP_FROM,
    mailDir: env.MAIL_DIR,
  });
  // Audit events wait in this schema's outbox until the signing service has them (R-AUDIT-1).
  const relay = createOutboxRelay({ databaseUrl: env.DATABASE_URL, schema: 'access', signingUrl: env.SIGNING_INTERNAL_URL, credentials, logger });
  relay.start(env.OUTBOX_RELAY_INTERVAL_MS);
  // Scheduled work on kit's one job runner (docs/architecture.md): review deadlines (R-REV-1) and the daily digest (R-NOTE-1).
  const jobs = createJobRunner({ schema: 'access', databaseUrl: env.DATABASE_URL, tasks: server.jobs.tasks, recurring: server.jobs.recurring, pollMs: env.JOB_POLL_MS, logger });
  jobs.start();
  const url = `${await server.listen(env.ACCESS_PORT, env.HOST)}/graphql`;
  return { url, stop: async () => { await jobs.stop(); await relay.stop(); await server.stop(); await stopTracing(); } };
});
