import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repoRoot } from '@behorig/kit/db';

/** The subgraphs and their default URLs (overridable at run time, see env.ts). */
export const SUBGRAPHS = [
  { name: 'organisations', url: 'http://localhost:4001/graphql' },
  { name: 'access', url: 'http://localhost:4002/graphql' },
  { name: 'signing', url: 'http://localhost:4003/graphql' },
] as const;

export const supergraphPath = () => join(repoRoot(), 'schema', 'supergraph.graphql');

/** Composes the committed subgraph SDLs offline with @apollo/composition. Throws on composition errors. */
export function composeSupergraph(): string {
  const root = repoRoot();
  const result = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(readFileSync(join(root, 'services', s.name, 'src', 'schema.graphql'), 'utf8')) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`Supergraph composition failed:\n${(result.errors ?? []).map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl.trimEnd() + '\n';
}

if (require.main === module) {
  const sdl = composeSupergraph();
  writeFileSync(supergraphPath(), sdl);
  process.stdout.write(`wrote ${supergraphPath()} (${sdl.length} bytes)\n`);
}
