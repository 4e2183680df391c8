import { createClientStatusCache, httpClientStatusLookup, withClientStatus } from '@behorig/kit/auth';
import { freePort } from '@behorig/kit/db';
import type { Logger } from '@behorig/kit/server';
import { createTestDatabase, testKeys, testServiceKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer as buildOrganisations, type OrganisationsBuildOptions } from '@behorig/organisations/src/server';
import { buildServer as buildAccess } from '@behorig/access/src/server';
import { buildServer as buildSigning, type SigningBuildOptions } from '@behorig/signing/src/server';
import { BankIdClient, startBankIdSimulator } from '@behorig/signing/src/bankid';
import { buildGateway, type GatewayOptions } from '../../src/server';

/**
 * The whole system in one process: three subgraphs on one test database (each in its own
 * schema) wired to each other over real HTTP exactly as in production (permission questions,
 * unit look-ups, sign orders, receipts, apply), the BankID simulator over mutual TLS, and the
 * gateway in front. Ports are chosen first because the services need each other's URLs.
 */
export async function startSystem(gatewayOptions: Partial<GatewayOptions> = {}, options: { logger?: (service: string) => Logger; signing?: Partial<SigningBuildOptions>; organisations?: Partial<OrganisationsBuildOptions> } = {}) {
  const logger = options.logger ?? (() => undefined);
  const db: TestDatabase = await createTestDatabase('e2e');
  const keys = await testKeys();
  // Each service signs its calls with its own key and trusts the others' public keys (R-AUTH-4).
  const serviceKeys = await testServiceKeys();
  const [orgPort, accessPort, signingPort] = [await freePort(), await freePort(), await freePort()];
  const base = { organisations: `http://127.0.0.1:${orgPort}`, access: `http://127.0.0.1:${accessPort}`, signing: `http://127.0.0.1:${signingPort}` };
  const urls = { organisations: `${base.organisations}/graphql`, access: `${base.access}/graphql`, signing: `${base.signing}/graphql` };
  const jwks = { jwks: keys.jwks as { keys: never[] } };

  const sim = await startBankIdSimulator({ rpPort: 0, controlPort: 0 });
  const bankId = new BankIdClient({ baseUrl: sim.rpUrl, ca: sim.ca, cert: sim.clientCert, key: sim.clientKey, timeoutMs: 5000 });

  // Each service asks the signing service for partner clients' status, as in production (R-AUTH-3).
  const withStatus = () => withClientStatus(keys.verify, createClientStatusCache(httpClientStatusLookup(`${base.signing}/oauth/introspect`)));
  // Unit and organisation facts go from organisations' fact outbox to access (docs/architecture.md, "Unit facts").
  const organisations = await buildOrganisations({
    logger: logger('organisations'), databaseUrl: db.url, verify: withStatus(), demoData: true, accessUrl: urls.access, accessInternalUrl: base.access,
    credentials: serviceKeys.credentials('organisations'), factRelayIntervalMs: 200, ...options.organisations,
  });
  const { createReceiptVerifier } = await import('@behorig/kit/receipt');
  const access = await buildAccess({
    logger: logger('access'),
    databaseUrl: db.url, verify: withStatus(), demoData: true, credentials: serviceKeys.credentials('access'),
    signingInternalUrl: base.signing, verifyReceipt: createReceiptVerifier(jwks),
  });
  const signing = await buildSigning({
    logger: logger('signing'),
    databaseUrl: db.url, signingKey: keys.key, demoData: true, bankId, credentials: serviceKeys.credentials('signing'),
    accessUrl: urls.access, accessInternalUrl: base.access, applyRetryDelaysMs: [50, 200, 500],
    ...options.signing,
  });
  await organisations.listen(orgPort, '127.0.0.1');
  await access.listen(accessPort, '127.0.0.1');
  await signing.listen(signingPort, '127.0.0.1');
  // The demo units' facts, published by organisations' seed, reach access before the first test.
  await organisations.unitFacts?.drain();

  // Rate limits are off unless a test asks for them: suites that send hundreds of requests from
  // one address test other things (gateway/test/rate-limit.test.ts tests the limits).
  const gateway = await buildGateway({ verify: withStatus(), subgraphUrls: urls, rateLimits: false, credentials: serviceKeys.credentials('gateway'), logger: logger('gateway'), ...gatewayOptions });
  const gatewayUrl = `${await gateway.listen(0, '127.0.0.1')}/graphql`;
  /** Plays the phone: completes or fails a BankID order in the simulator. */
  const phone = async (orderRef: string, action: 'complete' | 'fail', body: Record<string, unknown>) => {
    const res = await fetch(`${sim.controlUrl}/simulator/orders/${orderRef}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`simulator ${action} failed: ${res.status} ${await res.text()}`);
  };
  return {
    db, keys, serviceKeys, urls, base, gatewayUrl, gatewayBase: gatewayUrl.replace(/\/graphql$/, ''), sim, phone, services: { organisations, access, signing },
    stop: async () => {
      await gateway.stop();
      await Promise.all([organisations.stop(), access.stop(), signing.stop()]);
      bankId.close();
      await sim.stop();
      await db.drop();
    },
  };
}
export type System = Awaited<ReturnType<typeof startSystem>>;
