import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';

export interface OrmOptions {
  clientUrl: string;
  /** The service's own PostgreSQL schema: no service touches another's tables. */
  schema: string;
  entities: EntitySchema<any, any>[];
  /** Committed migrations, in order; applied at start-up. */
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  debug?: boolean;
  poolMax?: number;
  /** Called with each SQL statement (statement-count tests). */
  onQuery?: (sql: string) => void;
}

export async function createOrm(o: OrmOptions): Promise<MikroORM> {
  const config: Options = {
    clientUrl: o.clientUrl,
    schema: o.schema,
    entities: o.entities,
    extensions: [Migrator],
    migrations: { tableName: 'mikro_orm_migrations', migrationsList: o.migrations, transactional: true, allOrNothing: true, snapshot: false },
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: o.poolMax ?? 10 },
    allowGlobalContext: false,
    debug: Boolean(o.onQuery) || o.debug,
    logger: o.onQuery ? (m: string) => o.onQuery!(m) : () => undefined,
    // Every SQL statement goes through the logger in debug mode; we only want queries.
    loggerFactory: undefined,
  };
  if (o.onQuery) config.debug = ['query'];
  const orm = await MikroORM.init(config);
  await orm.getMigrator().up();
  return orm;
}
