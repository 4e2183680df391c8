// kit's own tests (the outbox relay needs a real PostgreSQL, like every service's tests).
module.exports = {
  ...require('./jest.preset'),
  globalSetup: '<rootDir>/src/global-setup.ts',
  globalTeardown: '<rootDir>/src/global-teardown.ts',
};
