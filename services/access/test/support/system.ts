import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO } from '@behorig/kit/demo';
import { createReceiptVerifier, mintReceipt } from '@behorig/kit/receipt';
import { createTestDatabase, gqlRequest, sharedTestServiceKeys, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { SERVICE_CREDENTIAL_HEADER } from '@behorig/kit/auth';
import { buildServer } from '../../src/server';
import { createHttpSigningClient } from '../../src/clients/signing.client';
import type { KnownUnit } from '../../src/modules/scopes/rules/membership.rules';
import type { UnitDirectory } from '../../src/clients/organisations.client';

/** A unit of Dorotea kommun that is closed: granting it is BAD_USER_INPUT. */
export const CLOSED_UNIT_ID = '00000000-0000-4000-8001-0000000000c1';

/** A DEMO unit's name, as the organisations subgraph gives it (units added by a test have none). */
const unitName = (id: string) => { const u = Object.values(DEMO.units).find((x) => x.id === id); return u ? { name: u.name } : {}; };

/** In-test double of the organisations subgraph: serves the DEMO units and organisations (plus extras). */
export function demoUnitDirectory(extra: KnownUnit[] = []): UnitDirectory & { calls: number; add: (unit: KnownUnit) => void; removeAddress: (addressId: string) => void } {
  const units: KnownUnit[] = [
    ...Object.values(DEMO.units).map((u) => ({ id: u.id, organisationId: DEMO.organisations[u.organisation as keyof typeof DEMO.organisations].id, closed: false, schoolFormCodes: [...u.schoolForms], addressIds: u.addresses.map((x) => x.id) })),
    { id: CLOSED_UNIT_ID, organisationId: DEMO.organisations.dorotea.id, closed: true, schoolFormCodes: [] },
    ...extra,
  ];
  const dir = {
    calls: 0,
    /** A unit created in the organisations subgraph after the fact. */
    add(unit: KnownUnit) { units.push(unit); },
    /** An office removed from its unit in the organisations subgraph. */
    removeAddress(addressId: string) {
      for (const u of units) if (u.addressIds?.includes(addressId)) u.addressIds = u.addressIds.filter((x) => x !== addressId);
    },
    async units(ids: readonly string[]) {
      dir.calls++;
      return units.filter((u) => ids.includes(u.id));
    },
    async organisations(ids: readonly string[]) {
      dir.calls++;
      return new Map(Object.values(DEMO.organisations).filter((o) => ids.includes(o.id)).map((o) => [o.id, o.name]));
    },
    async organisationUnits(ids: readonly string[]) {
      dir.calls++;
      return new Map(ids.map((id) => [id, units.filter((u) => u.organisationId === id).map((u) => ({ id: u.id, addressIds: [...(u.addressIds ?? [])], ...unitName(u.id) })).sort((a, b) => (a.id < b.id ? -1 : 1))]));
    },
  };
  return dir;
}

/** A tiny HTTP server standing in for signing's POST /internal/sign-orders. */
export async function fakeSigning() {
  const requests: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  /** R-SIGN-7: order refs access asked signing to cancel (a set edited while being signed). */
  const cancelled: string[] = [];
  const state = { unavailable: false };
  const serviceKeys = await sharedTestServiceKeys();
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', async () => {
      // As signing does (R-AUTH-4): access's own credential for signing, nothing else.
      const fromAccess = await serviceKeys.credentials('signing').verify(String(req.headers[SERVICE_CREDENTIAL_HEADER] ?? ''), ['access']).then(() => true, () => false);
      requests.push({ headers: req.headers, body: JSON.parse(data || '{}') });
      res.setHeader('content-type', 'application/json');
      const cancel = /^\/internal\/sign-orders\/([^/]+)\/cancel$/.exec(req.url ?? '');
      if (cancel && fromAccess) {
        cancelled.push(cancel[1]);
        return res.end(JSON.stringify({ orderRef: cancel[1], status: 'FAILED' }));
      }
      if (req.url !== '/internal/sign-orders' || !fromAccess) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ error: 'unauthorised' }));
      }
      if (state.unavailable) {
        res.statusCode = 503;
        return res.end(JSON.stringify({ error: 'bankid_unavailable' }));
      }
      res.end(JSON.stringify({ orderRef: randomUUID() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, requests, cancelled, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export const person = (given: string) => DEMO.people.find((p) => p.givenName === given)!;
export const ORG = { dorotea: DEMO.organisations.dorotea.id, aratron: DEMO.organisations.aratron.id, vux: DEMO.organisations.vux.id };
export const UNIT = { doroteaUbk: DEMO.units.doroteaUbk.id, aratronStod: DEMO.units.aratronStod.id, vuxKista: DEMO.units.vuxKista.id, vuxSoder: DEMO.units.vuxSoder.id };
export const AUTHORITY_PNR = '191212121212';

export interface StartOptions { today?: string; demoData?: boolean; onQuery?: (sql: string) => void; logger?: import('@behorig/kit/server').Logger; databaseUrl?: string; personalNumberKey?: Buffer }

/** One access server per test file (beforeAll), on its own database, with the doubles above. */
export async function startAccess(opts: StartOptions = {}) {
  const db: TestDatabase = opts.databaseUrl ? { url: opts.databaseUrl, name: '', drop: async () => undefined } : await createTestDatabase('acc');
  const personalNumberKey = opts.personalNumberKey ?? randomBytes(32);
  const keys = await testKeys();
  const signing = await fakeSigning();
  const serviceKeys = await sharedTestServiceKeys();
  const directory = demoUnitDirectory();
  const today = opts.today ?? '2026-11-22';
  const server = await buildServer({
    databaseUrl: db.url,
    verify: keys.verify,
    demoData: opts.demoData ?? true,
    unitDirectory: directory,
    signing: createHttpSigningClient(signing.url, serviceKeys.credentials('access')),
    credentials: serviceKeys.credentials('access'),
    verifyReceipt: createReceiptVerifier({ jwks: keys.jwks as never }),
    today: () => today,
    onQuery: opts.onQuery,
    logger: opts.logger,
    personalNumberKey,
  });
  const base = await server.listen(0, '127.0.0.1');
  const url = `${base}/graphql`;
  const tokens = {
    of: (given: string) => keys.token({ personalNumber: person(given).personalNumber }),
    withId: (given: string) => keys.token({ personalNumber: person(given).personalNumber, personId: person(given).id }),
    authority: () => keys.token({ personalNumber: AUTHORITY_PNR, authority: true }),
    /** Whoever has this number: the token names them by id (a person not known here gets an id nobody has). */
    pnr: async (personalNumber: string) => {
      const [row] = await server.orm.em.fork().execute<{ id: string }[]>(`SELECT id FROM access.person WHERE personal_number_hash = ?`, [server.deps.vault.hash(personalNumber)]);
      return keys.token({ personId: row?.id ?? randomUUID() });
    },
  };
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => server.orm.em.fork().execute<T[]>(q, params);
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM access.${table} WHERE ${where}`, params))[0].n);
  /** What signing does when a sign order completes: a receipt over the frozen digest, minted with the test key. */
  const receiptFor = async (changeSetId: string, signerPnr: string, override: { digest?: string; organisationId?: string } = {}) => {
    const [set] = await sql<{ organisation_id: string; signing_digest: string }>(`SELECT organisation_id, signing_digest FROM access.change_set WHERE id = ?`, [changeSetId]);
    // As signing does: the person id of BankID's signer (looked up by number), never the number itself.
    const [signer] = await sql<{ id: string }>(`SELECT id FROM access.person WHERE personal_number_hash = ?`, [server.deps.vault.hash(signerPnr)]);
    return mintReceipt(keys.key, {
      receiptId: randomUUID(), orderRef: randomUUID(), signerPersonalNumber: signerPnr, signerPersonId: signer?.id ?? null, signerName: 'Test Signer',
      organisationId: override.organisationId ?? set.organisation_id, changeSetId, digest: override.digest ?? set.signing_digest, signedAt: new Date(),
    });
  };
  const vault = server.deps.vault;
  /** Personal numbers are stored sealed: tests find rows by the keyed hash, as the service does. */
  const hashOf = (pnr: string) => vault.hash(pnr);
  /** Inserts a person row the way the service stores one (sealed number); returns its id. */
  const insertPerson = async (pnr: string, givenName: string, surname: string, birthDate = '1970-01-01') => {
    const s = vault.seal(pnr);
    const [row] = await sql<{ id: string }>(`INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?) RETURNING id`, [s.hash, s.ciphertext, givenName, surname, birthDate]);
    return row.id;
  };
  return {
    db, keys, server, base, url, tokens, sql, count, signing, directory, today, receiptFor, vault, hashOf, insertPerson, personalNumberKey, serviceKeys,
    /** Headers of a call from the signing service with its credential (R-AUTH-4), as its access client sends them. */
    fromSigning: (extra: Record<string, string> = {}) => serviceKeys.credentials('signing').headers('access', extra),
    gql: (query: string, variables?: Record<string, unknown>, token?: string) => gqlRequest(url, query, variables, token),
    stop: async () => {
      await server.stop();
      await signing.close();
      await db.drop();
    },
  };
}
export type AccessSystem = Awaited<ReturnType<typeof startAccess>>;
