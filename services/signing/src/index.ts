import { startTracing, createLogger, runService, serviceCredentialsFromEnv } from '@behorig/kit/server';
import { loadOrCreateDevPersonalNumberKey } from '@behorig/kit/vault';
import { loadEnv } from './env';
import { buildServer } from './server';
import { authorityNumbers, loadSigningKey } from './modules/keys/signing-key';
import { bankIdFromEnv } from './bankid/bankid-provider';

const env = loadEnv();
const logger = createLogger('signing', env.LOG_LEVEL);

runService('signing subgraph', logger, async () => {
  // Traces only when the OTEL_* variables ask for them (docs/operations.md).
  const stopTracing = await startTracing('signing', env);
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides one).');
  const server = await buildServer({
    databaseUrl: env.DATABASE_URL,
    migrate: env.MIGRATE_AT_START,
    poolMax: env.DATABASE_POOL_MAX,
    signingKey: await loadSigningKey(env),
    logger,
    production: env.NODE_ENV === 'production',
    demoData: env.DEMO_DATA,
    bankId: bankIdFromEnv(env),
    accessUrl: env.ACCESS_URL,
    permissionListenUrl: env.PERMISSION_LISTEN_URL,
    accessInternalUrl: env.ACCESS_INTERNAL_URL,
    credentials: await serviceCredentialsFromEnv('signing', env),
    authorityNumbers: authorityNumbers(env),
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    nameCorrection: (env.BANKID_NAME_CORRECTION ?? (env.NODE_ENV === 'production' ? 'on' : 'off')) === 'on',
    checkpointSeconds: env.AUDIT_CHECKPOINT_SECONDS,
    collectIntervalMs: env.BANKID_COLLECT_INTERVAL_MS,
    webhookFirstRetryMs: env.WEBHOOK_FIRST_RETRY_MS,
    jobPollMs: env.JOB_POLL_MS,
    personalNumberKey: env.PERSONAL_NUMBER_KEY ?? loadOrCreateDevPersonalNumberKey(env.PERSONAL_NUMBER_KEY_FILE),
  });
  return { url: `${await server.listen(env.SIGNING_PORT, env.HOST)}/graphql`, stop: async () => { await server.stop(); await stopTracing(); } };
});
