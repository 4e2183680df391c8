import { defineConfig } from '@graphql-hive/gateway';

/**
 * THE PEER of the benchmark: The Guild's Hive Gateway serving the same committed supergraph
 * (schema/supergraph.graphql, same subgraphs) in place of ours. Only what it needs to answer the
 * same queries is configured: the caller's token goes on to every subgraph, which verifies it
 * itself (as ours forwards it). Logging at warn, like the bench runs ours.
 */
export const gatewayConfig = defineConfig({
  supergraph: '../../schema/supergraph.graphql',
  logging: 'warn',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
  },
});
