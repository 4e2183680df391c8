import { soakActors } from './actors';
import { auditChecks, countChecks, requestChecks, snapshot, waitForDrain, type Check } from './checks';
import { runLoad, type RequestRecord } from './load';
import { startMemorySampler, GROWTH_LIMIT_PCT, type MemoryVerdict } from './memory';
import type { SoakOptions } from './options';
import { startSoakSystem, type SoakSystem } from './system';

/** The soak's outcome: `ok` only when every check passed. */
export interface SoakReport {
  ok: boolean;
  aborted: boolean;
  checks: Check[];
  memory: MemoryVerdict[];
  requests: number;
  operations: Record<string, number>;
  loadSeconds: number;
  requestsPerSecond: number;
  /** Whole operations (a staff walk of up to 3 pages, a propose→sign→apply cycle…) per second. */
  operationsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  perOperation: { op: string; n: number; p50Ms: number; p99Ms: number }[];
  created: { proposals: number; applied: number; signings: number; contactPersons: number; periodChanges: number };
  lines: string[];
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (x: number) => Math.round(x * 10) / 10;

function latency(records: RequestRecord[]) {
  const all = records.filter((r) => r.status > 0).map((r) => r.ms).sort((a, b) => a - b);
  const byOp = new Map<string, number[]>();
  for (const r of records) if (r.status > 0) byOp.set(r.op, [...(byOp.get(r.op) ?? []), r.ms]);
  const perOperation = [...byOp].map(([op, ms]) => {
    const s = ms.sort((a, b) => a - b);
    return { op, n: s.length, p50Ms: round(percentile(s, 50)), p99Ms: round(percentile(s, 99)) };
  }).sort((a, b) => b.n - a.n);
  return { p50Ms: round(percentile(all, 50)), p99Ms: round(percentile(all, 99)), perOperation };
}

export async function runSoak(opts: SoakOptions, signal?: AbortSignal): Promise<SoakReport> {
  const lines: string[] = [];
  const say = (l: string) => { lines.push(l); opts.log(l); };
  const t0 = Date.now();
  say(`soak: ${opts.durationMs / 1000} s of load with ${opts.workers} workers; starting the system on a fresh database${opts.databaseServerUrl ? '' : ' (embedded PostgreSQL)'}…`);
  let sys: SoakSystem | undefined;
  try {
    sys = await startSoakSystem({ databaseServerUrl: opts.databaseServerUrl, log: say, startTimeoutMs: opts.startTimeoutMs });
    const system = sys;
    say(`soak: system up in ${((Date.now() - t0) / 1000).toFixed(1)} s (gateway ${system.gatewayUrl})`);
    const { orgs, reader, everyone } = await soakActors(system.signingKey, Math.ceil(opts.durationMs / 1000) + 3600);
    const before = await snapshot(system.gatewayUrl, system.databaseUrl, orgs);
    // About 200 samples per process over the run, at most one a second (a 20 s run samples 5 a second).
    const sampler = startMemorySampler(system.rootPid, Math.min(1000, Math.max(100, opts.durationMs / 200)));
    const processes = sampler.processes();
    say(`soak: weighing ${[...processes].map(([s, pid]) => `${s} (pid ${pid})`).join(', ')}`);
    const load0 = Date.now();
    const progress = setInterval(() => say(`soak: … ${Math.round((Date.now() - load0) / 1000)} s of load`), Math.max(10_000, opts.durationMs / 10));
    const load = await runLoad({
      gatewayUrl: system.gatewayUrl, simulatorControlUrl: system.simulatorControlUrl, orgs, reader, everyone,
      workers: opts.workers, durationMs: opts.durationMs, requestTimeoutMs: opts.requestTimeoutMs,
      shouldStop: () => Boolean(signal?.aborted) || system.exited() !== null,
    }).finally(() => clearInterval(progress));
    const memory = sampler.stop(load.startedAt, load.endedAt);
    const loadSeconds = (load.endedAt - load.startedAt) / 1000;
    const checks: Check[] = [];
    if (signal?.aborted) {
      say('soak: interrupted; stopping the system without checks');
      return finish(false, true);
    }
    const exited = system.exited();
    checks.push({ name: 'every process stayed up', ok: exited === null, detail: exited ?? `${processes.size} processes` });
    checks.push(...requestChecks(load.records));
    if (exited === null) {
      checks.push(await waitForDrain(system.gatewayUrl, system.databaseUrl, orgs, 60_000));
      checks.push(...(await auditChecks(system.gatewayUrl, system.databaseUrl, orgs)));
      const after = await snapshot(system.gatewayUrl, system.databaseUrl, orgs);
      checks.push(...countChecks(before, after, load.created, orgs));
    }
    for (const m of memory) {
      checks.push({ name: `memory of ${m.service} did not grow steadily`, ok: m.ok, detail: `median RSS ${m.q2MedianMb} MB (2nd quarter) → ${m.q4MedianMb} MB (last quarter): ${m.growthPct >= 0 ? '+' : ''}${m.growthPct} % (limit +${GROWTH_LIMIT_PCT} %), max ${m.maxMb} MB, quarters ${m.quarterMediansMb.join(' → ')} MB, ${m.samples} samples` });
    }
    if (memory.length < 5) checks.push({ name: 'every process weighed', ok: false, detail: `found ${memory.map((m) => m.service).join(', ') || 'none'} of signing, organisations, access, gateway, bankid` });
    return finish(checks.every((c) => c.ok), false);

    function finish(ok: boolean, aborted: boolean): SoakReport {
      const lat = latency(load.records);
      const served = load.records.filter((r) => r.status > 0).length;
      const report: SoakReport = {
        ok, aborted, checks, memory, requests: served, operations: Object.fromEntries(load.operations),
        loadSeconds: round(loadSeconds), requestsPerSecond: round(served / loadSeconds),
        operationsPerSecond: round([...load.operations.values()].reduce((s, n) => s + n, 0) / loadSeconds), ...lat,
        created: {
          proposals: load.created.proposals,
          applied: [...load.created.applied.values()].reduce((s, p) => s + p.length, 0),
          signings: load.created.signings,
          contactPersons: [...load.created.contactPersons.values()].reduce((s, ids) => s + ids.length, 0),
          periodChanges: load.created.periodChanges,
        },
        lines,
      };
      say('');
      say(`requests served ${report.requests} in ${report.loadSeconds} s = ${report.requestsPerSecond} req/s; ${Object.values(report.operations).reduce((s, n) => s + n, 0)} operations = ${report.operationsPerSecond} ops/s (${Object.entries(report.operations).map(([k, n]) => `${k} ${n}`).join(', ')})`);
      say(`latency p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms`);
      for (const o of report.perOperation) say(`  ${o.op.padEnd(26)} n=${String(o.n).padStart(6)}  p50 ${String(o.p50Ms).padStart(7)} ms  p99 ${String(o.p99Ms).padStart(7)} ms`);
      say(`created: ${report.created.proposals} proposals in ${report.created.signings} signed sets (${report.created.applied} people applied), ${report.created.contactPersons} contact persons, ${report.created.periodChanges} period changes`);
      for (const c of checks) say(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
      say(aborted ? 'soak INTERRUPTED' : ok ? 'soak PASSED' : 'soak FAILED');
      if (!ok && !aborted) {
        say('last lines of the system:');
        for (const l of system.tail().slice(-30)) say(`  ${l.length > 400 ? `${l.slice(0, 400)}…` : l}`);
      }
      return report;
    }
  } finally {
    if (sys) {
      say('soak: stopping the system…');
      await sys.stop();
      say(`soak: stopped (total ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
}
