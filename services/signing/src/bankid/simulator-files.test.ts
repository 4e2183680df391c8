import { mkdtempSync, rmSync, statSync } from 'node:fs';
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
});
