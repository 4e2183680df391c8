import { DEMO } from '@behorig/kit/demo';
import { startAccess, ORG, UNIT, type AccessSystem } from './support/system';
import { staffStatusOf } from '../src/modules/memberships/rules/staff-list.rules';

/**
 * The staff list for daily work (R-USR-1, R-PERIOD-1, R-PERIOD-5): the server searches (name, birth
 * date, e-mail, role, unit), filters (status, role) and sorts across ALL pages before it pages, so
 * page two continues page one's order; lists show birth dates, never personal numbers.
 */
const STAFF = `query($org: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {
  _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation {
    staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id givenName surname birthDate email memberships { organisation { id } roles { role { code name } validFrom validTo } } } }
    }
  } } }`;

type Node = { id: string; givenName: string; surname: string; birthDate: string; email: string | null; memberships: { organisation: { id: string }; roles: { role: { code: string; name: string }; validFrom: string; validTo: string | null }[] }[] };
const aratronPeople = DEMO.people.filter((p) => p.memberships.some((m) => m.organisation === 'aratron'));

describe('the staff list: search, filters and sort across all pages', () => {
  let sys: AccessSystem;
  let fridolf: string;
  const list = async (vars: Record<string, unknown>, token = fridolf) => sys.gql(STAFF, { org: ORG.aratron, first: 50, ...vars }, token);
  const names = (res: { data?: { _entities: [{ staff: { edges: { node: Node }[] } }] } }) => res.data!._entities[0].staff.edges.map((e) => `${e.node.givenName} ${e.node.surname}`);
  beforeAll(async () => { sys = await startAccess(); fridolf = await sys.tokens.of('Fridolf'); });
  afterAll(async () => { await sys.stop(); });

  it('R-USR-1: search matches a birth date (YYYY-MM-DD or digits), never a personal number', async () => {
    expect(names(await list({ search: '1987-05-07' }))).toEqual(['Karina Asp']);
    expect(names(await list({ search: '870507' }))).toEqual(['Karina Asp']);
    const karina = DEMO.people.find((p) => p.givenName === 'Karina')!;
    expect(names(await list({ search: karina.personalNumber }))).toEqual([]);
    expect(names(await list({ search: karina.personalNumber.slice(8) }))).toEqual([]);
  });

  it('search matches names, the membership e-mail, role names and codes, and unit names', async () => {
    expect(names(await list({ search: 'asp' }))).toEqual(['Karina Asp']);
    expect(names(await list({ search: 'Zachrisson, Ans' }))).toEqual(['Anselm Zachrisson']);
    expect(names(await list({ search: 'hotmail' }))).toEqual(['Laban Maier']);
    expect(names(await list({ search: 'Läsare' }))).toEqual(['Agda Andersson']);
    expect(names(await list({ search: 'registrar' }))).toEqual(['Laban Maier']);
    expect(names(await list({ search: 'Stöd och matchning' })).length).toBe(aratronPeople.length);
    expect(names(await list({ search: '%' }))).toEqual([]); // LIKE wildcards are literal
  });

  it('R-PERIOD-5: the status filter agrees with the status rule; an ended person is found with ENDED', async () => {
    const all = (await list({})).data._entities[0].staff.edges.map((e: { node: Node }) => e.node) as Node[];
    const statusOf = (n: Node) => staffStatusOf(n.memberships.find((m) => m.organisation.id === ORG.aratron)!.roles.map((r) => ({ validFrom: r.validFrom, validTo: r.validTo })), sys.today, '2026-12-22');
    for (const status of ['ACTIVE', 'ENDING_SOON', 'UPCOMING', 'ENDED']) {
      const got = names(await list({ status: [status] })).sort();
      expect(got).toEqual(all.filter((n) => statusOf(n) === status).map((n) => `${n.givenName} ${n.surname}`).sort());
    }
    expect(names(await list({ status: ['ENDED'] }))).toEqual(['Karina Asp']);
    expect(names(await list({ status: ['ACTIVE', 'ENDED'] })).length).toBe(aratronPeople.length);
  });

  it('filters by role', async () => {
    expect(names(await list({ roleCode: 'READER' }))).toEqual(['Agda Andersson']);
    expect(names(await list({ roleCode: 'PERMISSION_ADMIN' })).length).toBe(aratronPeople.filter((p) => p.memberships.some((m) => m.roles.some((r) => r.role === 'PERMISSION_ADMIN'))).length);
  });

  it('sorts across all pages: two pages of two continue one order, both directions, with a total over the whole list', async () => {
    for (const [sortBy, key] of [['BIRTH_DATE', (n: Node) => n.birthDate], ['NAME', (n: Node) => `${n.surname} ${n.givenName}`]] as const) {
      for (const sortDirection of ['ASC', 'DESC']) {
        const whole = (await list({ sortBy, sortDirection })).data._entities[0].staff.edges.map((e: { node: Node }) => e.node) as Node[];
        const keys = whole.map(key);
        expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (sortDirection === 'ASC' ? 1 : -1)));
        const first = (await list({ sortBy, sortDirection, first: 2 })).data._entities[0].staff;
        const second = (await list({ sortBy, sortDirection, first: 2, after: first.pageInfo.endCursor })).data._entities[0].staff;
        expect(first.totalCount).toBe(whole.length);
        expect([...first.edges, ...second.edges].map((e: { node: Node }) => e.node.id)).toEqual(whole.slice(0, 4).map((n) => n.id));
      }
    }
    expect(names(await list({ sortBy: 'BIRTH_DATE', first: 1 }))).toEqual(['Laban Maier']); // born 1948
    // No end date sorts last ascending (an open-ended period ends latest).
    const byEnd = (await list({ sortBy: 'VALID_TO' })).data._entities[0].staff.edges.map((e: { node: Node }) => e.node) as Node[];
    expect(`${byEnd[0].givenName} ${byEnd[0].surname}`).toBe('Karina Asp');
  });

  it('every sort key, with and without a status filter and a search, orders the same people the same way', async () => {
    // The sort keys and the status are computed only when asked for: each combination must still
    // bind its values in the right places and agree with the unfiltered list.
    const all = (await list({})).data._entities[0].staff.edges.map((e: { node: Node }) => e.node) as Node[];
    const active = names(await list({ status: ['ACTIVE'] })).sort();
    for (const sortBy of ['NAME', 'BIRTH_DATE', 'EMAIL', 'ROLE', 'VALID_FROM', 'VALID_TO']) {
      const plain = await list({ sortBy });
      expect(plain.errors).toBeUndefined();
      expect(names(plain).sort()).toEqual(all.map((n) => `${n.givenName} ${n.surname}`).sort());
      const filtered = await list({ sortBy, sortDirection: 'DESC', status: ['ACTIVE'] });
      expect(filtered.errors).toBeUndefined();
      expect(names(filtered).sort()).toEqual(active);
      const searched = await list({ sortBy, status: ['ACTIVE', 'ENDED'], search: 'Agda' });
      expect(names(searched)).toEqual(['Agda Andersson']);
    }
    const byRole = (await list({ sortBy: 'ROLE' })).data._entities[0].staff.edges.map((e: { node: Node }) => e.node) as Node[];
    const firstRole = (n: Node) => n.memberships.find((m) => m.organisation.id === ORG.aratron)!.roles.map((r) => r.role.name).sort()[0];
    const roleKeys = byRole.map(firstRole);
    expect(roleKeys).toEqual([...roleKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('BAD_USER_INPUT for a sort key, status or role that does not exist, an empty status list and a too long search', async () => {
    const bad = await list({ sortBy: 'SHOE_SIZE' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await list({ status: ['SLEEPING'] })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const role = await list({ roleCode: 'NO_SUCH_ROLE' });
    expect(role.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ROLE', field: 'roleCode' });
    const empty = await list({ status: [] });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const long = await list({ search: 'a'.repeat(101) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LONG', field: 'search' });
  });

  it('R-ROLE-3: FORBIDDEN for an administrator of another organisation (null list, nothing of the staff)', async () => {
    const res = await list({ search: 'Asp' }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data._entities[0].staff).toBeNull();
  });

  it('units are searched by the names the organisations service gives them', async () => {
    expect(names(await sys.gql(STAFF, { org: ORG.vux, search: 'Södermalm', first: 50 }, await sys.tokens.of('Vera'))).sort())
      .toEqual(DEMO.people.filter((p) => p.memberships.some((m) => (m.units as readonly string[]).includes('vuxSoder'))).map((p) => `${p.givenName} ${p.surname}`).sort());
    expect(UNIT.vuxSoder).toBeTruthy();
  });
});
