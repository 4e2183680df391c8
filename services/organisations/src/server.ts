import { join } from 'node:path';
import { createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit/server';
import { migrations } from './migrations';
import { resolvers } from './modules';
import { createContext, type Context } from './context';
import { seedDemoData } from './demo-seed';
import { createAccessClient, type PermissionSource } from './clients/access.client';
import { startPermissionDecisionCache } from '@behorig/kit/db';
import type { DecisionCacheLike } from '@behorig/kit/permissions';
import { createUnitFactRelay } from './clients/access-facts.client';
import { countUnitFactBacklog } from './modules/unit-facts/unit-facts.store';

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
  /**
   * The access service's internal base URL (env ACCESS_INTERNAL_URL), where the unit fact relay
   * delivers units' and organisations' facts (docs/architecture.md, "Unit facts"). Without it (and
   * this service's credentials) the facts wait in the outbox.
   */
  accessInternalUrl?: string;
  /** How often the unit fact relay polls its outbox (a commit that published facts also delivers at once). */
  factRelayIntervalMs?: number;
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
  const facts = opts.accessInternalUrl && opts.credentials
    ? createUnitFactRelay({ databaseUrl: opts.databaseUrl, accessInternalUrl: opts.accessInternalUrl, credentials: opts.credentials, logger: opts.logger })
    : undefined;
  // After a commit that published facts: deliver now, but never fail or hold the mutation for long
  // (2 s at most: the relay delivers them on its next round anyway).
  const factsCommitted = facts && (async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      facts.drain().catch((e: unknown) => opts.logger?.warn({ err: e }, 'unit fact relay: delivery after commit failed; the relay retries')),
      new Promise<void>((r) => { timer = setTimeout(r, 2000); }),
    ]);
    clearTimeout(timer);
  });
  try {
    const server = await createSubgraph<Context>({
      ...opts,
      name: 'organisations',
      schema: 'organisations',
      typeDefs,
      resolvers,
      // No entities: the stores read and write with SQL (docs/architecture.md).
      migrations,
      createContext: (actor, em, req) => createContext(actor, em, permissions, req.headers.authorization, decisions, factsCommitted),
      seed: seedDemoData,
    });
    // The fact outbox's backlog (docs/operations.md, "Metrics"): what waits, and what access refused and is held.
    const backlog = () => countUnitFactBacklog(server.orm.em.fork());
    server.metrics.gauge('behorig_unit_fact_backlog', 'Unit and organisation facts written but not yet delivered to access (held ones not counted)', async () => (await backlog()).undelivered);
    server.metrics.gauge('behorig_unit_fact_held', 'Unit and organisation facts access refused, held until an operator re-queues them', async () => (await backlog()).held);
    facts?.start(opts.factRelayIntervalMs ?? 1000);
    return { ...server, decisionCache: cache, unitFacts: facts, stop: async () => { await facts?.stop(); await cache?.stop(); await server.stop(); } };
  } catch (e) {
    await facts?.stop();
    await cache?.stop();
    throw e;
  }
};
