module.exports = {
  ...require('@behorig/kit/jest-preset'),
  globalSetup: '@behorig/kit/global-setup',
  globalTeardown: '@behorig/kit/global-teardown',
  // A test file that leaves a handle open (a LISTEN connection, a job runner's pool, a loopback
  // receiver) must not keep `npm test` waiting after every test has finished. This hides which
  // file leaks; `npx jest --detectOpenHandles` in gateway/ names it (docs/operations.md).
  forceExit: true,
};
