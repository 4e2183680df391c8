import { createLogger, createTokenVerifier, runService } from '@behorig/kit';
import { loadEnv } from './env';
import { buildGateway } from './server';

const env = loadEnv();
const logger = createLogger('gateway', env.LOG_LEVEL);

runService('gateway', logger, async () => {
  const gateway = await buildGateway({
    verify: createTokenVerifier({ jwksUrl: env.JWKS_URL }),
    subgraphUrls: { organisations: env.ORGANISATIONS_URL, access: env.ACCESS_URL, signing: env.SIGNING_URL },
    webOrigin: env.WEB_ORIGIN.split(',').map((s) => s.trim()),
    sandbox: env.SANDBOX ? env.SANDBOX === 'true' : env.NODE_ENV !== 'production',
    production: env.NODE_ENV === 'production',
    logger,
  });
  return { url: `${await gateway.listen(env.GATEWAY_PORT)}/graphql`, stop: gateway.stop };
});
