module.exports = {
  ...require('@behorig/kit/jest-preset'),
  globalSetup: '@behorig/kit/global-setup',
  globalTeardown: '@behorig/kit/global-teardown',
};
