import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Component tests (jsdom). The browser journey has its own config: e2e/vitest.config.ts. */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    // e2e/*.unit.test.ts: the browser suite's own helpers (finding Chromium), no system needed.
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.unit.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // `npm test` runs every package's suites at once on two cores; a jsdom render that takes
    // 1 s alone was measured at 7 s there. Timeouts catch hangs, not slowness.
    testTimeout: 30_000,
  },
});
