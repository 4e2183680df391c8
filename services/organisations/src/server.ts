import { join } from 'node:path';
import { createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit/server';
import { migrations } from './migrations';
import { resolvers } from './modules';
import { createContext, type Context } from './context';
import { seedDemoData } from './demo-seed';
import { createAccessClient, type PermissionSource } from './clients/access.client';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

export const DEFAULT_ACCESS_URL = 'http://localhost:4002/graphql';

export interface OrganisationsBuildOptions extends SubgraphBuildOptions {
  /** Who may do what; default: ask the access subgraph over HTTP at `accessUrl`. */
  permissions?: PermissionSource;
  /** The access subgraph's GraphQL URL (env ACCESS_URL). */
  accessUrl?: string;
}

/** Builds the organisations subgraph (built here and listened on in index.ts, so tests start it on a random port). */
export const buildServer = (opts: OrganisationsBuildOptions) => {
  const permissions = opts.permissions ?? createAccessClient(opts.accessUrl ?? DEFAULT_ACCESS_URL);
  return createSubgraph<Context>({
    ...opts,
    name: 'organisations',
    schema: 'organisations',
    typeDefs,
    resolvers,
    // No entities: the stores read and write with SQL (docs/architecture.md).
    migrations,
    createContext: (actor, em, req) => createContext(actor, em, permissions, req.headers.authorization),
    seed: seedDemoData,
  });
};
