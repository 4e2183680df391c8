import { DEMO, type Actor } from '@behorig/kit';
import { createTestDatabase, gqlRequest, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../../src/server';
import type { PermissionSource } from '../../src/clients/access.client';

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

/** A static in-test PermissionSource following the role matrix's rule that UPDATE implies READ. */
export const staticPermissions: PermissionSource & { asked: string[] } = {
  asked: [],
  async can(actor: Actor, fn, access, organisationId) {
    staticPermissions.asked.push(`${fn} ${access} ${organisationId}`);
    if (actor.kind !== 'person') return false;
    const grant = actor.personId ? GRANTS[actor.personId]?.[organisationId] : undefined;
    return !!grant && grant.fns.includes(fn) && (grant.access === 'UPDATE' || access === 'READ');
  },
};

export async function startOrganisations() {
  const db: TestDatabase = await createTestDatabase('org');
  const keys = await testKeys();
  const statements: string[] = [];
  let recording = false;
  const server = await buildServer({
    databaseUrl: db.url, verify: keys.verify, demoData: true, permissions: staticPermissions,
    onQuery: (sql) => { if (recording) statements.push(sql.replace(/\u001b\[\d+m/g, '')); },
  });
  const url = `${await server.listen(0, '127.0.0.1')}/graphql`;
  const tokens = Object.fromEntries(await Promise.all(Object.entries(PEOPLE).map(async ([k, p]) => [k, await keys.token(p)]))) as Record<Who, string>;
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => server.orm.em.fork().execute<T[]>(q, params);
  return {
    db, keys, server, url, tokens, sql,
    gql: (who: Who | null, query: string, variables?: Record<string, unknown>) => gqlRequest(url, query, variables, who ? tokens[who] : undefined),
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
