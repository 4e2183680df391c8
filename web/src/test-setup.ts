import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default; `npm test` runs every suite at once on two
// cores, where a render that takes 0.2 s alone was measured at several seconds.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  // e2e/*.unit.test.ts run in the node environment, without web storage.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
