import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
import { createHttpPermissionSource, createPermissionClient, type PermissionSource } from './permissions';
import type { Actor } from './auth';

/**
 * The PermissionClient against a real small HTTP server standing in for the access subgraph's
 * `myAccess` (R-ROLE-2): what it answers, how often it is asked, and what happens when it cannot answer.
 */
type Handler = (body: { variables: { organisationId: string; function: string; access: string } }, req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let url: string;
let handler: Handler;
let requests: { authorization?: string; variables: Record<string, string> }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ authorization: req.headers.authorization, variables: body.variables });
      handler(body, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  requests = [];
  handler = (body, _req, res) => json(res, { data: { myAccess: { allowed: body.variables.organisationId === 'org-a' && body.variables.function === 'MANAGE_USERS', reason: 'test' } } });
});

const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const person: Actor = { kind: 'person', personId: 'p1', authority: false };
const authority: Actor = { kind: 'person', personId: null, authority: true };
const client: Actor = { kind: 'client', clientId: 'c1', organisationId: 'org-a', functions: ['CONTACT_PERSON'] };
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return `${(e as GraphQLError).extensions?.code}/${(e as GraphQLError).extensions?.reason}`;
  }
};

describe('PermissionClient (R-ROLE-2) against an access stand-in over HTTP', () => {
  it("asks access with the caller's own Authorization and answers its decision", async () => {
    const perms = createPermissionClient(person, createHttpPermissionSource({ accessUrl: url }), 'Bearer caller');
    expect(await perms.can('MANAGE_USERS', 'READ', 'org-a')).toBe(true);
    expect(await perms.can('MANAGE_USERS', 'READ', 'org-b')).toBe(false);
    expect(requests).toEqual([
      { authorization: 'Bearer caller', variables: { organisationId: 'org-a', function: 'MANAGE_USERS', access: 'READ' } },
      { authorization: 'Bearer caller', variables: { organisationId: 'org-b', function: 'MANAGE_USERS', access: 'READ' } },
    ]);
  });

  it('asks each question once per request (memoised), and again in the next request', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    const perms = createPermissionClient(person, source, 'Bearer caller');
    await Promise.all([perms.can('MANAGE_USERS', 'READ', 'org-a'), perms.can('MANAGE_USERS', 'READ', 'org-a')]);
    await perms.can('MANAGE_USERS', 'READ', 'org-a');
    await perms.can('MANAGE_USERS', 'UPDATE', 'org-a');
    expect(requests).toHaveLength(2);
    await createPermissionClient(person, source, 'Bearer caller').can('MANAGE_USERS', 'READ', 'org-a');
    expect(requests).toHaveLength(3);
  });

  it('R-ROLE-3: the authority may do everything without asking', async () => {
    const perms = createPermissionClient(authority, createHttpPermissionSource({ accessUrl: url }), 'Bearer a');
    expect(await perms.can('ACCOUNT_INFO', 'UPDATE', 'org-z')).toBe(true);
    expect(() => perms.requireAuthority('do this')).not.toThrow();
    expect(requests).toHaveLength(0);
  });

  it('R-AUTH-2: a partner client has exactly its functions in its own organisation, decided without asking', async () => {
    const perms = createPermissionClient(client, createHttpPermissionSource({ accessUrl: url }), 'Bearer c');
    expect(await perms.can('CONTACT_PERSON', 'UPDATE', 'org-a')).toBe(true);
    expect(await perms.can('MANAGE_USERS', 'READ', 'org-a')).toBe(false);
    expect(await perms.can('CONTACT_PERSON', 'READ', 'org-b')).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('no actor is UNAUTHENTICATED; a person without a token and a service are refused without asking', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    expect(await codeOf(createPermissionClient(null, source, undefined).can('MANAGE_USERS', 'READ', 'org-a'))).toBe('UNAUTHENTICATED/NOT_SIGNED_IN');
    expect(await createPermissionClient(person, source, undefined).can('MANAGE_USERS', 'READ', 'org-a')).toBe(false);
    expect(await createPermissionClient({ kind: 'service', service: 'signing' }, source, 'Bearer s').can('MANAGE_USERS', 'READ', 'org-a')).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('require: FORBIDDEN with FUNCTION_REQUIRED, or the reason given; requireAuthority: AUTHORITY_ONLY', async () => {
    const perms = createPermissionClient(person, createHttpPermissionSource({ accessUrl: url }), 'Bearer caller');
    await expect(perms.require('MANAGE_USERS', 'READ', 'org-a')).resolves.toBeUndefined();
    expect(await codeOf(perms.require('MANAGE_USERS', 'READ', 'org-b'))).toBe('FORBIDDEN/FUNCTION_REQUIRED');
    expect(await codeOf(perms.require('MANAGE_USERS', 'READ', 'org-b', { message: 'no log for you', reason: 'AUDIT_LOG_ADMINISTRATORS_ONLY' }))).toBe('FORBIDDEN/AUDIT_LOG_ADMINISTRATORS_ONLY');
    expect(() => perms.requireAuthority('do this')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'AUTHORITY_ONLY' }) }));
    expect(() => createPermissionClient(null, {} as PermissionSource, undefined).requireAuthority('x')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });

  it("access refusing the question (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT) is a definite no; its UNAUTHENTICATED is the caller's", async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']) {
      handler = (_b, _q, res) => json(res, { data: { myAccess: null }, errors: [{ message: 'no', extensions: { code } }] });
      expect(await createPermissionClient(person, source, 'Bearer x').can('MANAGE_USERS', 'READ', 'org-a')).toBe(false);
    }
    handler = (_b, _q, res) => json(res, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await codeOf(createPermissionClient(person, source, 'Bearer x').can('MANAGE_USERS', 'READ', 'org-a'))).toBe('UNAUTHENTICATED/NOT_SIGNED_IN');
  });

  it('no definite answer is SERVICE_UNAVAILABLE (PERMISSION_SERVICE_UNAVAILABLE), never a silent yes or no', async () => {
    const source = createHttpPermissionSource({ accessUrl: url, timeoutMs: 300 });
    const ask = () => codeOf(createPermissionClient(person, source, 'Bearer x').can('MANAGE_USERS', 'READ', 'org-a'));
    const unavailable = 'SERVICE_UNAVAILABLE/PERMISSION_SERVICE_UNAVAILABLE';
    handler = (_b, _q, res) => json(res, { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 500);
    expect(await ask()).toBe(unavailable);
    handler = (_b, _q, res) => { res.writeHead(502); res.end('<html>bad gateway</html>'); };
    expect(await ask()).toBe(unavailable);
    handler = (_b, _q, res) => json(res, { data: { myAccess: { allowed: 'yes' } } });
    expect(await ask()).toBe(unavailable);
    // An answer that never comes: only the client's own timeout can end the question (no wall-clock
    // bound here — the machine's load must not decide the test). The held response is released after.
    const held: Parameters<typeof handler>[2][] = [];
    handler = (_b, _q, res) => { held.push(res); };
    expect(await ask()).toBe(unavailable);
    for (const res of held) json(res, { data: { myAccess: { allowed: true } } });
    // Nothing listens there.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await codeOf(createPermissionClient(person, createHttpPermissionSource({ accessUrl: `http://127.0.0.1:${port}/graphql` }), 'Bearer x').can('MANAGE_USERS', 'READ', 'org-a'))).toBe(unavailable);
  });
});
