import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { E2E } from './ports';
import { ensureChromium, systemDeps } from './chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = join(root, 'web', 'test-results');

declare module 'vitest' {
  export interface ProvidedContext { chromiumPath: string; webUrl: string; gatewayUrl: string; simulatorUrl: string; repoRoot: string }
}

/** Each service may take this long to answer on a loaded machine (scripts/start.mjs: START_WAIT_SECONDS); four start one after another. */
const SERVICE_WAIT_SECONDS = 180;

async function waitFor(url: string, child: ChildProcess, timeoutMs = 4 * SERVICE_WAIT_SECONDS * 1000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`scripts/start.mjs exited (${child.exitCode}) before ${url} answered; see web/test-results/system.log`);
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s; see web/test-results/system.log`);
}

function assertFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`port ${port} is in use: set E2E_PORT_BASE to move the browser suite's ports`)));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve()));
  });
}

/**
 * Starts the whole system with `node scripts/start.mjs` on a FRESH database: one created on the
 * server named by DATABASE_URL (as CI does), or an embedded PostgreSQL of its own. Teardown stops
 * it with SIGINT and drops the database.
 */
export default async function setup(project: TestProject) {
  mkdirSync(results, { recursive: true });
  // First, before starting anything: a fresh machine may have no browser (chromium.ts finds or
  // installs one, or fails with one line saying how).
  const chromiumPath = await ensureChromium(systemDeps());
  project.provide('chromiumPath', chromiumPath);
  for (const p of [E2E.gateway, E2E.organisations, E2E.access, E2E.signing, E2E.bankidRp, E2E.bankidControl, E2E.web]) await assertFree(p);
  const lib = await import(pathToFileURL(join(root, 'scripts', 'lib.mjs')).href);
  const pg = (await import('pg')).default;
  let embedded: { url: string; stop: () => Promise<void> } | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await lib.startEmbedded({ dataDir: join(root, '.data', 'web-e2e-pg'), port: E2E.embeddedPg });
    serverUrl = embedded!.url;
  }
  const dbName = `behorig_web_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;

  const log = createWriteStream(join(results, 'system.log'));
  const { BANKID_URL: _real, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: dbUrl.toString(),
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: String(E2E.gateway),
    ORGANISATIONS_PORT: String(E2E.organisations),
    ACCESS_PORT: String(E2E.access),
    SIGNING_PORT: String(E2E.signing),
    WEB_PORT: String(E2E.web),
    EMBEDDED_PG_PORT: String(E2E.embeddedPg),
    // start.mjs wires the services to each other and starts the BankID simulator (no BANKID_URL set).
    BANKID_SIMULATOR_RP_PORT: String(E2E.bankidRp),
    BANKID_SIMULATOR_CONTROL_PORT: String(E2E.bankidControl),
    START_WEB: 'true',
    // As production may run it (docs/operations.md): the page may only send its persisted documents,
    // so every journey below also proves the manifest covers what the web client sends.
    PERSISTED_DOCUMENTS: 'require-for-web-origin',
    FORCE_COLOR: '0',
    START_WAIT_SECONDS: String(SERVICE_WAIT_SECONDS),
  };
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });

  async function teardown() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    try {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    } catch { /* best effort */ }
    if (embedded) await embedded.stop().catch(() => {});
  }

  try {
    await waitFor(`http://localhost:${E2E.gateway}/health`, child);
    await waitFor(`http://localhost:${E2E.web}/`, child);
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide('webUrl', `http://localhost:${E2E.web}`);
  project.provide('gatewayUrl', `http://localhost:${E2E.gateway}/graphql`);
  project.provide('simulatorUrl', `http://127.0.0.1:${E2E.bankidControl}`);
  project.provide('repoRoot', root);
  return teardown;
}
