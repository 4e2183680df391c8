import { rebuildPermissionIndex } from '../src/modules/permission-index/permission-index.store';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * The permission index's cost (R-SCOPE-1…3): a point check is ONE SQL statement, a whoCan page
 * ONE, permissionScopes ONE (the role catalogue is cached per process) — whoever asks (the
 * authority, the person, an administrator) and the same with 10 people as with 10,000.
 * Counted through buildServer's onQuery; never timed.
 */
const CHECK = `query($p: ID!, $o: ID!, $u: ID) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: "MANAGE_USERS", access: UPDATE) { allowed reason role { code } validTo } }`;
const MINE = `query($o: ID!, $u: ID) { myAccess(organisationId: $o, unitId: $u, function: "MANAGE_USERS", access: UPDATE) { allowed reason } }`;
const WHO = `query($o: ID!, $u: ID, $after: String) { whoCan(organisationId: $o, unitId: $u, function: "MANAGE_USERS", access: READ, first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id givenName surname } } } }`;
// Units and offices included: an org-wide role lists every open unit (R-USR-3), read in the same statement.
const SCOPES = `query($p: ID!) { permissionScopes(personId: $p) { orgWide units { id } addresses { id } role { code name } validFrom validTo } }`;

/** Adds `n` people to Dorotea kommun at its unit with a unit-scoped role, in a few statements, and rebuilds the index. */
async function addPeople(sys: AccessSystem, n: number): Promise<void> {
  const em = sys.server.orm.em.fork();
  await em.transactional(async (tx) => {
    await tx.execute(`CREATE TEMP TABLE bulk ON COMMIT DROP AS SELECT gen_random_uuid() AS person_id, gen_random_uuid() AS membership_id, i FROM generate_series(1, ?) AS i`, [n]);
    await tx.execute(`INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date)
      SELECT person_id, 'bulk-' || i, 'x', 'Bulk', 'Person', '1980-01-01' FROM bulk`);
    await tx.execute(`INSERT INTO access.membership (id, person_id, organisation_id) SELECT membership_id, person_id, ? FROM bulk`, [ORG.dorotea]);
    await tx.execute(`INSERT INTO access.membership_unit (id, membership_id, unit_id) SELECT gen_random_uuid(), membership_id, ? FROM bulk`, [UNIT.doroteaUbk]);
    // Every fifth one a permission administrator, so whoCan(MANAGE_USERS) pages really grow.
    await tx.execute(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to)
      SELECT gen_random_uuid(), membership_id, CASE WHEN i % 5 = 0 THEN 'PERMISSION_ADMIN' ELSE 'READER' END, '2025-01-01', NULL FROM bulk`);
    await rebuildPermissionIndex(tx);
  });
}

describe('permission index statements (R-SCOPE-1/2/3)', () => {
  const measure = async (extraPeople: number) => {
    const statements: string[] = [];
    let counting = false;
    const sys = await startAccess({ onQuery: (sql) => { if (counting) statements.push(sql); } });
    try {
      if (extraPeople > 0) await addPeople(sys, extraPeople);
      const arvid = person('Arvid');
      const authority = await sys.tokens.authority();
      const arvidToken = await sys.tokens.withId('Arvid');
      const count = async (query: string, variables: Record<string, unknown>, token: string) => {
        // A first call warms the per-process caches (role catalogue, unit owners); the second is measured.
        await sys.gql(query, variables, token);
        statements.length = 0;
        counting = true;
        const res = await sys.gql(query, variables, token);
        counting = false;
        expect(res.errors).toBeUndefined();
        return { n: statements.length, data: res.data };
      };
      const check = { p: arvid.id, o: ORG.dorotea, u: UNIT.doroteaUbk };
      const whoFirst = await count(WHO, { o: ORG.dorotea, u: UNIT.doroteaUbk }, authority);
      const whoNext = whoFirst.data.whoCan.pageInfo.hasNextPage
        ? await count(WHO, { o: ORG.dorotea, u: UNIT.doroteaUbk, after: whoFirst.data.whoCan.pageInfo.endCursor }, arvidToken)
        : await count(WHO, { o: ORG.dorotea, u: UNIT.doroteaUbk }, arvidToken);
      return {
        counts: {
          checkByAuthority: (await count(CHECK, check, authority)).n,
          checkBySelf: (await count(CHECK, check, arvidToken)).n,
          checkByAdministrator: (await count(CHECK, { p: person('Beda').id, o: ORG.aratron, u: UNIT.aratronStod }, await sys.tokens.withId('Fridolf'))).n,
          myAccess: (await count(MINE, { o: ORG.dorotea, u: UNIT.doroteaUbk }, arvidToken)).n,
          whoCanFirstPage: whoFirst.n,
          whoCanNextPage: whoNext.n,
          scopesByAuthority: (await count(SCOPES, { p: arvid.id }, authority)).n,
          scopesBySelf: (await count(SCOPES, { p: arvid.id }, arvidToken)).n,
        },
        whoTotal: whoFirst.data.whoCan.totalCount as number,
      };
    } finally {
      await sys.stop();
    }
  };

  it('R-SCOPE-2/R-SCOPE-3: one statement per check, per whoCan page and per permissionScopes, the same at 10 and at 10,000 people', async () => {
    const small = await measure(0);
    const large = await measure(10_000);
    expect(large.whoTotal).toBeGreaterThan(2_000); // the large organisation really is large
    expect(small.counts).toEqual({
      checkByAuthority: 1, checkBySelf: 1, checkByAdministrator: 1, myAccess: 1,
      whoCanFirstPage: 1, whoCanNextPage: 1, scopesByAuthority: 1, scopesBySelf: 1,
    });
    expect(large.counts).toEqual(small.counts);
  }, 120_000);
});
