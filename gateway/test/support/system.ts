import { createTestDatabase, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer as buildOrganisations } from '@behorig/organisations/src/server';
import { buildServer as buildAccess } from '@behorig/access/src/server';
import { buildServer as buildSigning } from '@behorig/signing/src/server';
import { buildGateway, type GatewayOptions } from '../../src/server';

/**
 * The whole system in one process on random ports: three subgraphs on one test database
 * (each in its own schema), the gateway in front, and a throw-away signing key.
 */
export async function startSystem(gatewayOptions: Partial<GatewayOptions> = {}) {
  const db: TestDatabase = await createTestDatabase('e2e');
  const keys = await testKeys();
  const organisations = await buildOrganisations({ databaseUrl: db.url, verify: keys.verify, demoData: true });
  const access = await buildAccess({ databaseUrl: db.url, verify: keys.verify, demoData: true });
  const signing = await buildSigning({ databaseUrl: db.url, signingKey: keys.key, demoData: true });
  const urls = {
    organisations: `${await organisations.listen(0, '127.0.0.1')}/graphql`,
    access: `${await access.listen(0, '127.0.0.1')}/graphql`,
    signing: `${await signing.listen(0, '127.0.0.1')}/graphql`,
  };
  const gateway = await buildGateway({ verify: keys.verify, subgraphUrls: urls, ...gatewayOptions });
  const gatewayUrl = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
  return {
    db, keys, urls, gatewayUrl,
    stop: async () => {
      await gateway.stop();
      await Promise.all([organisations.stop(), access.stop(), signing.stop()]);
      await db.drop();
    },
  };
}
export type System = Awaited<ReturnType<typeof startSystem>>;
