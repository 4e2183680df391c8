/**
 * The pure subpaths load neither the ORM nor the server: a rule module that imports a date helper
 * or an error must not pull MikroORM, Apollo Server or Express in with it (docs/architecture.md).
 * Each of those is replaced by a module that fails when loaded.
 */
jest.mock('@mikro-orm/core', () => { throw new Error('@mikro-orm/core was loaded by a pure subpath'); });
jest.mock('@mikro-orm/postgresql', () => { throw new Error('@mikro-orm/postgresql was loaded by a pure subpath'); });
jest.mock('@mikro-orm/migrations', () => { throw new Error('@mikro-orm/migrations was loaded by a pure subpath'); });
jest.mock('@apollo/server', () => { throw new Error('@apollo/server was loaded by a pure subpath'); });
jest.mock('@apollo/subgraph', () => { throw new Error('@apollo/subgraph was loaded by a pure subpath'); });
jest.mock('express', () => { throw new Error('express was loaded by a pure subpath'); });
jest.mock('pg', () => { throw new Error('pg was loaded by a pure subpath'); });
jest.mock('pino', () => { throw new Error('pino was loaded by a pure subpath'); });

describe('pure subpaths', () => {
  it.each([
    '@behorig/kit/dates',
    '@behorig/kit/identity',
    '@behorig/kit/errors',
    '@behorig/kit/reasons',
    '@behorig/kit/permissions',
  ])('%s loads without the ORM, the server or a database driver', (name) => {
    jest.isolateModules(() => {
      // A synchronous require inside isolateModules is the only way to load into a fresh registry.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const m = require(name) as Record<string, unknown>;
      expect(Object.keys(m).length).toBeGreaterThan(0);
    });
  });

  it('the mocks do fail when the ORM is loaded (the test can fail)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
      expect(() => require('@behorig/kit/db')).toThrow(/was loaded by a pure subpath/);
    });
  });
});
