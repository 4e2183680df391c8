import { createLogger } from './logger';
import { parseEnv, migrationJobEnvShape } from './env';
import { createOrm, migrateUnderLock, type OrmOptions } from './orm';

/**
 * `dist/migrate.js` of every subgraph: applies its pending migrations and exits — the command of
 * the Kubernetes migration Job (deploy/kubernetes, docs/deploy.md). Safe beside running or
 * starting replicas: it takes the same transaction-scoped advisory lock as they do.
 */
export function runMigrationJob(opts: { name: string; schema: string; entities: OrmOptions['entities']; migrations: OrmOptions['migrations'] }): void {
  const env = parseEnv(migrationJobEnvShape);
  const logger = createLogger(`${opts.name}-migrate`, env.LOG_LEVEL);
  (async () => {
    const orm = await createOrm({ clientUrl: env.DATABASE_URL, schema: opts.schema, entities: opts.entities, migrations: opts.migrations, migrate: false, poolMax: 2 });
    try {
      const applied = await migrateUnderLock(orm, opts.schema);
      logger.info({ applied, schema: opts.schema }, applied.length ? `applied ${applied.length} migration(s)` : 'no pending migrations');
    } finally {
      await orm.close();
    }
  })().then(
    () => process.exit(0),
    (e: unknown) => {
      logger.fatal({ err: e }, 'migration failed');
      console.error(`${opts.name} migrations: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
