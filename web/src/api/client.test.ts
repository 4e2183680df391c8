import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql } from 'urql';
import { createClient, keys } from './client';
import { getToken, setToken } from '../auth/session';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('urql client', () => {
  it('POSTs (Apollo CSRF guard) with the session token as a bearer header', async () => {
    setToken('tok-123');
    const fetchMock = stubFetch({ data: { me: { __typename: 'Person', id: 'p1', givenName: 'Arvid' } } });
    const client = createClient('http://gw/graphql', () => {});
    const r = await client.query(gql`{ me { id givenName } }`, {}).toPromise();
    expect(r.data.me.givenName).toBe('Arvid');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://gw/graphql');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok-123');
    // Client awareness: the gateway's metrics and access log name the web client.
    expect(new Headers(init.headers).get('apollographql-client-name')).toBe('behorig-web');
    expect(new Headers(init.headers).get('apollographql-client-version')).toMatch(/\S/);
  });

  it('UNAUTHENTICATED logs out: the token is dropped and the app is told to show log-in', async () => {
    setToken('expired');
    stubFetch({ errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }], data: { me: null } });
    const onLoggedOut = vi.fn();
    const client = createClient('http://gw/graphql', onLoggedOut);
    await client.query(gql`{ me { id } }`, {}).toPromise();
    await vi.waitFor(() => expect(onLoggedOut).toHaveBeenCalled());
    expect(getToken()).toBeNull();
  });

  it('normalises by the federation keys; types without an id are embedded', () => {
    expect(keys.Service!({ __typename: 'Service', code: 'KOMVUX' })).toBe('KOMVUX');
    expect(keys.SchoolForm!({ __typename: 'SchoolForm', code: 'SFI' })).toBe('SFI');
    expect(keys.SigningOrder!({ __typename: 'SigningOrder', orderRef: 'o1' })).toBe('o1');
    expect(keys.Role!({ __typename: 'Role', code: 'READER' })).toBe('READER');
    for (const t of ['PermissionScope', 'Membership', 'FunctionGrant', 'PageInfo', 'StaffConnection', 'AuditEventEdge', 'Employment']) expect(keys[t]!({ __typename: t })).toBeNull();
  });
});
