import { readFileSync } from 'node:fs';

/**
 * `tsx bench/src/profile-summary.ts <file.cpuprofile> [--top 30] [--inclusive fnA,fnB]`: where a service's CPU went
 * (a `node --cpu-prof` profile, e.g. from `npm run bench -- --profile gateway`). Self time is summed
 * per function and per package (node_modules/<package>, our own code by its folder, Node's
 * internals as `node:`), and shown as a share of the busy (non-idle) time.
 */
interface CpuNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: CpuNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export function packageOf(url: string): string {
  if (!url) return '(native / vm)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /(services\/[^/]+|gateway)\/(?:dist|src)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2].split('/').slice(0, -1).join('/') || '.'}` : url.replace(/^file:\/\//, '');
}

export function summarise(profile: CpuProfile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    total += us;
    const name = n.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') { idle += name === '(idle)' ? us : 0; if (name === '(idle)') continue; }
    const key = `${name || '(anonymous)'} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = name === '(garbage collector)' ? '(garbage collector)' : name === '(program)' ? '(program)' : packageOf(n.callFrame.url);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const rows = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  return [
    `profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (idle ${(idle / 1e6).toFixed(1)} s)`,
    '', 'self time by package:', ...rows(pkg), '', 'self time by function:', ...rows(fn),
  ].join('\n');
}

/**
 * Inclusive time (the function and everything it called) of the functions whose name matches,
 * each sample counted once per pattern even when the function recurses.
 */
export function inclusive(profile: CpuProfile, patterns: readonly string[]): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let busy = 0;
  const totals = new Map<string, number>(patterns.map((p) => [p, 0]));
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    busy += us;
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at)!.callFrame.functionName);
    for (const p of patterns) if ([...names].some((n) => n === p)) totals.set(p, totals.get(p)! + us);
  });
  return patterns.map((p) => `${((100 * totals.get(p)!) / busy).toFixed(1).padStart(5)} %  ${(totals.get(p)! / 1000).toFixed(0).padStart(7)} ms  ${p} (inclusive)`).join('\n');
}

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) { console.error('usage: profile-summary.ts <file.cpuprofile> [--top N]'); process.exit(2); }
  const t = rest.indexOf('--top');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${summarise(profile, t >= 0 ? Number(rest[t + 1]) : 30)}\n`);
  const inc = rest.indexOf('--inclusive');
  if (inc >= 0) process.stdout.write(`\n${inclusive(profile, rest[inc + 1].split(','))}\n`);
}
