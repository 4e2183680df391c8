import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from '@behorig/kit/demo';
import { createLogger } from '@behorig/kit/server';
import { createTestDatabase } from '@behorig/kit/testing';
import { buildGateway } from '../src/server';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimitStore } from '../src/rate-limit';
import { startSystem, type System } from './support/system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;

interface Answer { status: number; retryAfter: string | null; corsOrigin: string | null; corsExposed: string | null; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }

/** POSTs through the gateway as if from `address` (the gateway trusts loopback as a proxy in these tests). */
async function post(url: string, body: unknown, address: string, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    // As the web client in a browser sends it: from the web origin.
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status, retryAfter: res.headers.get('retry-after'),
    corsOrigin: res.headers.get('access-control-allow-origin'), corsExposed: res.headers.get('access-control-expose-headers'), body: await res.json() as Answer['body'] };
}

const startLogin = { query: 'mutation StartLogin { startLogin { orderRef } }' };
/** A documentation-range address per test, so the tests' counters never meet. */
const addr = (() => { let n = 1; return () => `198.51.100.${n++}`; })();

describe('rate limits at the gateway', () => {
  let sys: System;
  let pg: Client;
  const orders = async () => Number((await pg.query('SELECT count(*) FROM signing.signing_order')).rows[0].count);

  beforeAll(async () => {
    sys = await startSystem({ rateLimits: { login: 10, perCaller: 30, perAddress: 400, token: 5, windowSeconds: 60 }, trustedProxies: ['loopback'] });
    pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await sys.stop();
  });

  it('150 parallel startLogin from one address: all but the allowance refused with 429, no order created for them', async () => {
    const before = await orders();
    const from = addr();
    const answers = await Promise.all(Array.from({ length: 150 }, () => post(sys.gatewayUrl, startLogin, from)));
    const refused = answers.filter((a) => a.status === 429);
    const started = answers.filter((a) => a.status === 200 && !a.body.errors);
    expect(started).toHaveLength(10);
    expect(refused).toHaveLength(140);
    for (const a of refused) {
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(a.retryAfter)).toBeLessThanOrEqual(60);
      expect(a.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_LOGINS' });
      expect(a.body.data).toBeUndefined();
    }
    // Only the allowed log-ins reached signing: one order each, none for the refused ones.
    expect((await orders()) - before).toBe(10);
  });

  it('another address may still log in while the first waits', async () => {
    const a = await post(sys.gatewayUrl, startLogin, addr());
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
  });

  it('limits a signed-in person wherever they come from, not others', async () => {
    const token = await sys.keys.token({ personalNumber: arvid.personalNumber });
    // Spread over many addresses: the per-caller limit follows the person, not the address.
    const answers: Answer[] = [];
    for (let i = 0; i < 31; i++) answers.push(await post(sys.gatewayUrl, { query: '{ me { id } }' }, addr(), token));
    expect(answers.slice(0, 30).every((a) => a.status === 200 && !a.body.errors)).toBe(true);
    expect(answers[30].status).toBe(429);
    expect(answers[30].body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS_FROM_CALLER' });
    expect(answers[30].retryAfter).toMatch(/^\d+$/);

    const other = await post(sys.gatewayUrl, { query: '{ me { id } }' }, addr(), await sys.keys.token({ personalNumber: tolvan.personalNumber, authority: true }));
    expect(other.status).toBe(200);
  });

  it('limits any request per address (a flood of anonymous reads)', async () => {
    const from = addr();
    let first429: Answer | undefined;
    let sent = 0;
    while (!first429 && sent < 500) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => post(sys.gatewayUrl, { query: '{ __typename }' }, from)));
      sent += 50;
      first429 = batch.find((a) => a.status === 429);
    }
    expect(sent).toBeGreaterThan(400);
    expect(sent).toBeLessThanOrEqual(450);
    expect(first429?.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_REQUESTS_FROM_ADDRESS' });
    expect(Number(first429?.retryAfter)).toBeGreaterThanOrEqual(1);
    // A browser can read the refusal and its Retry-After (CORS headers on the 429 too).
    expect(first429?.corsOrigin).toBe('http://localhost:5173');
    expect(first429?.corsExposed).toMatch(/retry-after/);
  });

  it('POST /oauth/token is limited more strictly, per address', async () => {
    const from = addr();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await fetch(`${sys.gatewayBase}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
        body: `grant_type=client_credentials&client_id=${randomUUID()}&client_secret=wrong`,
      });
      statuses.push(last.status);
    }
    // Five wrong secrets are answered by signing (401/400), the sixth never reaches it.
    expect(statuses.slice(0, 5).every((s) => s === 400 || s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as Answer['body']).errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_TOKEN_REQUESTS' });
  });

  it('automatic persisted queries still work through the gateway', async () => {
    const { createHash } = await import('node:crypto');
    const query = 'query ApqProbe { __typename }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const from = addr();
    const unknown = await post(sys.gatewayUrl, { extensions }, from);
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(sys.gatewayUrl, { query, extensions }, from);
    expect(registered.body).toEqual({ data: { __typename: 'Query' } });
    const byHash = await post(sys.gatewayUrl, { extensions, operationName: 'ApqProbe' }, from);
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual({ data: { __typename: 'Query' } });
  });

  /** Two gateway replicas on one shared store count together. */
  async function twoReplicasShare(store: RateLimitStore) {
    const logger = createLogger('gateway', 'silent');
    const replicas = await Promise.all([0, 1].map(() => buildGateway({
      verify: sys.keys.verify, subgraphUrls: sys.urls, logger, trustedProxies: ['loopback'],
      rateLimits: { login: 4, windowSeconds: 60 }, rateLimitStore: store,
    })));
    try {
      const urls = await Promise.all(replicas.map(async (r) => `${await r.listen(0, '127.0.0.1')}/graphql`));
      // A fresh address per run: the shared store outlives this test.
      const from = `2001:db8::${randomUUID().slice(0, 4)}`;
      const answers: Answer[] = [];
      for (let i = 0; i < 6; i++) answers.push(await post(urls[i % 2], startLogin, from));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  }

  it('replicas share their counters in Redis', async () => {
    await twoReplicasShare({ kind: 'redis', url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
  });

  it('replicas share their counters in PostgreSQL', async () => {
    await twoReplicasShare({ kind: 'postgres', url: sys.db.url });
  });

  it('replicas starting together on a fresh PostgreSQL store all start, and count in one table', async () => {
    // Concurrent CREATE TABLE IF NOT EXISTS collides in PostgreSQL's catalogue ("type … already
    // exists" or a unique violation), which stopped a replica from starting; a rollout starts
    // several at once. The collision is a race, so it is tried on a fresh store many times.
    const db = await createTestDatabase('ratelimit');
    const logger = createLogger('gateway', 'silent');
    const check = new Client({ connectionString: db.url });
    await check.connect();
    try {
      for (let round = 0; round < 80; round++) {
        await check.query('DROP TABLE IF EXISTS gateway_rate_limits');
        const started = await Promise.allSettled(Array.from({ length: 6 }, () => createRateLimiter(DEFAULT_RATE_LIMITS, { kind: 'postgres', url: db.url }, logger)));
        const refused = started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason));
        const limiters = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        try {
          expect({ round, refused }).toEqual({ round, refused: [] });
          // They count together: one request from one address on each replica is that many in one counter.
          for (const l of limiters) expect(await l.take('login', '192.0.2.7')).toBeNull();
          const { rows } = await check.query("SELECT points FROM gateway_rate_limits WHERE key = 'behorig-login:192.0.2.7'");
          expect(rows).toEqual([{ points: limiters.length }]);
        } finally {
          await Promise.all(limiters.map((l) => l.close()));
        }
      }
    } finally {
      await check.end();
      await db.drop();
    }
  });
});
