import { actorFromAuthorization, type TokenVerifier } from '@behorig/kit/auth';
import { DEMO } from '@behorig/kit/demo';
import { createTestDatabase, gqlRequest, testKeys, type GraphQLResponse, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../../src/server';
import type { PermissionSource } from '../../src/clients/access.client';
import { createContext } from '../../src/context';

export const ORG = { dorotea: DEMO.organisations.dorotea.id, aratron: DEMO.organisations.aratron.id, vux: DEMO.organisations.vux.id };
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;

/** The people the tests act as, and what the in-test permission double grants them. */
export const PEOPLE = {
  authority: { personId: null, authority: true },
  /** Dorotea's permission administrator: every organisation function with UPDATE in Dorotea. */
  arvid: { personId: arvid.id },
  /** A Dorotea reader: READ only (R-ROLE-2a READER); not a demo person, so an id of its own. */
  reader: { personId: '00000000-0000-4000-8003-0000000000a1' },
  /** Aratron's permission administrator: UPDATE everywhere in Aratron, nothing in Dorotea. */
  fridolf: { personId: fridolf.id },
} as const;
export type Who = keyof typeof PEOPLE;

const ALL = ['CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT', 'MANAGE_USERS'];
const GRANTS: Record<string, Record<string, { fns: string[]; access: 'READ' | 'UPDATE' }>> = {
  [PEOPLE.arvid.personId]: { [ORG.dorotea]: { fns: ALL, access: 'UPDATE' } },
  [PEOPLE.reader.personId]: { [ORG.dorotea]: { fns: ['CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT'], access: 'READ' } },
  [PEOPLE.fridolf.personId]: { [ORG.aratron]: { fns: ALL, access: 'UPDATE' } },
};

/**
 * A static in-test PermissionSource following the role matrix's rule that UPDATE implies READ.
 * Like the access service, it answers for the caller behind the forwarded Authorization header
 * (verified with the test keys), and records each question it is asked.
 */
export function staticPermissions(verify: TokenVerifier): PermissionSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async can(authorization, organisationId, fn, access) {
      asked.push(`${fn} ${access} ${organisationId}`);
      const actor = await actorFromAuthorization(authorization, verify);
      if (actor?.kind !== 'person') return false;
      const grant = actor.personId ? GRANTS[actor.personId]?.[organisationId] : undefined;
      return !!grant && grant.fns.includes(fn) && (grant.access === 'UPDATE' || access === 'READ');
    },
  };
}

export async function startOrganisations() {
  const db: TestDatabase = await createTestDatabase('org');
  const keys = await testKeys();
  const permissions = staticPermissions(keys.verify);
  const statements: string[] = [];
  let recording = false;
  const server = await buildServer({
    databaseUrl: db.url, verify: keys.verify, demoData: true, permissions,
    onQuery: (sql) => { if (recording) statements.push(sql.replace(/\u001b\[\d+m/g, '')); },
  });
  const url = `${await server.listen(0, '127.0.0.1')}/graphql`;
  const tokens = Object.fromEntries(await Promise.all(Object.entries(PEOPLE).map(async ([k, p]) => [k, await keys.token(p)]))) as Record<Who, string>;
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => server.orm.em.fork().execute<T[]>(q, params);
  /**
   * One operation through Apollo's executeOperation, no HTTP: the context is built as for a
   * request (the verified actor, a fresh EntityManager fork, the policy and the stores).
   */
  const execute = async (who: Who | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> => {
    const authorization = who ? `Bearer ${tokens[who]}` : undefined;
    const actor = await actorFromAuthorization(authorization, keys.verify);
    const res = await server.apollo.executeOperation({ query, variables }, { contextValue: createContext(actor, server.orm.em.fork(), permissions, authorization) });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return JSON.parse(JSON.stringify(res.body.singleResult)) as GraphQLResponse;
  };
  return {
    db, keys, server, url, tokens, sql, permissions,
    /** The resolvers, without HTTP (Apollo's executeOperation). */
    gql: execute,
    /** The same over HTTP, for what only HTTP shows (the token check, the routes). */
    http: (who: Who | null, query: string, variables?: Record<string, unknown>) => gqlRequest(url, query, variables, who ? tokens[who] : undefined),
    count: async (table: string, where = 'true', params: unknown[] = []) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM organisations.${table} WHERE ${where}`, params))[0].n),
    lastEvent: async () => (await sql<{ actor: string; organisation_id: string | null; action: string; target: string; before: any; after: any }>(`SELECT * FROM organisations.outbox_event ORDER BY id DESC LIMIT 1`))[0],
    /** Records every SQL statement the service sends while `fn` runs. */
    recordStatements: async (fn: () => Promise<unknown>) => {
      statements.length = 0; recording = true;
      try { await fn(); } finally { recording = false; }
      return [...statements];
    },
    stop: async () => { await server.stop(); await db.drop(); },
  };
}
export type Org = Awaited<ReturnType<typeof startOrganisations>>;
