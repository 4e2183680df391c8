import { assertProductionSecrets, startTracing, createLogger, runService, serviceCredentialsFromEnv } from '@behorig/kit/server';
import { createServiceTokenVerifier } from '@behorig/kit/auth';
import { loadEnv, rateLimitStore } from './env';
import { buildGateway } from './server';
import { loadPersistedManifest } from './persisted-documents';

const env = loadEnv();
// The gateway vouches for client addresses with its own service credential (R-AUTH-4): configured keys in production.
assertProductionSecrets(env);
const logger = createLogger('gateway', env.LOG_LEVEL);

runService('gateway', logger, async () => {
  // Traces only when the OTEL_* variables ask for them (docs/operations.md).
  const stopTracing = await startTracing('gateway', env);
  const gateway = await buildGateway({
    // R-AUTH-3: partner clients' revocation is checked on every request (≤ 5 s old).
    verify: createServiceTokenVerifier(env.JWKS_URL),
    subgraphUrls: { organisations: env.ORGANISATIONS_URL, access: env.ACCESS_URL, signing: env.SIGNING_URL },
    signingBaseUrl: env.SIGNING_INTERNAL_URL,
    webOrigin: env.WEB_ORIGIN.split(',').map((s) => s.trim()),
    graphiql: env.GRAPHIQL ? env.GRAPHIQL === 'true' : env.NODE_ENV !== 'production',
    sandbox: env.SANDBOX ? env.SANDBOX === 'true' : env.NODE_ENV !== 'production',
    production: env.NODE_ENV === 'production',
    logger,
    rateLimits: env.RATE_LIMIT === 'false' ? false : {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS, perAddress: env.RATE_LIMIT_PER_ADDRESS, perCaller: env.RATE_LIMIT_PER_CALLER,
      login: env.RATE_LIMIT_LOGIN, token: env.RATE_LIMIT_TOKEN,
    },
    rateLimitStore: rateLimitStore(env),
    trustedProxies: env.TRUSTED_PROXIES,
    credentials: await serviceCredentialsFromEnv('gateway', env),
    persistedDocuments: env.PERSISTED_DOCUMENTS_MANIFEST ? loadPersistedManifest(env.PERSISTED_DOCUMENTS_MANIFEST) : undefined,
    persistedDocumentsMode: env.PERSISTED_DOCUMENTS,
    singleFetchFastPath: env.GATEWAY_SINGLE_FETCH_FAST_PATH === 'true',
  });
  return { url: `${await gateway.listen(env.GATEWAY_PORT)}/graphql`, stop: async () => { await gateway.stop(); await stopTracing(); } };
});
