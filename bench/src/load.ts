import { readFileSync, readdirSync } from 'node:fs';
// autocannon ships no types; the little we use is typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => AutocannonInstance;

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

export interface LoadResult {
  label: string;
  target: string;
  requestsPerSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  /** HTTP errors, timeouts and GraphQL errors in 200 bodies. */
  errors: number;
  connections: number;
  durationSeconds: number;
  rate?: number;
}

/** A run with its raw latencies, so that interleaved rounds can be merged exactly. */
export type RawLoadResult = LoadResult & { latencies: Float64Array };

/** One result from several rounds of the same label and target (percentiles over all responses). */
export function mergeRounds(rounds: readonly RawLoadResult[]): LoadResult {
  const all = new Float64Array(rounds.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of rounds) { all.set(r.latencies, at); at += r.latencies.length; }
  all.sort();
  const total = rounds.reduce((n, r) => n + r.total, 0);
  const seconds = rounds.reduce((n, r) => n + r.durationSeconds, 0);
  const { latencies: _l, ...first } = rounds[0];
  return {
    ...first, total, durationSeconds: seconds, requestsPerSecond: total / seconds,
    p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

/** A request body per call: each request asks about a different random person/organisation. */
export type BodyFn = () => string;

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/**
 * Drives `url` at fixed concurrency for a fixed time (or, with `rate`, at a fixed overall request
 * rate). Latencies are recorded per response for exact p50/p95/p99; GraphQL errors come back as
 * HTTP 200, so every body is checked for an `errors` member.
 */
export async function drive(opts: {
  label: string; target: string; url: string; body: BodyFn; headers?: Record<string, string>;
  connections: number; durationSeconds: number; rate?: number;
}): Promise<RawLoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSeconds,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    timeout: 10,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.body() }),
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    }],
  });
  instance.on('response', (_c, _s, _b, ms) => { latencies.push(ms); });
  const r = await instance;
  const sorted = Float64Array.from(latencies).sort();
  return {
    label: opts.label,
    target: opts.target,
    requestsPerSecond: r.requests.total / (r.duration || opts.durationSeconds),
    total: r.requests.total,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: r.non2xx + r.errors + r.timeouts + graphqlErrors,
    connections: opts.connections,
    durationSeconds: opts.durationSeconds,
    ...(opts.rate ? { rate: opts.rate } : {}),
    latencies: sorted,
  };
}

/** Every process below `root` (inclusive), from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch { /* gone */ }
  }
  const out: number[] = [];
  const walk = (pid: number) => { out.push(pid); for (const c of children.get(pid) ?? []) walk(c); };
  walk(root);
  return out;
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

const cmdline = (pid: number) => {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '); } catch { return ''; }
};

/** Names the processes we started by what they run. */
export function labelOf(cmd: string): string | null {
  if (cmd.includes('simulator-main')) return 'bankid-simulator';
  // The bench runs the compiled services (dist/); src/ is how npm start runs them.
  if (/services\/signing\/(dist\/index\.js|src\/index\.ts)/.test(cmd)) return 'signing';
  if (/services\/organisations\/(dist\/index\.js|src\/index\.ts)/.test(cmd)) return 'organisations';
  if (/services\/access\/(dist\/index\.js|src\/index\.ts)/.test(cmd)) return 'access';
  if (/gateway\/(dist\/index\.js|src\/index\.ts)/.test(cmd)) return 'gateway (ours)';
  if (cmd.includes('hive-gateway') && cmd.includes('--hive-router-runtime')) return 'hive gateway, rust planner (peer)';
  if (cmd.includes('hive-gateway')) return 'hive gateway (peer)';
  if (cmd.includes('floor-server')) return 'floor';
  return null;
}

/**
 * Peak memory per started process: VmHWM (the kernel's own peak resident set) of the largest
 * process of each label (tsx starts a small wrapper process in front of each service).
 */
export function peakMemory(roots: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const root of roots) {
    for (const pid of processTree(root)) {
      const label = labelOf(cmdline(pid));
      if (!label) continue;
      out[label] = Math.max(out[label] ?? 0, Math.round(statusKb(pid, 'VmHWM') / 1024));
    }
  }
  return out;
}
