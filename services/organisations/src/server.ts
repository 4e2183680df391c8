import { join } from 'node:path';
import { createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit/server';
import { migrations } from './migrations';
import { resolvers } from './modules';
import { createContext, type Context } from './context';
import { seedDemoData } from './demo-seed';
import { createAccessClient, type PermissionSource } from './clients/access.client';
import { startPermissionDecisionCache } from '@behorig/kit/db';
import type { DecisionCacheLike } from '@behorig/kit/permissions';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

export const DEFAULT_ACCESS_URL = 'http://localhost:4002/graphql';

export interface OrganisationsBuildOptions extends SubgraphBuildOptions {
  /** Who may do what; default: ask the access subgraph over HTTP at `accessUrl`. */
  permissions?: PermissionSource;
  /** The access subgraph's GraphQL URL (env ACCESS_URL). */
  accessUrl?: string;
  /**
   * Where the decision cache LISTENs for changes of access's permission index (env
   * PERMISSION_LISTEN_URL, default `databaseUrl`): a direct PostgreSQL connection, never through a
   * transaction-pooling PgBouncer (docs/deploy.md). `false`: no cache, every question goes to access.
   */
  permissionListenUrl?: string | false;
}

/** Builds the organisations subgraph (built here and listened on in index.ts, so tests start it on a random port). */
export const buildServer = async (opts: OrganisationsBuildOptions) => {
  const permissions = opts.permissions ?? createAccessClient(opts.accessUrl ?? DEFAULT_ACCESS_URL);
  // R-SCOPE-4: access's decisions are kept per process and dropped on every change of its index, on every replica.
  // A PermissionSource given by a test answers by itself; it is cached only when asked for (permissionListenUrl).
  const cache = await startPermissionDecisionCache({
    listenUrl: opts.permissionListenUrl, databaseUrl: opts.databaseUrl, givenSource: opts.permissions !== undefined, logger: opts.logger,
  });
  const decisions: DecisionCacheLike | undefined = cache;
  try {
    const server = await createSubgraph<Context>({
      ...opts,
      name: 'organisations',
      schema: 'organisations',
      typeDefs,
      resolvers,
      // No entities: the stores read and write with SQL (docs/architecture.md).
      migrations,
      createContext: (actor, em, req) => createContext(actor, em, permissions, req.headers.authorization, decisions),
      seed: seedDemoData,
    });
    return { ...server, decisionCache: cache, stop: async () => { await cache?.stop(); await server.stop(); } };
  } catch (e) {
    await cache?.stop();
    throw e;
  }
};
