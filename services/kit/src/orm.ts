import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';

export interface OrmOptions {
  clientUrl: string;
  /** The service's own PostgreSQL schema: no service touches another's tables. */
  schema: string;
  /** None is fine: stores issue SQL through `em.execute` and need no entities. */
  entities?: EntitySchema<any, any>[];
  /** Committed migrations, in order; applied at start-up unless `migrate` is false. */
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  /**
   * Apply pending migrations before serving (default true). False when a separate migration job
   * owns them (MIGRATE_AT_START=false, docs/deploy.md); readiness then waits until they are applied.
   */
  migrate?: boolean;
  debug?: boolean;
  poolMax?: number;
  /** Called with each SQL statement (statement-count tests). */
  onQuery?: (sql: string) => void;
}

export async function createOrm(o: OrmOptions): Promise<MikroORM> {
  const config: Options = {
    clientUrl: o.clientUrl,
    schema: o.schema,
    entities: o.entities ?? [],
    extensions: [Migrator],
    migrations: { tableName: 'mikro_orm_migrations', migrationsList: o.migrations, transactional: true, allOrNothing: true, snapshot: false },
    discovery: { warnWhenNoEntities: false },
    // At least two: while migrateUnderLock holds its locked transaction, the migrator reads the
    // catalogue (getNamespaces) on a second connection, so a pool of one waits on itself.
    pool: { min: 0, max: Math.max(2, o.poolMax ?? 10) },
    allowGlobalContext: false,
    debug: Boolean(o.onQuery) || o.debug,
    logger: o.onQuery ? (m: string) => o.onQuery!(m) : () => undefined,
    // Every SQL statement goes through the logger in debug mode; we only want queries.
    loggerFactory: undefined,
  };
  if (o.onQuery) config.debug = ['query'];
  const orm = await MikroORM.init(config);
  if (o.migrate ?? true) await migrateUnderLock(orm, o.schema);
  return orm;
}

/**
 * Applies pending migrations so that any number of replicas (or a migration job beside them)
 * may start at once: each step holds a TRANSACTION-scoped advisory lock on the schema's name, so
 * one process migrates while the others wait and then find nothing left to do. Transaction-scoped
 * (pg_advisory_xact_lock, released by COMMIT) rather than session-scoped, because behind PgBouncer
 * in transaction mode a session lock would stay on whichever server connection happened to carry
 * it (docs/deploy.md). Returns the names of the migrations this process applied.
 */
export async function migrateUnderLock(orm: MikroORM, schema: string): Promise<string[]> {
  const connection = orm.em.getConnection();
  const migrator = orm.getMigrator();
  const lock = (trx: unknown) => connection.execute('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`behorig:migrations:${schema}`], 'all', trx as never);
  // Step 1: the schema and the migrations table. The migrator creates them outside any
  // transaction when missing, which races between replicas; under the lock only one does it.
  await connection.transactional(async (trx) => {
    await lock(trx);
    const storage = (migrator as Migrator).getStorage();
    storage.setMasterMigration(trx);
    try {
      await storage.ensureTable();
    } finally {
      storage.unsetMasterMigration();
    }
  });
  // Step 2: the pending list is read and every migration applied inside one locked transaction
  // (allOrNothing), so a replica that waited sees the finished list and applies nothing.
  let applied: string[] = [];
  await connection.transactional(async (trx) => {
    await lock(trx);
    applied = (await migrator.up({ transaction: trx })).map((m) => m.name);
  });
  return applied;
}

/** True when every committed migration has been applied (readiness with MIGRATE_AT_START=false). */
export async function migrationsApplied(orm: MikroORM): Promise<boolean> {
  return (await orm.getMigrator().getPendingMigrations()).length === 0;
}
