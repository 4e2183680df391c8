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

const args = ['run', 'test', '--output-logs=full', ...process.argv.slice(2)];
const child = spawn(join(root, 'node_modules', '.bin', 'turbo'), args, { cwd: root, env, stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (embedded) await embedded.stop().catch(() => {});
process.exit(code);
