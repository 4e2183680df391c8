import { readFileSync } from 'node:fs';
import gql from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { BaseContext } from '@apollo/server';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Express, Request } from 'express';
import { actorFromAuthorization, type Actor, type TokenVerifier } from './auth';
import { createLogger, type Logger } from './logger';
import { createOrm, migrationsApplied, type OrmOptions } from './orm';
import { createServiceApp, type ServiceApp } from './server';
import { storableInputPlugin } from './storable-input';
import { guardIdArguments } from './argument-guard';
import { untrustingServiceCredentials, vouchClientAddress, type ServiceCredentials, type ServiceName } from './service-credentials';

export const loadTypeDefs = (path: string): DocumentNode => gql(readFileSync(path, 'utf8'));

/** What every subgraph's `buildServer` accepts (tests pass a test database and test keys). */
export interface SubgraphBuildOptions {
  databaseUrl: string;
  verify: TokenVerifier;
  logger?: Logger;
  production?: boolean;
  demoData?: boolean;
  onQuery?: (sql: string) => void;
  /**
   * Apply pending migrations at start-up (default true; env MIGRATE_AT_START). When false, start-up
   * waits until the migration job has applied them (polling every `migrationPollMs`).
   */
  migrate?: boolean;
  migrationPollMs?: number;
  /** Connections this process may hold (env DATABASE_POOL_MAX; size against PgBouncer, docs/deploy.md). */
  poolMax?: number;
  /**
   * This service's credentials (R-AUTH-4; index.ts: serviceCredentialsFromEnv). Without them the
   * service trusts no other service: internal endpoints and `x-client-address` are refused.
   */
  credentials?: ServiceCredentials;
}

/**
 * Builds one subgraph: migrates its own schema, optionally loads demo data, and serves
 * `/graphql`, `/health`, `/live` and `/ready`. The context gets ONE EntityManager fork per request.
 */
export async function createSubgraph<C extends BaseContext>(opts: SubgraphBuildOptions & {
  name: string;
  schema: string;
  typeDefs: DocumentNode;
  resolvers: object;
  /** MikroORM entities, if any: stores that issue SQL through `em.execute` need none. */
  entities?: OrmOptions['entities'];
  migrations: OrmOptions['migrations'];
  createContext: (actor: Actor | null, em: EntityManager, req: Request) => C;
  seed?: (em: EntityManager) => Promise<void>;
  routes?: (app: Express, orm: MikroORM, credentials: ServiceCredentials) => void;
}): Promise<ServiceApp<C> & { orm: MikroORM; credentials: ServiceCredentials }> {
  const credentials = opts.credentials ?? (await untrustingServiceCredentials(opts.name as ServiceName));
  const logger = opts.logger ?? createLogger(opts.name, 'silent');
  const orm = await createOrm({ clientUrl: opts.databaseUrl, schema: opts.schema, entities: opts.entities, migrations: opts.migrations, onQuery: opts.onQuery, migrate: opts.migrate, poolMax: opts.poolMax });
  let migrated = opts.migrate ?? true;
  // Migrations owned by a separate job: wait for it before seeding or serving, since demo data,
  // start-up backfills and every resolver need the current schema.
  while (!migrated) {
    migrated = await migrationsApplied(orm).catch(() => false);
    if (!migrated) {
      logger.info('waiting for the migration job to apply pending migrations');
      await new Promise((r) => setTimeout(r, opts.migrationPollMs ?? 2000));
    }
  }
  if (opts.demoData && opts.seed) await opts.seed(orm.em.fork());
  const service = await createServiceApp<C>({
    name: opts.name,
    // Every id and cursor argument is checked once, here, before any resolver (argument-guard.ts).
    schema: guardIdArguments(buildSubgraphSchema({ typeDefs: opts.typeDefs, resolvers: opts.resolvers as GraphQLResolverMap<unknown> })),
    logger,
    production: opts.production ?? false,
    context: async (req) => {
      // Before the context is made, so that its synchronous clientAddressOf(req) knows the gateway's word.
      await vouchClientAddress(req as never, credentials);
      return opts.createContext(await actorFromAuthorization(req.headers.authorization, opts.verify), orm.em.fork(), req);
    },
    health: async () => { await orm.em.fork().execute('SELECT 1'); },
    // Ready = the database answers; migrations are applied before the server is built (above).
    ready: async () => { await orm.em.fork().execute('SELECT 1'); },
    routes: opts.routes ? (app) => opts.routes!(app, orm, credentials) : undefined,
    plugins: [storableInputPlugin<C>()],
    onStop: () => orm.close(),
  });
  // Pool usage and the audit backlog (docs/operations.md, "Metrics"): read at scrape time.
  const pool = () => (orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number } }).pool;
  service.metrics.gauge('behorig_db_pool_used', 'Database connections in use', () => pool()?.numUsed() ?? 0);
  service.metrics.gauge('behorig_db_pool_free', 'Idle database connections', () => pool()?.numFree() ?? 0);
  service.metrics.gauge('behorig_db_pool_waiting', 'Requests waiting for a database connection', () => pool()?.numPendingAcquires() ?? 0);
  // A service with an outbox (R-AUDIT-1) reports its backlog; asked of the catalogue, not of entities.
  const [outbox] = await orm.em.fork().execute<{ present: boolean }[]>('SELECT to_regclass(?) IS NOT NULL AS present', [`"${opts.schema}".outbox_event`]);
  if (outbox?.present) {
    service.metrics.gauge('behorig_outbox_backlog', 'Audit events written but not yet delivered to signing', async () => {
      const [row] = await orm.em.fork().execute<{ n: string }[]>(`SELECT count(*) AS n FROM "${opts.schema}".outbox_event WHERE delivered_at IS NULL`);
      return Number(row.n);
    });
  }
  return { ...service, orm, credentials };
}

/**
 * `index.ts` of every service: start, log the URL, shut down gracefully on SIGTERM/SIGINT
 * (finish in-flight requests, close pools), and exit non-zero with a plain message on failure.
 */
export function runService(name: string, logger: Logger, start: () => Promise<{ url: string; stop: () => Promise<void> }>): void {
  start()
    .then(({ url, stop }) => {
      logger.info({ url }, `${name} ready`);
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        stop().then(() => process.exit(0), (e) => { logger.error({ err: e }, 'error while stopping'); process.exit(1); });
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((e: unknown) => {
      logger.fatal({ err: e }, `${name} failed to start`);
      console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
