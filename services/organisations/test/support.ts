import { DEMO, type Actor } from '@behorig/kit';
import { createTestDatabase, gqlRequest, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../src/server';
import type { PermissionSource } from '../src/permissions';

export const ORG = { dorotea: DEMO.organisations.dorotea.id, aratron: DEMO.organisations.aratron.id, vux: DEMO.organisations.vux.id };
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;

/** The people the tests act as, and what the in-test permission double grants them. */
export const PEOPLE = {
  authority: { personalNumber: '191212121212', authority: true },
  /** Dorotea's permission administrator: every organisation function with UPDATE in Dorotea. */
  arvid: { personalNumber: arvid.personalNumber },
  /** A Dorotea reader: READ only (R-ROLE-2a READER). */
  reader: { personalNumber: DEMO.andreaSandin.personalNumber },
  /** Aratron's permission administrator: UPDATE everywhere in Aratron, nothing in Dorotea. */
  fridolf: { personalNumber: fridolf.personalNumber },
} as const;
export type Who = keyof typeof PEOPLE;

const ALL = ['CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT', 'MANAGE_USERS'];
const GRANTS: Record<string, Record<string, { fns: string[]; access: 'READ' | 'UPDATE' }>> = {
  [PEOPLE.arvid.personalNumber]: { [ORG.dorotea]: { fns: ALL, access: 'UPDATE' } },
  [PEOPLE.reader.personalNumber]: { [ORG.dorotea]: { fns: ['CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT'], access: 'READ' } },
  [PEOPLE.fridolf.personalNumber]: { [ORG.aratron]: { fns: ALL, access: 'UPDATE' } },
};

/** A static in-test PermissionSource following the role matrix's rule that UPDATE implies READ. */
export const staticPermissions: PermissionSource & { asked: string[] } = {
  asked: [],
  async can(actor: Actor, fn, access, organisationId) {
    staticPermissions.asked.push(`${fn} ${access} ${organisationId}`);
    if (actor.kind !== 'person') return false;
    const grant = GRANTS[actor.personalNumber]?.[organisationId];
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
