import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { repoRoot } from '@behorig/kit/db';
import { ARATRON, partnerToken } from './security/actors';
import { startSystem, type System } from './support/system';
import { defaultManifestPath, loadPersistedManifest } from '../src/persisted-documents';
import { supergraphPath } from '../src/compose';

const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;
const WEB_ORIGIN = 'http://localhost:5173';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer { status: number; cors: string | null; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Persisted documents through the real gateway (docs/operations.md): the web client's manifest
 * (web/persisted-documents.json, built from exactly what urql sends — web/src/api/persisted-manifest.test.ts
 * holds the client side) preloaded, and the web origin restricted to it.
 */
describe('persisted documents at the gateway (PERSISTED_DOCUMENTS=require-for-web-origin)', () => {
  let sys: System;
  let person: string;
  const manifest = loadPersistedManifest(defaultManifestPath());
  const meText = [...manifest.values()].find((t) => t.startsWith('query Me '))!;
  const meHash = sha256(meText);

  async function post(body: unknown, opts: { origin?: string; token?: string } = {}): Promise<Answer> {
    const res = await fetch(sys.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(opts.origin ? { origin: opts.origin } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, cors: res.headers.get('access-control-allow-origin'), body: await res.json() as Answer['body'] };
  }

  beforeAll(async () => {
    sys = await startSystem({ webOrigin: WEB_ORIGIN, persistedDocumentsMode: 'require-for-web-origin' });
    person = (await mintToken(sys.keys.key, { kind: 'person', personId: tolvan.id, authority: true })).token;
  });
  afterAll(async () => { await sys.stop(); });

  it('every manifest document is valid against the committed supergraph (a stale manifest fails here)', () => {
    const schema = buildSchema(readFileSync(supergraphPath(), 'utf8'), { assumeValidSDL: true });
    expect(manifest.size).toBeGreaterThan(10);
    for (const text of manifest.values()) expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
    expect(defaultManifestPath()).toBe(`${repoRoot()}/web/persisted-documents.json`);
  });

  it('a manifest hash is answered with no query text and no first round-trip, from the web origin', async () => {
    const r = await post({ operationName: 'Me', extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } }, { origin: WEB_ORIGIN, token: person });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.me).toMatchObject({ __typename: 'Person', id: tolvan.id, givenName: tolvan.givenName });
    // The text the web client falls back to (urql's retry after PersistedQueryNotFound) is accepted too.
    const withText = await post({ query: meText, operationName: 'Me', extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } }, { origin: WEB_ORIGIN, token: person });
    expect(withText.body).toEqual(r.body);
  });

  it('the web origin is refused any other document, by text or by APQ, with PERSISTED_DOCUMENT_REQUIRED (and CORS, so the page can read it)', async () => {
    const query = 'query Probe { me { id givenName } }';
    const refusals = [
      await post({ query }, { origin: WEB_ORIGIN, token: person }),
      await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }, { origin: WEB_ORIGIN, token: person }),
      // A manifest hash paired with some other text is not the manifest document.
      await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: meHash } } }, { origin: WEB_ORIGIN, token: person }),
      // A document registered by APQ from elsewhere is still not the web client's.
      await (async () => {
        await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }, { token: person });
        return post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }, { origin: WEB_ORIGIN, token: person });
      })(),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(403);
      expect(r.cors).toBe(WEB_ORIGIN);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'PERSISTED_DOCUMENT_REQUIRED' });
    }
  });

  it('a partner system (no browser Origin) still runs free queries', async () => {
    const token = await partnerToken(sys, person, ARATRON, ['MANAGE_USERS']);
    const r = await post({ query: 'query PartnerFree($id: ID!) { organisation(id: $id) { id name } }', variables: { id: ARATRON } }, { token });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.organisation.id).toBe(ARATRON);
  });

  it('automatic persisted queries still work: unknown hash, register, then the hash alone', async () => {
    const query = `query ApqFree { organisation(id: "${ARATRON}") { id } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post({ extensions }, { token: person });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query, extensions }, { token: person });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post({ extensions }, { token: person });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
    expect(byHash.body.data?.organisation.id).toBe(ARATRON);
  });
});
