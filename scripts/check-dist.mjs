#!/usr/bin/env node
// Runs the COMPILED system (`npm run build` output, `node --conditions=dist dist/…js`, no tsx) against
// a fresh database on DATABASE_URL: the migration job of each subgraph, then signing, organisations,
// access and the gateway (one of them with MIGRATE_AT_START=false), their probes, one cross-subgraph
// query through the gateway, and SIGTERM → exit 0 from every process (signals handled by Node).
//
//   node scripts/check-dist.mjs [--root DIR]     (DIR: a built copy of the repository; default this one)
//   node scripts/check-dist.mjs --root-gateway D1 --root-organisations D2 --root-access D3 --root-signing D4
//                                                (each service from its own copy: the images' contents)
//
// `.ci/run` calls it after `npm run build`; scripts/check-images.sh calls it inside the clean,
// production-only install that the Dockerfile's steps produce.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : join(fileURLToPath(import.meta.url), '..', '..'));
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('check-dist: set DATABASE_URL to a PostgreSQL server (a database is created and dropped on it)');
  process.exit(2);
}
const rootOf = (name) => {
  const i = process.argv.indexOf(`--root-${name}`);
  return i > 0 ? resolve(process.argv[i + 1]) : root;
};
const { default: pg } = await import(join(rootOf('access'), 'node_modules', 'pg', 'lib', 'index.js'));
const dbName = `behorig_check_dist_${process.pid}`;
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
};
const u = new URL(serverUrl);
u.pathname = `/${dbName}`;
const databaseUrl = u.toString();
const scratch = mkdtempSync(join(tmpdir(), 'behorig-check-dist-'));
const children = [];
const started = Date.now();
const say = (m) => console.log(`check-dist ${((Date.now() - started) / 1000).toFixed(1)}s: ${m}`);

const baseEnv = {
  PATH: process.env.PATH,
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  DATABASE_URL: databaseUrl,
  DEMO_DATA: 'true',
  SIGNING_KEY_FILE: join(scratch, 'signing-key.json'),
  PERSONAL_NUMBER_KEY_FILE: join(scratch, 'personal-number-key'),
  // One key folder for all four services, even when each runs from its own copy (service credentials, R-AUTH-4).
  SERVICE_KEYS_DIR: join(scratch, 'keys'),
  BANKID_SIMULATOR_DIR: join(scratch, 'bankid'),
};
const node = (script) => ['--conditions=dist', join(rootOf(script.startsWith('gateway/') ? 'gateway' : script.split('/')[1]), script)];

/** Every started service's output, shown when the check fails. */
const logs = new Map();

/** Starts a compiled service on a free port; resolves with its base URL from its "ready" log line. */
function start(name, script, env) {
  const child = spawn(process.execPath, node(script), { cwd: scratch, env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push({ name, child });
  const lines = [];
  logs.set(name, lines);
  return new Promise((resolveUrl, reject) => {
    for (const s of [child.stdout, child.stderr]) {
      createInterface({ input: s }).on('line', (l) => {
        lines.push(l);
        try {
          const j = JSON.parse(l);
          if (j.url && /ready$/.test(j.msg)) resolveUrl(j.url.replace(/\/graphql$/, ''));
        } catch { /* not JSON */ }
      });
    }
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${lines.join('\n')}`)));
    setTimeout(() => reject(new Error(`${name} not ready in 60 s:\n${lines.join('\n')}`)), 60_000).unref();
  });
}

async function probe(name, base) {
  for (const path of ['/live', '/ready', '/health']) {
    const res = await fetch(`${base}${path}`);
    if (res.status !== 200) throw new Error(`${name} ${path} answered ${res.status}`);
  }
}

let failed = false;
try {
  await admin(`CREATE DATABASE "${dbName}"`);
  for (const s of ['organisations', 'access', 'signing']) {
    const r = spawnSync(process.execPath, node(`services/${s}/dist/migrate.js`), { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${s} dist/migrate.js exited ${r.status}:\n${r.stdout}${r.stderr}`);
  }
  say('migration jobs applied the migrations of organisations, access and signing');

  const signing = await start('signing', 'services/signing/dist/index.js', { SIGNING_PORT: '0', BANKID_URL: 'https://127.0.0.1:9/rp/v6.0/' });
  const jwks = { JWKS_URL: `${signing}/.well-known/jwks.json`, SIGNING_INTERNAL_URL: signing };
  const [organisations, access] = await Promise.all([
    start('organisations', 'services/organisations/dist/index.js', { ...jwks, ORGANISATIONS_PORT: '0', MIGRATE_AT_START: 'false' }),
    start('access', 'services/access/dist/index.js', { ...jwks, ACCESS_PORT: '0' }),
  ]);
  const gateway = await start('gateway', 'gateway/dist/index.js', {
    ...jwks, GATEWAY_PORT: '0',
    ORGANISATIONS_URL: `${organisations}/graphql`, ACCESS_URL: `${access}/graphql`, SIGNING_URL: `${signing}/graphql`,
  });
  // The subgraphs learn each other's addresses only now (ports were free ports): not needed by this query.
  for (const [n, b] of Object.entries({ signing, organisations, access, gateway })) await probe(n, b);
  say('signing, organisations, access and gateway answer /live, /ready and /health');

  const arvid = '196403261230';
  // Not spawnSync: a blocked event loop keeps fetch from retiring the probes' idle keep-alive
  // sockets, which the gateway closes meanwhile ("other side closed" on the next request).
  const minted = await new Promise((resolve) => execFile(process.execPath, [...node('services/signing/dist/cli/mint-token.js'), arvid], { cwd: scratch, env: baseEnv }, (err, stdout, stderr) => resolve({ status: err ? (err.code ?? 1) : 0, stdout, stderr })));
  if (minted.status !== 0) throw new Error(`mint-token: ${minted.stderr}`);
  const ask = () => fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${minted.stdout.trim()}` },
    body: JSON.stringify({ query: '{ me { givenName memberships { organisation { name } roles { role { code } } } } }' }),
  });
  // A read: asked once more if a reused connection was closed under it (a loaded machine's late timers).
  const res = await ask().catch((e) => { if (/other side closed|ECONNRESET/.test(String(e?.cause ?? e))) return ask(); throw e; });
  const body = await res.json();
  if (body.errors || body.data?.me?.givenName !== 'Arvid' || !body.data.me.memberships[0]?.organisation?.name) throw new Error(`gateway query: ${JSON.stringify(body)}`);
  say(`a query through the compiled gateway answered: ${JSON.stringify(body.data.me).slice(0, 120)}…`);
} catch (e) {
  failed = true;
  console.error(`check-dist FAILED: ${e instanceof Error ? e.message : e}${e instanceof Error && e.cause ? ` (${e.cause})` : ''}`);
  for (const [name, lines] of logs) console.error(`--- ${name}, last lines:\n${lines.slice(-15).join('\n')}`);
} finally {
  // SIGTERM reaches node itself (no npm or shell in between): each must stop cleanly with 0.
  const exits = await Promise.all(children.map(({ name, child }) => new Promise((done) => {
    if (child.exitCode !== null) return done([name, child.exitCode]);
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code, signal) => { clearTimeout(kill); done([name, signal ?? code]); });
    child.kill('SIGTERM');
  })));
  const bad = exits.filter(([, c]) => c !== 0);
  if (!failed && bad.length) { failed = true; console.error(`check-dist FAILED: not a clean exit on SIGTERM: ${JSON.stringify(bad)}`); }
  else if (!failed) say(`SIGTERM: ${exits.map(([n]) => n).join(', ')} exited 0`);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
