import { join } from 'node:path';
import { createSubgraph, createTokenVerifier, type SigningKey, type SubgraphBuildOptions } from '@behorig/kit';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { createContext, type Context } from './context';
import { loadTypeDefs } from '@behorig/kit';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

export type SigningBuildOptions = Omit<SubgraphBuildOptions, 'verify'> & { signingKey: SigningKey };

/**
 * Builds the signing subgraph. It owns the token key: it verifies tokens with its own public
 * key and publishes it at GET /.well-known/jwks.json for the gateway and the other subgraphs.
 */
export function buildServer(opts: SigningBuildOptions) {
  const jwks = { keys: [opts.signingKey.publicJwk] };
  return createSubgraph<Context>({
    ...opts,
    verify: createTokenVerifier({ jwks }),
    name: 'signing',
    schema: 'signing',
    typeDefs,
    resolvers,
    entities,
    migrations,
    createContext,
    routes: (app) => {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.set('cache-control', 'public, max-age=300').json(jwks);
      });
    },
  });
}
