import { join } from 'node:path';
import { createSubgraph, loadTypeDefs, type SubgraphBuildOptions } from '@behorig/kit';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { createContext, type Context } from './context';
import { seedDemoData } from './demo-seed';

export const typeDefs = loadTypeDefs(join(__dirname, 'schema.graphql'));

/** Builds the organisations subgraph (house style 5: build here, listen in index.ts). */
export const buildServer = (opts: SubgraphBuildOptions) =>
  createSubgraph<Context>({ ...opts, name: 'organisations', schema: 'organisations', typeDefs, resolvers, entities, migrations, createContext, seed: seedDemoData });
