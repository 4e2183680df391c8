/** Shared jest preset: @swc/jest (measured ~6x faster than ts-jest here) and a real PostgreSQL server per run. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // Generous: all packages' suites share two cores under `npm test`, and starting a whole system
  // (three subgraphs, gateway, simulator) in a hook took over a minute on a loaded machine;
  // timeouts are there to catch hangs only.
  testTimeout: 180000,
};
