import { randomUUID } from 'node:crypto';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { startAccess, ORG, UNIT, person, type AccessSystem } from './support/system';
import { rebuildPermissionIndex } from '../src/modules/permission-index/permission-index.store';

/**
 * R-SCOPE-1 performance: a person's scopes across all organisations and a staff page with roles and
 * units cost a CONSTANT number of SQL statements (counted through buildServer's onQuery), and
 * R-AGR-3 holds under concurrency (two administrators ending each other at the same moment).
 */
const pnr = (n: number) => { const base = `19700101${String(100 + n).slice(-3)}`; return `${base}${luhnCheckDigit(base.slice(2))}`; };

describe('statement counts and concurrency', () => {
  let sys: AccessSystem;
  const statements: string[] = [];
  let counting = false;
  beforeAll(async () => { sys = await startAccess({ onQuery: (sql) => { if (counting) statements.push(sql); } }); });
  afterAll(async () => { await sys.stop(); });

  async function countStatements(fn: () => Promise<unknown>): Promise<number> {
    statements.length = 0;
    counting = true;
    try { await fn(); } finally { counting = false; }
    return statements.length;
  }

  /** A person with `n` memberships, each in its own organisation with a unit and two roles. */
  async function personWithMemberships(n: number, tag: number): Promise<string> {
    const p = { id: await sys.insertPerson(pnr(tag), 'Many', `Member${n}`) };
    for (let i = 0; i < n; i++) {
      const [m] = await sys.sql<{ id: string }>(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), ?, ?) RETURNING id`, [p.id, randomUUID()]);
      await sys.sql(`INSERT INTO access.membership_unit (id, membership_id, unit_id) VALUES (gen_random_uuid(), ?, ?)`, [m.id, randomUUID()]);
      await sys.sql(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (gen_random_uuid(), ?, 'REPORTING', '2026-01-01', '2027-12-31'), (gen_random_uuid(), ?, 'ADMINISTER_PERMISSIONS', '2026-01-01', NULL)`, [m.id, m.id]);
    }
    // Written behind access's back: rebuild its permission index as a bulk load would.
    await sys.server.orm.em.fork().transactional((tx) => rebuildPermissionIndex(tx));
    return p.id;
  }

  it('onQuery reports every statement, ORM queries and raw SQL alike', async () => {
    const token = await sys.tokens.authority();
    await countStatements(() => sys.gql(`query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation { staff { totalCount edges { node { memberships { units { id } } } } } } } }`, { o: ORG.aratron }, token));
    expect(statements.some((s) => /count\(\*\) OVER \(\)/i.test(s))).toBe(true);
    expect(statements.some((s) => /membership_unit/.test(s))).toBe(true);
  });

  it('R-SCOPE-1: permissionScopes across 1 and 20 organisations costs the same number of statements', async () => {
    const one = await personWithMemberships(1, 1);
    const twenty = await personWithMemberships(20, 2);
    const token = await sys.tokens.authority();
    const Q = `query($id: ID!) { permissionScopes(personId: $id) { organisation { id } orgWide units { id } role { code name grants { function access } } validTo } }`;
    let sizes: number[] = [];
    await sys.gql(Q, { id: one }, token); // warms the per-process role catalogue
    const c1 = await countStatements(async () => { sizes.push((await sys.gql(Q, { id: one }, token)).data.permissionScopes.length); });
    const c20 = await countStatements(async () => { sizes.push((await sys.gql(Q, { id: twenty }, token)).data.permissionScopes.length); });
    expect(sizes).toEqual([2, 40]);
    expect(c1).toBeGreaterThan(0);
    expect(c20).toBe(c1);
    // The same through Person.permissionScopes, as the person themselves.
    const own = await sys.tokens.pnr(pnr(2));
    sizes = [];
    const ME = `{ me { permissionScopes { role { code } units { id } } } }`;
    const viaMe = await countStatements(async () => { sizes.push((await sys.gql(ME, undefined, own)).data.me.permissionScopes.length); });
    const ownOne = await sys.tokens.pnr(pnr(1));
    const viaMeOne = await countStatements(async () => { sizes.push((await sys.gql(ME, undefined, ownOne)).data.me.permissionScopes.length); });
    expect(sizes).toEqual([40, 2]);
    // `me` itself reads the viewer; the scopes add the same one statement whatever their number.
    expect(viaMe).toBe(viaMeOne);
  });

  it('R-SCOPE-1: a staff page (first: 50) with roles and units costs the same at 1 and at 20 members', async () => {
    const orgOne = randomUUID();
    const orgTwenty = randomUUID();
    for (const [org, size, offset] of [[orgOne, 1, 100], [orgTwenty, 20, 200]] as const) {
      for (let i = 0; i < size; i++) {
        const p = { id: await sys.insertPerson(pnr(offset + i), 'Staff', `S${i}`) };
        const [m] = await sys.sql<{ id: string }>(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), ?, ?) RETURNING id`, [p.id, org]);
        await sys.sql(`INSERT INTO access.membership_unit (id, membership_id, unit_id) VALUES (gen_random_uuid(), ?, ?)`, [m.id, randomUUID()]);
        await sys.sql(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from) VALUES (gen_random_uuid(), ?, 'REPORTING', '2026-01-01')`, [m.id]);
      }
    }
    await sys.server.orm.em.fork().transactional((tx) => rebuildPermissionIndex(tx));
    const token = await sys.tokens.authority();
    const Q = `query($o: ID!) { _entities(representations: [{ __typename: "Organisation", id: $o }]) { ... on Organisation {
      staff(first: 50) { totalCount edges { node { givenName birthDate memberships { organisation { id } units { id } employments { validTo } roles { validTo role { code grants { function } } } } permissionScopes { role { code } } } } } } } }`;
    const totals: number[] = [];
    const c1 = await countStatements(async () => { totals.push((await sys.gql(Q, { o: orgOne }, token)).data._entities[0].staff.totalCount); });
    const c20 = await countStatements(async () => { totals.push((await sys.gql(Q, { o: orgTwenty }, token)).data._entities[0].staff.totalCount); });
    expect(totals).toEqual([1, 20]);
    expect(c20).toBe(c1);
  });

  it('R-AGR-3: two administrators ending each other at the same moment leave exactly one administrator', async () => {
    // A second responsible administrator beside Vera, at the same units (all school forms).
    const ebbaPnr = pnr(900);
    const ebba = { id: await sys.insertPerson(ebbaPnr, 'Ebba', 'Ansvarig') };
    const [m] = await sys.sql<{ id: string }>(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), ?, ?) RETURNING id`, [ebba.id, ORG.vux]);
    await sys.sql(`INSERT INTO access.membership_unit (id, membership_id, unit_id) VALUES (gen_random_uuid(), ?, ?), (gen_random_uuid(), ?, ?)`, [m.id, UNIT.vuxKista, m.id, UNIT.vuxSoder]);
    await sys.sql(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from) VALUES (gen_random_uuid(), ?, 'VUX_INTERN_ANORDNARE_ANSVARIG', '2025-01-01')`, [m.id]);
    const END = `mutation($input: EndEmploymentInput!) { endEmployment(input: $input) { endDate } }`;
    const vera = person('Vera');
    {
      const [a, b] = await Promise.all([
        sys.gql(END, { input: { organisationId: ORG.vux, personId: ebba.id, endDate: sys.today } }, await sys.tokens.of('Vera')),
        sys.gql(END, { input: { organisationId: ORG.vux, personId: vera.id, endDate: sys.today } }, await sys.tokens.pnr(ebbaPnr)),
      ]);
      const codes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
    }
    const open = await sys.sql<{ n: string }>(`SELECT count(*) AS n FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id JOIN access.role r ON r.code = ra.role_code
      WHERE m.organisation_id = ? AND r.is_permission_admin AND ra.valid_to IS NULL`, [ORG.vux]);
    expect(Number(open[0].n)).toBe(1);
    expect(await sys.count('outbox_event', `action = 'access.employment.ended' AND organisation_id = ?`, [ORG.vux])).toBe(1);
  });
});
