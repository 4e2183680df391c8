#!/usr/bin/env node
// `npm test`: every package's tests (turbo) against ONE real PostgreSQL server: DATABASE_URL
// when set, otherwise an embedded one under .data/test-pg. Each test file creates and drops
// its own database on that server, so files and packages run in parallel.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root, startEmbedded } from './lib.mjs';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.CI ? '0' : '1' };
let embedded;
if (!env.DATABASE_URL) {
  const port = Number(env.TEST_PG_PORT ?? 54330);
  process.stdout.write(`No DATABASE_URL: starting embedded PostgreSQL for the tests on port ${port}…\n`);
  embedded = await startEmbedded({ dataDir: join(root, '.data', 'test-pg'), port });
  env.DATABASE_URL = embedded.url;
}

const args = ['run', 'test', '--continue', '--output-logs=full', ...process.argv.slice(2)];
const child = spawn(join(root, 'node_modules', '.bin', 'turbo'), args, { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
// Forward turbo's output and add up the runners' own counts (jest and vitest print one line per
// package) into a single closing line, "N passed, N failed".
const totals = { passed: 0, failed: 0, skipped: 0 };
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const raw of lines) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    const m = /^\S*\s*Tests:?\s+(.*)$/.exec(line.replace(/^[^:]+:test:\s*/, ''));
    if (!m) continue;
    for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
  }
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
if (embedded) await embedded.stop().catch(() => {});
process.exit(code);
