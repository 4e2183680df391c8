import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { dropDatabase, ensureDatabase, freePort, repoRoot, startEmbeddedPostgres, withDatabase } from '@behorig/kit/db';
import { generateSigningKeyJwk, signingKeyFromJwk, type SigningKey } from '@behorig/kit/auth';
import { childBaseEnv } from './env';

/**
 * The whole system as `npm start` runs it (scripts/start.mjs: one process per subgraph, the
 * gateway and the BankID simulator), on a fresh database and on free ports, so that it neither
 * meets anybody else's data nor their running system, and so that each process can be weighed.
 */
export interface SoakSystem {
  gatewayUrl: string;
  simulatorControlUrl: string;
  databaseUrl: string;
  signingKey: SigningKey;
  /** The pid of start.mjs: the root of the process tree the memory sampler walks. */
  rootPid: number;
  /** The last lines the system printed (shown when something fails). */
  tail: () => string[];
  /** Set when a process of the system exited on its own. */
  exited: () => string | null;
  stop: () => Promise<void>;
}

const SERVICES = ['signing', 'organisations', 'access', 'gateway', 'bankid'] as const;
export type ServiceName = (typeof SERVICES)[number];
const SCRIPT: Record<ServiceName, string> = {
  signing: 'services/signing/src/index.ts',
  organisations: 'services/organisations/src/index.ts',
  access: 'services/access/src/index.ts',
  gateway: 'gateway/src/index.ts',
  bankid: 'services/signing/src/bankid/simulator-main.ts',
};

async function waitFor(url: string, timeoutMs: number, failed: () => string | null): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const why = failed();
    if (why) throw new Error(why);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** A fresh database: on the given server, or on an embedded server of our own in a temp dir. */
async function freshDatabase(serverUrl: string | undefined, log: (l: string) => void) {
  const name = `behorig_soak_${Date.now().toString(36)}_${process.pid}`;
  if (serverUrl) {
    await ensureDatabase(serverUrl, name);
    return { url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
  }
  // Not mkdtemp: as root, initdb runs as the `postgres` user and must be able to create the directory itself.
  const dir = join(tmpdir(), `behorig-soak-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const port = await freePort();
  log(`starting an embedded PostgreSQL on port ${port} in ${dir}`);
  try {
    const server = await startEmbeddedPostgres({ dataDir: dir, port });
    await ensureDatabase(server.url, name);
    return {
      url: withDatabase(server.url, name),
      drop: async () => {
        await server.stop().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function startSoakSystem(opts: { databaseServerUrl?: string; log: (l: string) => void; startTimeoutMs?: number }): Promise<SoakSystem> {
  const db = await freshDatabase(opts.databaseServerUrl, opts.log);
  const jwk = await generateSigningKeyJwk();
  const signingKey = await signingKeyFromJwk(jwk);
  const ports = {
    gateway: await freePort(), organisations: await freePort(), access: await freePort(), signing: await freePort(),
    bankidRp: await freePort(), bankidControl: await freePort(),
  };
  // The simulator's certificates in a directory of this run's own: nobody else's simulator or
  // signing service (a developer's `npm start`, the browser suite) shares them.
  const bankIdDir = join(tmpdir(), `behorig-soak-bankid-${process.pid}-${randomBytes(4).toString('hex')}`);
  const lines: string[] = [];
  let exitedWhy: string | null = null;
  let stopping = false;
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'scripts', 'start.mjs')], {
    cwd: repoRoot(),
    // Its own process group: a stop can reach every process of the system, and only those.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...childBaseEnv(),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      DEMO_DATA: 'true',
      START_WEB: 'false',
      // The soak measures throughput from one address; the rate limits are tested on their own.
      RATE_LIMIT: 'false',
      GATEWAY_PORT: String(ports.gateway),
      ORGANISATIONS_PORT: String(ports.organisations),
      ACCESS_PORT: String(ports.access),
      SIGNING_PORT: String(ports.signing),
      BANKID_SIMULATOR_RP_PORT: String(ports.bankidRp),
      BANKID_SIMULATOR_CONTROL_PORT: String(ports.bankidControl),
      BANKID_SIMULATOR_DIR: bankIdDir,
      WEB_PORT: String(await freePort()),
      // Our own key: the soak mints its tokens with it, and no developer's key file is touched.
      SIGNING_PRIVATE_JWK: JSON.stringify(jwk),
    },
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (l) => {
      lines.push(l);
      if (lines.length > 400) lines.splice(0, lines.length - 400);
      if (!stopping && / exited \(/.test(l)) exitedWhy = `a process of the system exited: ${l}`;
    });
  }
  const done = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    if (!stopping) exitedWhy ??= `scripts/start.mjs exited (${signal ?? code})`;
    resolve();
  }));

  // Should this process end without stopping the system (a crash, a jest timeout), take the group along.
  const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', killGroup);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.off('exit', killGroup);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // start.mjs gives its children 8 s before SIGKILL; after that, end the group ourselves.
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 12_000);
      await done;
      clearTimeout(timer);
    }
    // Anything of the group still alive (a grandchild that ignored SIGTERM) goes too.
    killGroup();
    await db.drop().catch((e) => opts.log(`could not drop the soak database: ${(e as Error).message}`));
    rmSync(bankIdDir, { recursive: true, force: true });
  };

  try {
    const failed = () => exitedWhy;
    const timeout = opts.startTimeoutMs ?? 120_000;
    await waitFor(`http://127.0.0.1:${ports.gateway}/health`, timeout, failed);
    return {
      gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
      simulatorControlUrl: `http://127.0.0.1:${ports.bankidControl}`,
      databaseUrl: db.url,
      signingKey,
      rootPid: child.pid!,
      tail: () => [...lines],
      exited: () => exitedWhy,
      stop,
    };
  } catch (e) {
    opts.log(lines.slice(-40).join('\n'));
    await stop();
    throw e;
  }
}

/** The system's processes by service: the deepest node process whose command line runs that service's script. */
export function serviceProcesses(rootPid: number): Map<ServiceName, number> {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      cmd.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid: number) => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 20; p = parent.get(p), hops++) if (p === rootPid) return true;
    return false;
  };
  const found = new Map<ServiceName, number>();
  for (const name of SERVICES) {
    const matching = [...cmd.entries()].filter(([pid, c]) => c.includes(SCRIPT[name]) && inTree(pid)).map(([pid]) => pid);
    // tsx runs the script in a child node process of its own CLI process: take the leaf.
    const leaf = matching.find((pid) => !matching.some((other) => parent.get(other) === pid));
    if (leaf) found.set(name, leaf);
  }
  return found;
}

/** Resident memory of a process in bytes (VmRSS), or null when it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
