import { join } from 'node:path';
import { repoRoot, startEmbeddedPostgres, withDatabase } from '@behorig/kit/db';
import { env } from './env';

/**
 * The server the scale database lives on: DATABASE_URL's server when set, otherwise an embedded
 * PostgreSQL with its data in .data/scale-pg (kept between runs: seed once, bench many times).
 */
export async function scaleServer(log: (m: string) => void = () => undefined): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { serverUrl: withDatabase(env.DATABASE_URL, 'postgres'), stop: async () => undefined };
  const dataDir = join(repoRoot(), '.data', 'scale-pg');
  log(`starting embedded PostgreSQL on port ${env.SCALE_PG_PORT} (data in ${dataDir})`);
  const server = await startEmbeddedPostgres({ dataDir, port: env.SCALE_PG_PORT });
  return { serverUrl: server.url, stop: server.stop };
}

/** `--name value` flags; numbers where the default is a number. */
export function parseFlags<T extends Record<string, string | number | boolean>>(argv: readonly string[], defaults: T): T {
  const out: Record<string, string | number | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unexpected argument ${argv[i]}`);
    const key = m[1].replace(/-([a-z])/g, (_s, c: string) => c.toUpperCase());
    if (!(key in defaults)) throw new Error(`Unknown flag --${m[1]} (known: ${Object.keys(defaults).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')})`);
    const raw = m[2] ?? (typeof defaults[key] === 'boolean' ? 'true' : argv[++i]);
    if (raw === undefined) throw new Error(`--${m[1]} needs a value`);
    const d = defaults[key];
    out[key] = typeof d === 'number' ? Number(raw) : typeof d === 'boolean' ? raw !== 'false' : raw;
    if (typeof d === 'number' && !Number.isFinite(out[key] as number)) throw new Error(`--${m[1]} must be a number`);
  }
  return out as T;
}
