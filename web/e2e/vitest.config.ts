import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Browser journey against the REAL system (gateway, subgraphs, BankID simulator, PostgreSQL),
 * started once by global-setup.ts on non-default ports and driven with playwright-core + Chromium.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // expect.poll waits as long as a locator does (page.setDefaultTimeout): on a loaded machine a
    // list re-sorted by the server, or a log event relayed through the outbox, takes seconds, and
    // the default second would fail a correct page.
    expect: { poll: { timeout: 15_000, interval: 200 } },
  },
});
