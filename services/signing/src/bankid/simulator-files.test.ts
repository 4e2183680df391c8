import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSimulatorCerts, readSimulatorCerts } from './simulator-files';

describe('simulator certificates on disk', () => {
  it('R-SIGN-5: are generated once, kept across restarts (same CA) and their keys are private to the owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bankid-'));
    try {
      expect(readSimulatorCerts(dir)).toBeUndefined();
      const first = await loadOrCreateSimulatorCerts(dir);
      const second = await loadOrCreateSimulatorCerts(dir);
      expect(second).toEqual(first);
      expect(first.ca).toMatch(/BEGIN CERTIFICATE/);
      expect(statSync(join(dir, 'client-key.pem')).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('R-SIGN-5: two simulators starting together on a fresh directory end up with one set, the one on disk', async () => {
    // A fresh checkout: the browser suite's and the soak's systems each start a simulator at once.
    // Each must serve the certificates the signing services will read from the directory.
    const parent = mkdtempSync(join(tmpdir(), 'bankid-'));
    const dir = join(parent, 'bankid');
    try {
      const sets = await Promise.all([loadOrCreateSimulatorCerts(dir), loadOrCreateSimulatorCerts(dir), loadOrCreateSimulatorCerts(dir)]);
      const onDisk = readSimulatorCerts(dir);
      expect(onDisk).toBeDefined();
      for (const set of sets) expect(set).toEqual(onDisk);
      expect(statSync(join(dir, 'client-key.pem')).mode & 0o077).toBe(0);
      // No scratch directory is left behind.
      expect(readdirSync(parent)).toEqual(['bankid']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
