import { DEMO } from '@behorig/kit/demo';
import { createTestDatabase, gqlRequest, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../src/server';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const laban = DEMO.people.find((p) => p.givenName === 'Laban')!;

describe('access subgraph (walking skeleton)', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let url: string;
  let keys: Awaited<ReturnType<typeof testKeys>>;

  beforeAll(async () => {
    db = await createTestDatabase('acc');
    keys = await testKeys();
    server = await buildServer({ databaseUrl: db.url, verify: keys.verify, demoData: true });
    url = `${await server.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('R-USR-2: me returns the signed-in person with memberships as organisation references', async () => {
    const token = await keys.token({ personalNumber: arvid.personalNumber });
    const res = await gqlRequest(url, `{ me { id givenName surname birthDate memberships { organisation { id } units { id } roles { role { code name } validFrom validTo } } } }`, undefined, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toEqual({
      id: arvid.id, givenName: 'Arvid', surname: 'Aronsson', birthDate: '1964-03-26',
      memberships: [{
        organisation: { id: DEMO.organisations.dorotea.id },
        units: [{ id: DEMO.units.doroteaUbk.id }],
        roles: [{ role: { code: 'PERMISSION_ADMIN', name: 'Behörighetsadministratör' }, validFrom: '2016-05-01', validTo: null }],
      }],
    });
  });

  it('R-USR-1: a person from another organisation is FORBIDDEN to read someone else', async () => {
    const token = await keys.token({ personalNumber: laban.personalNumber });
    const res = await gqlRequest(url, `query($id: ID!) { person(id: $id) { givenName } }`, { id: arvid.id }, token);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.person ?? null).toBeNull();
  });

  it('the authority may read anyone', async () => {
    const token = await keys.token({ personalNumber: '191212121212', authority: true });
    const res = await gqlRequest(url, `query($id: ID!) { person(id: $id) { givenName memberships { organisation { id } } } }`, { id: arvid.id }, token);
    expect(res.data.person).toEqual({ givenName: 'Arvid', memberships: [{ organisation: { id: DEMO.organisations.dorotea.id } }] });
  });

  it('refuses me without a token', async () => {
    const res = await gqlRequest(url, `{ me { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
