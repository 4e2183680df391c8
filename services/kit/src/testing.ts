import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { dropDatabase, ensureDatabase, freePort, startEmbeddedPostgres, withDatabase } from './db';
import { rawEnv } from './env';
import { generateSigningKeyJwk, mintToken, signingKeyFromJwk, createTokenVerifier, type SigningKey, type TokenVerifier } from './auth';
import { DEMO } from './demo-data';
import { createServiceCredentials, SERVICE_NAMES, type ServiceCredentials, type ServiceName, type ServicePublicKeys } from './service-credentials';

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

/** Anything that runs SQL with `?` placeholders and returns rows (a MikroORM EntityManager, `em.getConnection()`). */
export interface SqlExecutor { execute<T = any>(sql: string, params?: unknown[]): Promise<T> }

/**
 * Schema agreement: the migrated tables have exactly the columns the stores' SQL expects
 * (`expected` keys are `'schema.table'`, values the column names in any order). Throws one error
 * listing every table that is missing, every column the code expects but the table lacks, and
 * every column the table has but the code does not name, so a migration and a store cannot drift
 * apart silently. `target` is an EntityManager (or any executor) or a database URL.
 */
export async function assertColumns(target: SqlExecutor | string, expected: Record<string, readonly string[]>): Promise<void> {
  const tables = Object.keys(expected);
  for (const t of tables) if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`assertColumns: '${t}' is not 'schema.table'`);
  const sql = `SELECT table_schema || '.' || table_name AS "table", column_name AS "column"
                 FROM information_schema.columns
                WHERE table_schema || '.' || table_name = ANY(?::text[])`;
  // A text[] literal (the names are checked above), since the ORM's driver would expand an array.
  const asArray = `{${tables.join(',')}}`;
  let rows: { table: string; column: string }[];
  if (typeof target === 'string') {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: target });
    await client.connect();
    try {
      rows = (await client.query<{ table: string; column: string }>(sql.replace('?', '$1'), [asArray])).rows;
    } finally {
      await client.end();
    }
  } else {
    rows = await target.execute<{ table: string; column: string }[]>(sql, [asArray]);
  }
  const actual = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!actual.has(r.table)) actual.set(r.table, new Set());
    actual.get(r.table)!.add(r.column);
  }
  const problems: string[] = [];
  for (const table of tables) {
    const has = actual.get(table);
    if (!has) {
      problems.push(`${table}: no such table`);
      continue;
    }
    const want = new Set(expected[table]);
    const missing = [...want].filter((c) => !has.has(c));
    const extra = [...has].filter((c) => !want.has(c));
    if (missing.length) problems.push(`${table}: the code expects ${missing.join(', ')}, which the table lacks`);
    if (extra.length) problems.push(`${table}: the table has ${extra.join(', ')}, which the code does not name`);
  }
  if (problems.length) throw new Error(`The migrated schema does not match the stores:\n  ${problems.join('\n  ')}`);
}

/**
 * Throw-away service keys for every service (R-AUTH-4), as production has them: each service signs
 * with its own key and trusts the others' public keys. `credentials('access')` is what access's
 * server and relay are given; the same keyring must be shared by the services of one test system.
 */
export interface TestServiceKeys {
  credentials(service: ServiceName): ServiceCredentials;
  publicKeys: ServicePublicKeys;
}

export async function testServiceKeys(): Promise<TestServiceKeys> {
  const keys = new Map<ServiceName, SigningKey>();
  for (const s of SERVICE_NAMES) keys.set(s, await signingKeyFromJwk({ ...(await generateSigningKeyJwk()), kid: `test-${s}` }));
  const publicKeys: ServicePublicKeys = Object.fromEntries([...keys].map(([s, k]) => [s, { keys: [k.publicJwk] }]));
  const made = new Map<ServiceName, ServiceCredentials>();
  return {
    publicKeys,
    credentials(service) {
      let c = made.get(service);
      if (!c) {
        c = createServiceCredentials({ service, key: keys.get(service)!, trusted: publicKeys });
        made.set(service, c);
      }
      return c;
    },
  };
}

let shared: Promise<TestServiceKeys> | undefined;
/** One keyring per test process, for harnesses whose services and relays are built in different places. */
export const sharedTestServiceKeys = (): Promise<TestServiceKeys> => (shared ??= testServiceKeys());
