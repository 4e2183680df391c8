import { type TokenVerifier } from '@behorig/kit/auth';
import { DEMO } from '@behorig/kit/demo';
import { createTestDatabase, gqlRequest, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../src/server';

describe('organisations subgraph (walking skeleton)', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let url: string;
  let token: string;
  let verify: TokenVerifier;

  beforeAll(async () => {
    db = await createTestDatabase('org');
    const keys = await testKeys();
    verify = keys.verify;
    token = await keys.token({ personalNumber: '191212121212', authority: true });
    server = await buildServer({ databaseUrl: db.url, verify, demoData: true });
    url = `${await server.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('answers /health with 200 when the database answers', async () => {
    const res = await fetch(url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('R-ORG-1: finds Dorotea kommun by organisation number, in any accepted form', async () => {
    const res = await gqlRequest(url, `query($n: String!) { organisationByNumber(orgNumber: $n) { id name orgNumber kind units { name service { name } } } }`, { n: '2120002809' }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisationByNumber).toEqual({
      id: DEMO.organisations.dorotea.id, name: 'Dorotea kommun', orgNumber: '212000-2809', kind: 'MUNICIPALITY',
      units: [{ name: 'Dorotea UBK', service: { name: 'Utbildningskontrakt' } }],
    });
  });

  it('R-ID-3: refuses an invalid organisation number with BAD_USER_INPUT naming the field', async () => {
    const res = await gqlRequest(url, `{ organisationByNumber(orgNumber: "212000-2808") { id } }`, undefined, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgNumber' });
    expect(res.errors?.[0].message).toMatch(/check digit should be 9/);
  });

  it('refuses queries without a token (UNAUTHENTICATED) and with a forged one', async () => {
    const none = await gqlRequest(url, `{ services { code } }`);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = await testKeys();
    const forged = await other.token({ personalNumber: '191212121212', authority: true });
    const bad = await gqlRequest(url, `{ services { code } }`, undefined, forged);
    expect(bad.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resolves Unit references through _entities in one batch', async () => {
    const ids = Object.values(DEMO.units).map((u) => u.id);
    const res = await gqlRequest(url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { id name schoolForms { code } } } }`,
      { r: ids.map((id) => ({ __typename: 'Unit', id })) }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((u: { name: string }) => u.name)).toEqual(Object.values(DEMO.units).map((u) => u.name));
    expect(res.data._entities[2].schoolForms.map((s: { code: string }) => s.code).sort()).toEqual(['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI']);
  });

  it('pages organisations by name with totalCount', async () => {
    const res = await gqlRequest(url, `{ organisations(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`, undefined, token);
    expect(res.data.organisations.totalCount).toBe(4);
    expect(res.data.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Aratron AB', 'Arbetsförmedlingen']);
    const next = await gqlRequest(url, `query($a: String) { organisations(first: 2, after: $a) { edges { node { name } } pageInfo { hasNextPage } } }`, { a: res.data.organisations.pageInfo.endCursor }, token);
    expect(next.data.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Dorotea kommun', 'Vuxenlärcentrum Stockholm AB']);
    expect(next.data.organisations.pageInfo.hasNextPage).toBe(false);
  });
});
