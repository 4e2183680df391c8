#!/usr/bin/env node
// `npm start`: the whole system in one process tree with prefixed, readable logs —
// database (embedded unless DATABASE_URL is set), the three subgraphs, the gateway and the
// web client. Ctrl-C stops everything, the database last.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root, startEmbedded, ensureDatabase, checkPorts } from './lib.mjs';

const cfg = process.env;
// `npm start -- --replicas N`: N replicas of each subgraph and of the gateway, replica k on its
// service's port + 100·k, behind a small load balancer on the usual port (scripts/balancer.mjs),
// as a Kubernetes Service would put them (docs/deploy.md). A replica that dies is started again.
// REPLICA_PORT_STEP (default 100) moves the replicas closer, so a test fits them in a small port block.
const replicasArg = process.argv.indexOf('--replicas');
const replicas = replicasArg > 0 ? Number(process.argv[replicasArg + 1]) : 1;
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 9) {
  console.error('--replicas takes a whole number from 1 to 9');
  process.exit(2);
}
const step = Number(cfg.REPLICA_PORT_STEP ?? 100);
if (!Number.isInteger(step) || step < 20) {
  console.error('REPLICA_PORT_STEP takes a whole number of at least 20 (the ports of one replica must not meet the next)');
  process.exit(2);
}
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const ports = {
  gateway: Number(cfg.GATEWAY_PORT ?? 4000),
  organisations: Number(cfg.ORGANISATIONS_PORT ?? 4001),
  access: Number(cfg.ACCESS_PORT ?? 4002),
  signing: Number(cfg.SIGNING_PORT ?? 4003),
  web: Number(cfg.WEB_PORT ?? 5173),
  bankidRp: Number(cfg.BANKID_SIMULATOR_RP_PORT ?? 4010),
  bankidControl: Number(cfg.BANKID_SIMULATOR_CONTROL_PORT ?? 4011),
  pg: Number(cfg.EMBEDDED_PG_PORT ?? 54329),
};
const colours = { bankid: 91, db: 90, organisations: 36, access: 35, signing: 33, gateway: 32, web: 34, start: 1 };
const levels = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const tty = process.stdout.isTTY;
const tag = (name) => (tty ? `\x1b[${colours[name] ?? 0}m${name.padEnd(13)}\x1b[0m` : name.padEnd(13));
const say = (name, line) => process.stdout.write(`${tag(name)} | ${line}\n`);

/** Pino JSON → "12:00:01 info  message {extra}"; anything else passes through. */
function pretty(line) {
  if (!line.startsWith('{')) return line;
  try {
    const { time, level, msg, service: _s, name: _n, pid: _p, hostname: _h, ...rest } = JSON.parse(line);
    const t = typeof time === 'string' ? time.slice(11, 19) : '';
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${t} ${(levels[level] ?? level).padEnd(5)} ${msg ?? ''}${extra}`;
  } catch {
    return line;
  }
}

const children = [];
let stopping = false;
function run(name, command, args, env = {}, { restart = false } = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (l) => say(name, pretty(l)));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (restart) {
      // One replica of several: the balancer sends its traffic to the others meanwhile.
      say(name, `exited (${signal ?? code}); starting it again in 1 s`);
      setTimeout(() => { if (!stopping) run(name, command, args, env, { restart }); }, 1000);
      return;
    }
    say(name, `exited (${signal ?? code}); stopping everything`);
    void shutdown(1);
  });
  children.push(child);
  return child;
}

/** The later replicas' start-ups, awaited before "Behörig is running" (the balancers serve meanwhile). */
const replicasStarting = [];

/**
 * Starts one service, or with --replicas N its N replicas (port + step·k, step 100 by default) and a balancer on `port`.
 * The first replica starts alone (it migrates and loads demo data); once it answers, the balancer
 * starts and the others start beside the next services (the balancer skips a replica that does not
 * answer yet), so N replicas take hardly longer to start than one.
 */
async function startService(name, script, portVar, port, env) {
  if (replicas === 1) {
    run(name, tsx, [script], { ...env, [portVar]: String(port) });
    return;
  }
  const urls = [];
  for (let k = 1; k <= replicas; k++) {
    const p = port + step * k;
    urls.push(`http://127.0.0.1:${p}`);
    run(`${name}#${k}`, tsx, [script], { ...env, [portVar]: String(p) }, { restart: true });
    if (k === 1) await waitFor(`http://localhost:${p}/health`);
  }
  // Settled to a value, so a replica that never answers is reported below, not as an unhandled rejection.
  replicasStarting.push(...urls.slice(1).map((u) => waitFor(`${u}/health`).then(() => null, (e) => e)));
  run(`${name}-lb`, process.execPath, [join(root, 'scripts', 'balancer.mjs'), String(port), ...urls]);
}

