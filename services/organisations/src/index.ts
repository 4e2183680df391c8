import { createLogger, createTokenVerifier, runService } from '@behorig/kit';
import { loadEnv } from './env';
import { buildServer } from './server';

const env = loadEnv();
const logger = createLogger('organisations', env.LOG_LEVEL);

runService('organisations subgraph', logger, async () => {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides one).');
  const server = await buildServer({
    databaseUrl: env.DATABASE_URL,
    verify: createTokenVerifier({ jwksUrl: env.JWKS_URL }),
    logger,
    production: env.NODE_ENV === 'production',
    demoData: env.DEMO_DATA,
    accessUrl: env.ACCESS_URL,
  });
  return { url: `${await server.listen(env.ORGANISATIONS_PORT)}/graphql`, stop: server.stop };
});
