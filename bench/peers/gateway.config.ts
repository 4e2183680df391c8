import { defineConfig } from '@graphql-hive/gateway';

/**
 * THE PEERS of the benchmark: The Guild's Hive Gateway serving the same supergraph (the bench
 * passes schema/supergraph.graphql with its subgraph URLs moved to the bench's ports) in place of
 * ours, once with its default (JavaScript) query planner and once with `--hive-router-runtime`,
 * Hive Router's Rust query planner (@graphql-hive/router-runtime). Only what it needs to answer
 * the same queries is configured: the caller's token goes on to every subgraph, which verifies it
 * itself (as ours forwards it). Logging at warn, like the bench runs ours.
 *
 * Installed apart from the product (`npm run bench:setup` → bench/peers/node_modules).
 */
export const gatewayConfig = defineConfig({
  logging: 'warn',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
  },
});
