import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { dropDatabase, ensureDatabase, freePort, startEmbeddedPostgres, withDatabase } from './db';
import { rawEnv } from './env';
import { generateSigningKeyJwk, mintToken, signingKeyFromJwk, createTokenVerifier, type SigningKey, type TokenVerifier } from './auth';
import { DEMO } from './demo-data';

/**
 * Test helpers. Every test file gets its own database on one real PostgreSQL server, so files
 * run in parallel without seeing each other's rows. The server is DATABASE_URL when set,
 * otherwise an embedded PostgreSQL started once per jest run by `jestGlobalSetup`.
 */
const SERVER_VAR = 'BEHORIG_TEST_DB_SERVER';

export function testServerUrl(): string {
  const url = rawEnv(SERVER_VAR) ?? rawEnv('DATABASE_URL');
  if (!url) throw new Error(`No test database server: set DATABASE_URL or run through jest's globalSetup (${SERVER_VAR}).`);
  return url;
}

export interface TestDatabase { url: string; name: string; drop: () => Promise<void> }

export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `behorig_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await ensureDatabase(server, name);
  return { url: withDatabase(server, name), name, drop: () => dropDatabase(server, name) };
}

type Stoppable = { stop: () => Promise<void>; dir: string };
const g = globalThis as unknown as { __behorigEmbedded?: Stoppable };

/** jest `globalSetup`: provides a database server for the whole run. */
export async function jestGlobalSetup(): Promise<void> {
  const configured = rawEnv(SERVER_VAR) ?? rawEnv('DATABASE_URL');
  if (configured) {
    process.env[SERVER_VAR] = configured;
    return;
  }
  const dir = join(tmpdir(), `behorig-test-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: dir, port });
  g.__behorigEmbedded = { stop: server.stop, dir };
  process.env[SERVER_VAR] = server.url;
}

export async function jestGlobalTeardown(): Promise<void> {
  const e = g.__behorigEmbedded;
  if (!e) return;
  await e.stop();
  rmSync(e.dir, { recursive: true, force: true });
}

/**
 * Who a test token is for: a person id, or (shorthand) a demo person's personal number, which is
 * turned into that person's id here — the token itself never carries a number.
 */
export type TestPersonClaims = { personId?: string | null; personalNumber?: string; authority?: boolean };

/** A throw-away signing key and a verifier for it: tests mint tokens with the production code path. */
export async function testKeys(): Promise<{ key: SigningKey; verify: TokenVerifier; jwks: { keys: object[] }; token: (c: TestPersonClaims) => Promise<string> }> {
  const key = await signingKeyFromJwk(await generateSigningKeyJwk());
  const jwks = { keys: [key.publicJwk] };
  const verify = createTokenVerifier({ jwks });
  const token = async (c: TestPersonClaims) => {
    const demo = [...DEMO.people, DEMO.andreaSandin].find((p) => p.personalNumber === c.personalNumber);
    const personId = c.personId ?? (demo && 'id' in demo ? demo.id : null);
    if (!personId && !c.authority) throw new Error('A test person token needs a person id (or a demo person\'s personal number).');
    return (await mintToken(key, { kind: 'person', personId, authority: c.authority ?? false })).token;
  };
  return { key, verify, jwks, token };
}

export interface GraphQLResponse<T = any> { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown>; path?: (string | number)[] }[] }

/** POSTs one GraphQL operation (as every client must: Apollo's CSRF guard blocks simple GETs). */
export async function gqlRequest<T = any>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}
