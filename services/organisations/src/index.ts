import { createLogger, createTokenVerifier } from '@behorig/kit';
import { loadEnv } from './env';
import { buildServer } from './server';

async function main() {
  const env = loadEnv();
  const logger = createLogger('organisations', env.LOG_LEVEL);
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides one).');
  const server = await buildServer({
    databaseUrl: env.DATABASE_URL,
    verify: createTokenVerifier({ jwksUrl: env.JWKS_URL }),
    logger,
    production: env.NODE_ENV === 'production',
    demoData: env.DEMO_DATA,
  });
  const url = await server.listen(env.ORGANISATIONS_PORT);
  logger.info({ url: `${url}/graphql` }, 'organisations subgraph ready');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
