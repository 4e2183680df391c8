import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '@behorig/kit';
import { createHttpPermissionSource } from './access.client';

/**
 * A tiny stand-in for the access subgraph's `myAccess` (the interface agreed between the
 * services): it answers for the caller named by the forwarded Authorization header.
 * Grants: token "arvid" has CONTACT_PERSON UPDATE in org-dorotea.
 */
describe('HTTP PermissionSource (organisations → access myAccess)', () => {
  let server: http.Server;
  let url: string;
  const received: { authorization?: string; body: { query: string; variables: Record<string, string> } }[] = [];
  let mode: 'ok' | 'graphql-error' | 'unauthenticated' | 'html' = 'ok';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = JSON.parse(raw);
        received.push({ authorization: req.headers.authorization, body });
        if (mode === 'html') { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html>bad gateway</html>'); return; }
        res.writeHead(200, { 'content-type': 'application/json' });
        if (mode === 'graphql-error') { res.end(JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })); return; }
        if (mode === 'unauthenticated') { res.end(JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] })); return; }
        const v = body.variables;
        const allowed = req.headers.authorization === 'Bearer arvid' && v.organisationId === 'org-dorotea' && v.function === 'CONTACT_PERSON' && (v.access === 'READ' || v.access === 'UPDATE');
        res.end(JSON.stringify({ data: { myAccess: { allowed, reason: allowed ? 'role PERMISSION_ADMIN' : 'no role grants this' } } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); });
  beforeEach(() => { received.length = 0; mode = 'ok'; });

  const arvid: Actor = { kind: 'person', personId: null, authority: false };

  it('R-ROLE-2: asks myAccess with the function, level and organisation, forwarding the caller\'s Authorization', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    expect(await source.can(arvid, 'CONTACT_PERSON', 'UPDATE', 'org-dorotea', 'Bearer arvid')).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0].authorization).toBe('Bearer arvid');
    expect(received[0].body.query).toMatch(/myAccess\(organisationId: \$organisationId, function: \$function, access: \$access\)/);
    expect(received[0].body.variables).toEqual({ organisationId: 'org-dorotea', function: 'CONTACT_PERSON', access: 'UPDATE' });
  });

  it('R-ROLE-2: a "no" from access is false (other organisation, other function, other caller)', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    expect(await source.can(arvid, 'CONTACT_PERSON', 'UPDATE', 'org-aratron', 'Bearer arvid')).toBe(false);
    expect(await source.can(arvid, 'ACCOUNT_INFO', 'READ', 'org-dorotea', 'Bearer arvid')).toBe(false);
    expect(await source.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea', 'Bearer laban')).toBe(false);
  });

  it('without an Authorization header it answers false without asking', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    expect(await source.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea')).toBe(false);
    expect(received).toHaveLength(0);
  });

  it('a failing or unreachable access service is SERVICE_UNAVAILABLE, never a silent yes or no', async () => {
    const source = createHttpPermissionSource({ accessUrl: url });
    mode = 'graphql-error';
    await expect(source.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea', 'Bearer arvid')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    mode = 'html';
    await expect(source.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea', 'Bearer arvid')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    mode = 'unauthenticated';
    await expect(source.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea', 'Bearer arvid')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const nowhere = createHttpPermissionSource({ accessUrl: 'http://127.0.0.1:1/graphql', timeoutMs: 2000 });
    await expect(nowhere.can(arvid, 'CONTACT_PERSON', 'READ', 'org-dorotea', 'Bearer arvid')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
