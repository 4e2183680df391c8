import type { Actor } from '@behorig/kit/auth';
import { createContext } from '../../src/context';
import type { buildServer } from '../../src/server';

type AccessServer = Awaited<ReturnType<typeof buildServer>>;

export interface ExecuteResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs one operation against the subgraph's own Apollo Server with `executeOperation` — no HTTP,
 * no port, no token: the context is built for `actor` exactly as a request's would be (Apollo's
 * subgraph template style). For entity references (`_entities`) and resolvers that need no HTTP.
 */
export async function executeAs(server: AccessServer, actor: Actor | null, query: string, variables?: Record<string, unknown>): Promise<ExecuteResult> {
  const res = await server.apollo.executeOperation({ query, variables }, { contextValue: createContext(actor, server.orm.em.fork(), server.deps) });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as ExecuteResult;
}

export const asPerson = (personId: string): Actor => ({ kind: 'person', personId, authority: false });
export const AUTHORITY: Actor = { kind: 'person', personId: null, authority: true };
export const asClient = (organisationId: string, functions: string[]): Actor => ({ kind: 'client', clientId: 'test-client', organisationId, functions });
