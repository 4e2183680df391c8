import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Reads the certificates from `dir`, generating and writing them on first use. */
export async function loadOrCreateSimulatorCerts(dir: string): Promise<SimulatorCerts> {
  const existing = readSimulatorCerts(dir);
  if (existing) return existing;
  const certs = await generateSimulatorCerts();
  mkdirSync(dir, { recursive: true });
  // The CA last: a reader that sees ca.pem sees a complete set (each file via write + rename).
  for (const k of [...KEYS.filter((k) => k !== 'ca'), 'ca' as const]) {
    const path = join(dir, SIMULATOR_FILES[k]);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, certs[k] ?? '', { mode: k.endsWith('Key') ? 0o600 : 0o644 });
    renameSync(tmp, path);
  }
  return certs;
}
