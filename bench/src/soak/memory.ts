import { rssBytes, serviceProcesses, type ServiceName } from './system';

/**
 * Memory of each process of the system, sampled during the load. "Did not grow steadily" is judged
 * by the median RSS of the last quarter of the run against that of the second quarter: the first
 * quarter is warm-up (JIT, caches, connection pools filling) and a leak shows as a later median
 * well above the earlier one, whereas the garbage collector's saw-tooth does not move a median much.
 */
export interface MemorySample { at: number; rss: number }
export interface MemoryVerdict { service: ServiceName; pid: number; samples: number; quarterMediansMb: number[]; q2MedianMb: number; q4MedianMb: number; maxMb: number; growthPct: number; ok: boolean }

export const GROWTH_LIMIT_PCT = 30;

export function startMemorySampler(rootPid: number, everyMs: number) {
  const series = new Map<ServiceName, { pid: number; samples: MemorySample[] }>();
  const sample = () => {
    // Re-walk the tree each time: cheap, and a restarted process would show as a new pid.
    for (const [service, pid] of serviceProcesses(rootPid)) {
      const rss = rssBytes(pid);
      if (rss === null) continue;
      const s = series.get(service);
      if (!s || s.pid !== pid) series.set(service, { pid, samples: [{ at: Date.now(), rss }] });
      else s.samples.push({ at: Date.now(), rss });
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    processes: () => new Map([...series].map(([k, v]) => [k, v.pid])),
    stop: (from: number, to: number): MemoryVerdict[] => {
      clearInterval(timer);
      return [...series].map(([service, { pid, samples }]) => judge(service, pid, samples, from, to));
    },
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

export function judge(service: ServiceName, pid: number, all: MemorySample[], from: number, to: number): MemoryVerdict {
  const quarter = (to - from) / 4;
  const within = (q: number) => all.filter((s) => s.at >= from + q * quarter && s.at < from + (q + 1) * quarter).map((s) => s.rss);
  const q2 = median(within(1));
  const q4 = median(within(3));
  const growthPct = Math.round(((q4 - q2) / q2) * 1000) / 10;
  const inRun = all.filter((s) => s.at >= from && s.at <= to).map((s) => s.rss);
  return {
    service, pid, samples: inRun.length,
    // All four, so a reader sees whether growth is steady or a step (a cache filling once).
    quarterMediansMb: [0, 1, 2, 3].map((q) => mb(median(within(q)))),
    q2MedianMb: mb(q2), q4MedianMb: mb(q4), maxMb: mb(Math.max(...inRun)),
    growthPct,
    // No samples in a quarter means the process was not there to weigh: that is a failure too.
    ok: Number.isFinite(growthPct) && growthPct <= GROWTH_LIMIT_PCT,
  };
}
