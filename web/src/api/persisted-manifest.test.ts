import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './client';
import { buildPersistedManifest } from './persisted-manifest';
import { CancelOrderDocument } from '../gql/graphql';

afterEach(() => vi.unstubAllGlobals());

const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'persisted-documents.json'), 'utf8')) as Record<string, string>;

describe('persisted documents (docs/operations.md)', () => {
  it('the committed manifest is the one the generated documents give (run `npm run codegen -w @behorig/web`)', async () => {
    expect(committed).toEqual(await buildPersistedManifest());
    expect(Object.keys(committed).length).toBeGreaterThan(10);
  });

  it('the web client sends a manifest hash first, and on PersistedQueryNotFound exactly the manifest text', async () => {
    const bodies: Array<{ query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } }> = [];
    const answers = [
      { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
      { data: { cancelOrder: { __typename: 'SigningOrder', orderRef: 'o1', status: 'CANCELLED', hintCode: null } } },
    ];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } });
    }));
    const client = createClient('http://gw/graphql', () => {});
    const r = await client.mutation(CancelOrderDocument, { orderRef: 'o1' }).toPromise();
    expect(r.error).toBeUndefined();
    expect(bodies).toHaveLength(2);
    const hash = bodies[0]!.extensions!.persistedQuery!.sha256Hash;
    expect(bodies[0]!.query).toBeUndefined();
    expect(committed[hash]).toContain('mutation CancelOrder');
    expect(bodies[1]!.extensions!.persistedQuery!.sha256Hash).toBe(hash);
    // Byte for byte what the manifest holds: __typename included, urql's print.
    expect(bodies[1]!.query).toBe(committed[hash]);
  });
});
