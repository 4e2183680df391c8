import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { generateSimulatorCerts, type SimulatorCerts } from './simulator-certificates';

/**
 * The simulator's PKI kept on disk (default `.data/bankid/`), so the signing service — another
 * process — can load the same CA and client certificate, and both keep working across restarts.
 * File names are what the signing service's BANKID_* defaults point at.
 */
export const SIMULATOR_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  clientCert: 'client.pem',
  clientKey: 'client-key.pem',
} as const satisfies Record<keyof SimulatorCerts, string>;

const KEYS = Object.keys(SIMULATOR_FILES) as (keyof SimulatorCerts)[];

export function readSimulatorCerts(dir: string): SimulatorCerts | undefined {
  if (!KEYS.every((k) => existsSync(join(dir, SIMULATOR_FILES[k])))) return undefined;
  return Object.fromEntries(KEYS.map((k) => [k, readFileSync(join(dir, SIMULATOR_FILES[k]), 'utf8')])) as unknown as SimulatorCerts;
}

/**
 * Reads the certificates from `dir`, generating and writing them on first use. Simulators may
 * start together on a fresh checkout (the browser suite's system beside the soak's), so the set is
 * written to a scratch directory and published with one rename of the whole directory: the first
 * rename wins, a later one fails because `dir` is no longer empty, and that process serves the
 * winner's set — the one every signing service reads — instead of its own.
 */
export async function loadOrCreateSimulatorCerts(dir: string): Promise<SimulatorCerts> {
  const existing = readSimulatorCerts(dir);
  if (existing) return existing;
  const certs = await generateSimulatorCerts();
  const again = readSimulatorCerts(dir);
  if (again) return again;
  mkdirSync(dirname(dir), { recursive: true });
  const scratch = mkdtempSync(join(dirname(dir), `.${basename(dir)}-`));
  try {
    for (const k of KEYS) writeFileSync(join(scratch, SIMULATOR_FILES[k]), certs[k] ?? '', { mode: k.endsWith('Key') ? 0o600 : 0o644 });
    try {
      renameSync(scratch, dir);
      return certs;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const winner = readSimulatorCerts(dir);
  if (winner) return winner;
  // `dir` holds something other than a complete set (an older layout, a half-deleted one): write
  // ours over it file by file, the CA last, so a reader that sees ca.pem sees a complete set.
  for (const k of [...KEYS.filter((k) => k !== 'ca'), 'ca' as const]) {
    const path = join(dir, SIMULATOR_FILES[k]);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, certs[k] ?? '', { mode: k.endsWith('Key') ? 0o600 : 0o644 });
    renameSync(tmp, path);
  }
  return certs;
}
