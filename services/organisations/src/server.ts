import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { actorFromAuthorization, createLogger, createOrm, createServiceApp, type Logger, type TokenVerifier } from '@behorig/kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { createContext, type Context } from './context';
import { seedDemoData } from './demo-seed';

export const typeDefs = gql(readFileSync(join(__dirname, 'schema.graphql'), 'utf8'));

export interface BuildOptions {
  databaseUrl: string;
  verify: TokenVerifier;
  logger?: Logger;
  production?: boolean;
  demoData?: boolean;
  onQuery?: (sql: string) => void;
}

/** Builds the organisations subgraph (house style 5: build here, listen in index.ts). */
export async function buildServer(opts: BuildOptions) {
  const logger = opts.logger ?? createLogger('organisations', 'silent');
  const orm: MikroORM = await createOrm({ clientUrl: opts.databaseUrl, schema: 'organisations', entities, migrations, onQuery: opts.onQuery });
  if (opts.demoData) await seedDemoData(orm.em.fork());
  const service = await createServiceApp<Context>({
    name: 'organisations',
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
    logger,
    production: opts.production ?? false,
    context: async (req) => createContext(await actorFromAuthorization(req.headers.authorization, opts.verify), orm.em.fork()),
    health: async () => { await orm.em.fork().execute('SELECT 1'); },
    onStop: () => orm.close(),
  });
  return { ...service, orm };
}