// How long one service may take to answer /health: a minute, or START_WAIT_SECONDS where the machine
// is shared and loaded (the browser suite allows more: tsx compiling under load takes its time).
const startWaitMs = 1000 * Number(cfg.START_WAIT_SECONDS ?? 60);

async function waitFor(url, timeoutMs = startWaitMs) {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      // fetch's own message is only "fetch failed"; the cause says why (ECONNREFUSED, bad port, …).
      last = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e);
      if (/bad port/i.test(last)) throw new Error(`${url}: ${last} (Node's fetch refuses this port; choose another)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s (last: ${last})`);
}

let embedded;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('start', 'stopping…');
  await Promise.all(children.map((c) => new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', resolve);
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 8000).unref();
  })));
  if (embedded) {
    say('db', 'stopping embedded PostgreSQL');
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  // Every port is checked before anything starts, so a taken, refused or privileged port is named
  // with its variable instead of surfacing later as a service that "did not answer".
  const useSimulatorPorts = !cfg.BANKID_URL && (cfg.NODE_ENV ?? 'development') !== 'production';
  const problems = await checkPorts({
    GATEWAY_PORT: ports.gateway,
    ORGANISATIONS_PORT: ports.organisations,
    ACCESS_PORT: ports.access,
    SIGNING_PORT: ports.signing,
    ...(cfg.START_WEB !== 'false' ? { WEB_PORT: ports.web } : {}),
    ...(useSimulatorPorts ? { BANKID_SIMULATOR_RP_PORT: ports.bankidRp, BANKID_SIMULATOR_CONTROL_PORT: ports.bankidControl } : {}),
    ...(!cfg.DATABASE_URL ? { EMBEDDED_PG_PORT: ports.pg } : {}),
    ...Object.fromEntries(Array.from({ length: replicas > 1 ? replicas : 0 }, (_, i) => i + 1).flatMap((k) => [
      [`GATEWAY_PORT + ${step * k} (replica ${k})`, ports.gateway + step * k],
      [`ORGANISATIONS_PORT + ${step * k} (replica ${k})`, ports.organisations + step * k],
      [`ACCESS_PORT + ${step * k} (replica ${k})`, ports.access + step * k],
      [`SIGNING_PORT + ${step * k} (replica ${k})`, ports.signing + step * k],
    ])),
  });
  if (problems.length) {
    for (const p of problems) say('start', `cannot start: ${p}`);
    say('start', 'Set the named variable(s) to free ports, e.g. GATEWAY_PORT=4100 npm start (README, Configuration).');
    process.exit(1);
  }
  let databaseUrl = cfg.DATABASE_URL;
  if (!databaseUrl) {
    say('db', `starting embedded PostgreSQL on port ${ports.pg} (data in .data/pg)`);
    embedded = await startEmbedded({ dataDir: join(root, '.data', 'pg'), port: ports.pg, log: (m) => { if (/error|fatal/i.test(m) && !/administrator command/.test(m)) say('db', m.trim()); } });
    databaseUrl = await ensureDatabase(embedded.url, 'behorig');
  }
  say('db', `using ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);

  const common = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: cfg.NODE_ENV ?? 'development',
    DEMO_DATA: cfg.DEMO_DATA ?? 'true',
    JWKS_URL: cfg.JWKS_URL ?? `http://localhost:${ports.signing}/.well-known/jwks.json`,
    WEB_ORIGIN: cfg.WEB_ORIGIN ?? `http://localhost:${ports.web}`,
  };
  const local = (port, path = '') => `http://localhost:${port}${path}`;
  // Every service learns where the others are, so any port can be moved by one variable.
  const wiring = {
    ACCESS_URL: local(ports.access, '/graphql'),
    ACCESS_INTERNAL_URL: local(ports.access),
    ORGANISATIONS_URL: local(ports.organisations, '/graphql'),
    SIGNING_INTERNAL_URL: local(ports.signing),
  };
  // The BankID simulator plays the real RP API (TLS + client certificate) in development.
  const useSimulator = !cfg.BANKID_URL && common.NODE_ENV !== 'production';
  if (useSimulator) {
    run('bankid', tsx, ['services/signing/src/bankid/simulator-main.ts'], {
      BANKID_SIMULATOR_RP_PORT: String(ports.bankidRp), BANKID_SIMULATOR_CONTROL_PORT: String(ports.bankidControl),
    });
    await waitFor(`http://127.0.0.1:${ports.bankidControl}/simulator/health`);
  }
  // Signing next: it owns the token key the others verify against.
  await startService('signing', 'services/signing/src/index.ts', 'SIGNING_PORT', ports.signing, {
    ...common, ...wiring,
    ...(useSimulator ? { BANKID_URL: `https://localhost:${ports.bankidRp}/rp/v6.0/` } : {}),
  });
  await waitFor(`http://localhost:${ports.signing}/health`);
  await Promise.all([
    startService('organisations', 'services/organisations/src/index.ts', 'ORGANISATIONS_PORT', ports.organisations, { ...common, ...wiring }),
    startService('access', 'services/access/src/index.ts', 'ACCESS_PORT', ports.access, { ...common, ...wiring }),
  ]);
  await Promise.all([waitFor(`http://localhost:${ports.organisations}/health`), waitFor(`http://localhost:${ports.access}/health`)]);
  await startService('gateway', 'gateway/src/index.ts', 'GATEWAY_PORT', ports.gateway, {
    ...common,
    ORGANISATIONS_URL: `http://localhost:${ports.organisations}/graphql`,
    ACCESS_URL: `http://localhost:${ports.access}/graphql`,
    SIGNING_URL: `http://localhost:${ports.signing}/graphql`,
  });
  await waitFor(`http://localhost:${ports.gateway}/health`);
  const notStarted = (await Promise.all(replicasStarting)).filter(Boolean);
  if (notStarted.length) throw notStarted[0];
  if (cfg.START_WEB !== 'false') {
    run('web', join(root, 'node_modules', '.bin', 'vite'), ['web', '--port', String(ports.web), '--strictPort'], {
      VITE_GATEWAY_URL: `http://localhost:${ports.gateway}/graphql`,
      ...(useSimulator ? { VITE_BANKID_SIMULATOR_URL: `http://localhost:${ports.bankidControl}` } : {}),
    });
  }
  say('start', '');
  say('start', `Behörig is running:`);
  say('start', `  GraphQL gateway (Apollo Sandbox)  http://localhost:${ports.gateway}/graphql`);
  say('start', `  Web client                        http://localhost:${ports.web}/`);
  say('start', `  Subgraphs                         :${ports.organisations} organisations, :${ports.access} access, :${ports.signing} signing`);
  if (useSimulator) say('start', `  BankID simulator                  https://localhost:${ports.bankidRp}/rp/v6.0/ (control http://localhost:${ports.bankidControl}/simulator/orders)`);
  say('start', `  Token for the demo authority      npm run -s token -- 191212121212`);
  say('start', `Press Ctrl-C to stop.`);
} catch (e) {
  say('start', `failed: ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
}
