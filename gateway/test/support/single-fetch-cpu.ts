/**
 * The gateway's CPU time per request with the single-fetch fast path on and off
 * (bench/results/hot-paths.md). One test system (startSystem: subgraphs on a small test database)
 * and two gateway PROCESSES in front of it, one per setting, so that each one's process.cpuUsage()
 * is its own. Rounds are interleaved (on, off, off, on, …) with the same number of requests each,
 * so load from elsewhere on the machine falls on both settings alike; CPU time per request is far
 * less sensitive to that load than throughput.
 *
 *   DATABASE_URL=postgres://… npx tsx test/support/single-fetch-cpu.ts [rounds] [requests] [firstPort]
 *
 * Not a test: it prints figures and asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { Pool } from 'undici';
import { DEMO } from '@behorig/kit/demo';
import { createServiceTokenVerifier } from '@behorig/kit/auth';
import { buildGateway } from '../../src/server';
import { startSystem } from './system';

const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const tolvan = DEMO.people.find((p) => p.givenName === 'Tolvan')!;
const dorotea = DEMO.organisations.dorotea.id;

const OPERATIONS = {
  checkAccess: {
    query: 'query Check($personId: ID!, $organisationId: ID!, $function: String!, $access: Access!) { checkAccess(personId: $personId, organisationId: $organisationId, function: $function, access: $access) { allowed reason validFrom validTo } }',
    variables: { personId: arvid.id, organisationId: dorotea, function: 'MANAGE_USERS', access: 'UPDATE' },
  },
  whoCan: {
    query: 'query WhoCan($organisationId: ID!, $function: String!, $access: Access!, $first: Int) { whoCan(organisationId: $organisationId, function: $function, access: $access, first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id givenName surname } } } }',
    variables: { organisationId: dorotea, function: 'MANAGE_USERS', access: 'READ', first: 20 },
  },
} as const;

type CpuMessage = { cpu: NodeJS.CpuUsage };

async function child() {
  const [fastPath, port, urlsJson, jwksUrl] = process.argv.slice(3);
  const gateway = await buildGateway({
    verify: createServiceTokenVerifier(jwksUrl), subgraphUrls: JSON.parse(urlsJson) as Record<string, string>,
    rateLimits: false, production: true, sandbox: false, graphiql: false, singleFetchFastPath: fastPath === 'true',
  });
  await gateway.listen(Number(port), '127.0.0.1');
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() } satisfies CpuMessage);
    if (m === 'stop') void gateway.stop().then(() => process.exit(0));
  });
  process.send!('ready');
}

const cpuOf = (p: ChildProcess) => new Promise<NodeJS.CpuUsage>((resolve) => {
  p.once('message', (m) => resolve((m as CpuMessage).cpu));
  p.send('cpu');
});

async function main() {
  const rounds = Number(process.argv[2] ?? 8);
  const perRound = Number(process.argv[3] ?? 2000);
  const firstPort = Number(process.argv[4] ?? 7501);
  const sys = await startSystem();
  const token = await sys.keys.token({ personalNumber: tolvan.personalNumber, authority: true });
  const modes = ['on', 'off'] as const;
  const gateways = await Promise.all(modes.map(async (mode, i) => {
    const port = firstPort + i;
    const p = fork(__filename, ['child', String(mode === 'on'), String(port), JSON.stringify(sys.urls), `${sys.base.signing}/.well-known/jwks.json`], { execArgv: process.execArgv, stdio: 'inherit' });
    await new Promise<void>((resolve, reject) => { p.once('message', () => resolve()); p.once('exit', (code) => reject(new Error(`gateway ${mode} exited ${code}`))); });
    return { mode, p, pool: new Pool(`http://127.0.0.1:${port}`, { connections: 8 }) };
  }));

  const send = async (pool: Pool, body: string, n: number) => {
    let next = 0;
    let failures = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next++ < n) {
        const res = await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const text = await res.body.text();
        if (res.statusCode !== 200 || text.includes('"errors"')) failures++;
      }
    }));
    if (failures) throw new Error(`${failures} failed answers`);
  };

  const results: Record<string, Record<string, number[]>> = {};
  for (const [name, op] of Object.entries(OPERATIONS)) {
    const body = JSON.stringify(op);
    results[name] = { on: [], off: [] };
    // Warm-up: plans, the fast path's decision, JIT, keep-alive connections.
    for (const g of gateways) await send(g.pool, body, 1500);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? gateways : [...gateways].reverse();
      for (const g of order) {
        const before = await cpuOf(g.p);
        await send(g.pool, body, perRound);
        const after = await cpuOf(g.p);
        const micros = (after.user - before.user) + (after.system - before.system);
        results[name][g.mode].push(micros / perRound);
      }
    }
  }
  const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
  console.log(JSON.stringify({ loadavg: loadavg().map((x) => x.toFixed(2)), rounds, perRound }));
  for (const [name, r] of Object.entries(results)) {
    const on = median(r.on);
    const off = median(r.off);
    // Each round's on and off ran back to back: the median of the paired changes is the figure least moved by load.
    const paired = median(r.on.map((x, i) => ((x - r.off[i]) / r.off[i]) * 100));
    console.log(`${name}: µs CPU/request (median of rounds)  on ${on.toFixed(0)}  off ${off.toFixed(0)}  change ${(((on - off) / off) * 100).toFixed(1)} %, median paired change ${paired.toFixed(1)} %  (on rounds ${r.on.map((x) => x.toFixed(0)).join(' ')}; off rounds ${r.off.map((x) => x.toFixed(0)).join(' ')})`);
  }
  for (const g of gateways) { g.p.send('stop'); await g.pool.close(); }
  await sys.stop();
  process.exit(0);
}

void (process.argv[2] === 'child' ? child() : main()).catch((err) => { console.error(err); process.exit(1); });
