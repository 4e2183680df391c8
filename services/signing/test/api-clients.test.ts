import { createTokenVerifier } from '@behorig/kit/auth';
import { aratron, dorotea, person, startHarness, type Harness } from './support/harness';

const REGISTER = `mutation($o: ID!, $n: String!, $f: [String!]!) { registerApiClient(organisationId: $o, name: $n, functions: $f) {
  clientSecret client { id name functions createdAt revokedAt organisation { id } } } }`;
const REVOKE = `mutation($c: ID!) { revokeApiClient(clientId: $c) { id revokedAt } }`;
const CLIENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { apiClients { id name } } } }`;

const arvid = person('Arvid');
const laban = person('Laban');
const fridolf = person('Fridolf');

describe('partner systems (R-AUTH-2)', () => {
  let h: Harness;
  let arvidToken: string;
  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'UPDATE');
    // R-ROLE-3: a registrar grants only functions they hold (a permission administrator holds PERFORMING_UNIT too).
    h.access.grant(arvid.personalNumber, dorotea, 'PERFORMING_UNIT', 'UPDATE');
    h.access.grant(fridolf.personalNumber, aratron, 'MANAGE_USERS', 'UPDATE');
    h.access.grant(laban.personalNumber, dorotea, 'MANAGE_USERS', 'READ');
    arvidToken = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  });
  afterAll(async () => { await h.stop(); });

  const count = async (table: string) => Number((await h.sql<{ n: string }>(`SELECT count(*) AS n FROM signing.${table}`))[0].n);
  const token = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${h.base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  let clientId: string;
  let secret: string;

  it('R-AUTH-2: the permission administrator registers a client; the secret is shown once and stored only as an scrypt hash; the event is in the chain', async () => {
    const res = await h.gql(REGISTER, { o: dorotea, n: 'Dorotea HR-system', f: ['PERFORMING_UNIT', 'MANAGE_USERS', 'PERFORMING_UNIT'] }, arvidToken);
    expect(res.errors).toBeUndefined();
    const { client, clientSecret } = res.data.registerApiClient;
    expect(client).toMatchObject({ name: 'Dorotea HR-system', functions: ['MANAGE_USERS', 'PERFORMING_UNIT'], revokedAt: null, organisation: { id: dorotea } });
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    clientId = client.id;
    secret = clientSecret;
    const [stored] = await h.sql<{ secret_hash: string }>(`SELECT secret_hash FROM signing.api_client WHERE id = ?`, [clientId]);
    expect(stored.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.secret_hash).not.toContain(secret);
    const events = await h.sql<{ action: string; organisation_id: string; actor: string }>(`SELECT action, organisation_id, actor FROM signing.audit_event WHERE action LIKE 'apiClient.%'`);
    expect(events).toEqual([{ action: 'apiClient.registered', organisation_id: dorotea, actor: `person:${arvid.id}` }]);
    // Listed for administrators, never with the secret.
    const listed = await h.gql(CLIENTS, { r: [{ __typename: 'Organisation', id: dorotea }] }, arvidToken);
    expect(listed.data._entities[0].apiClients).toEqual([{ id: clientId, name: 'Dorotea HR-system' }]);
  });

  it('R-AUTH-2: FORBIDDEN for a reader without MANAGE_USERS UPDATE and for an administrator of another organisation; nothing changes', async () => {
    const before = [await count('api_client'), await count('audit_event')];
    for (const who of [laban, fridolf]) {
      const t = await h.keys.token({ personalNumber: who.personalNumber, personId: who.id });
      const res = await h.gql(REGISTER, { o: dorotea, n: 'Intrång', f: ['MANAGE_USERS'] }, t);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(REVOKE, { c: clientId }, t)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect([await count('api_client'), await count('audit_event')]).toEqual(before);
  });

  it('R-AUTH-2: BAD_USER_INPUT names the field (unknown function, no functions, short name) and changes nothing', async () => {
    const before = [await count('api_client'), await count('audit_event')];
    const cases: [Record<string, unknown>, string][] = [
      [{ o: dorotea, n: 'System', f: ['FLY_TO_THE_MOON'] }, 'functions'],
      [{ o: dorotea, n: 'System', f: [] }, 'functions'],
      [{ o: dorotea, n: ' x ', f: ['MANAGE_USERS'] }, 'name'],
      [{ o: 'not-an-id', n: 'System', f: ['MANAGE_USERS'] }, 'organisationId'],
    ];
    for (const [vars, field] of cases) {
      const res = await h.gql(REGISTER, vars, arvidToken);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect([await count('api_client'), await count('audit_event')]).toEqual(before);
  });

  it('R-AUTH-2: POST /oauth/token (client credentials, Basic or form body) returns a client token limited to its organisation and functions', async () => {
    const basic = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    const viaBasic = await token('grant_type=client_credentials', { authorization: basic });
    expect(viaBasic.status).toBe(200);
    const body = (await viaBasic.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const actor = await createTokenVerifier({ jwks: h.keys.jwks as never })(body.access_token);
    expect(actor).toEqual({ kind: 'client', clientId, organisationId: dorotea, functions: ['MANAGE_USERS', 'PERFORMING_UNIT'], jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const viaForm = await token(`grant_type=client_credentials&client_id=${clientId}&client_secret=${encodeURIComponent(secret)}`);
    expect(viaForm.status).toBe(200);
    // The client reads its own organisation's log (it holds MANAGE_USERS there) and is FORBIDDEN elsewhere.
    const log = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { auditLog { totalCount } } } }`;
    const own = await h.gql(log, { r: [{ __typename: 'Organisation', id: dorotea }] }, body.access_token);
    expect(own.data._entities[0].auditLog.totalCount).toBe(1);
    const other = await h.gql(log, { r: [{ __typename: 'Organisation', id: aratron }] }, body.access_token);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await token('grant_type=client_credentials', { authorization: `Basic ${Buffer.from(`${clientId}:wrong`).toString('base64')}` })).status).toBe(401);
    expect((await token('grant_type=password&username=a&password=b')).status).toBe(400);
    expect((await token('grant_type=client_credentials')).status).toBe(401);
  });

  it('R-AUTH-2: a revoked client gets no more tokens; revocation is audited', async () => {
    const res = await h.gql(REVOKE, { c: clientId }, arvidToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.revokeApiClient.revokedAt).not.toBeNull();
    const basic = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    expect((await token('grant_type=client_credentials', { authorization: basic })).status).toBe(401);
    const events = await h.sql<{ action: string }>(`SELECT action FROM signing.audit_event WHERE action LIKE 'apiClient.%' ORDER BY seq`);
    expect(events.map((e) => e.action)).toEqual(['apiClient.registered', 'apiClient.revoked']);
  });
});
