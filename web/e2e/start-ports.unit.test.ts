// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM script without type declarations
import { BAD_PORTS, checkPort, checkPorts, describePortError, portOwner } from '../../scripts/lib.mjs';

/**
 * `npm start` names the real cause when a port cannot be used (scripts/lib.mjs, scripts/start.mjs):
 * in use (and by whom), a Fetch "bad port", missing privileges — before anything starts.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(undefined)))));
});

async function occupy(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()));
  return (server.address() as { port: number }).port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(() => r(undefined)));
  return port;
}

describe('port checks before npm start starts anything', () => {
  it('a free port passes', async () => {
    expect(await checkPort(await freePort())).toBeUndefined();
  });

  it('a port in use is named as in use, with the program and pid holding it when ss/lsof can tell', async () => {
    const port = await occupy();
    const problem = await checkPort(port);
    expect(problem).toMatch(new RegExp(`^port ${port} is in use by `));
    // This test process holds it; on machines with ss or lsof the answer names it.
    if (portOwner(port) !== undefined) expect(problem).toContain(`(pid ${process.pid})`);
  });

  it('a Fetch "bad port" (6000, 5060, 6665–6669) is refused by name, without trying to listen', async () => {
    for (const port of [6000, 5060, 6665, 6669, 10080]) {
      expect(BAD_PORTS.has(port)).toBe(true);
      expect(await checkPort(port)).toMatch(/Fetch "bad port".*refuse/);
    }
    // The list is the one Node's own fetch applies: fetch really refuses 6000.
    const error = await fetch('http://127.0.0.1:6000/').catch((e: Error & { cause?: Error }) => e);
    expect(String((error as Error & { cause?: Error }).cause?.message ?? error)).toMatch(/bad port/i);
  });

  it('a permission error says privileges and what to do (ports below 1024)', () => {
    expect(describePortError(80, Object.assign(new Error('listen EACCES'), { code: 'EACCES' }))).toMatch(/^port 80 needs privileges .*EACCES.*choose a port from 1024 up/);
  });

  it('in use without a known owner still says in use', () => {
    expect(describePortError(4000, { code: 'EADDRINUSE' }, () => undefined)).toBe('port 4000 is in use by another program: stop it or choose another port');
    expect(describePortError(4000, { code: 'EADDRINUSE' }, () => 'vite (pid 7)')).toBe('port 4000 is in use by vite (pid 7): stop it or choose another port');
  });

  it('not a port number', async () => {
    expect(await checkPort(0)).toMatch(/not a TCP port number/);
    expect(await checkPort(70000)).toMatch(/not a TCP port number/);
    expect(await checkPort(Number.NaN)).toMatch(/not a TCP port number/);
  });

  it('checkPorts names the variable of each problem and the same port given twice', async () => {
    const taken = await occupy();
    const free = await freePort();
    const problems = await checkPorts({ GATEWAY_PORT: 6000, ACCESS_PORT: taken, SIGNING_PORT: free, WEB_PORT: free });
    expect(problems).toEqual([
      `WEB_PORT=${free}: the same port as SIGNING_PORT; give each its own`,
      expect.stringMatching(/^GATEWAY_PORT=6000: port 6000 is a Fetch "bad port"/),
      expect.stringMatching(new RegExp(`^ACCESS_PORT=${taken}: port ${taken} is in use`)),
    ]);
  });

  it('npm start stops at once with the real causes, before starting a database or any service', async () => {
    const taken = await occupy();
    const others = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        // A database that would fail if it were contacted: the check must come first.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        GATEWAY_PORT: '6000',
        ACCESS_PORT: String(taken),
        ORGANISATIONS_PORT: String(others[0]),
        SIGNING_PORT: String(others[1]),
        WEB_PORT: String(others[2]),
        BANKID_SIMULATOR_RP_PORT: String(others[3]),
        BANKID_SIMULATOR_CONTROL_PORT: String(others[4]),
        BANKID_URL: '',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(output).toMatch(/cannot start: GATEWAY_PORT=6000: port 6000 is a Fetch "bad port"/);
    expect(output).toMatch(new RegExp(`cannot start: ACCESS_PORT=${taken}: port ${taken} is in use`));
    expect(output).not.toMatch(/did not answer/);
    expect(output).not.toMatch(/using postgres|starting embedded/);
  }, 30_000);
});
