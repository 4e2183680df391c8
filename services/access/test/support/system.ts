import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO } from '@behorig/kit/demo';
import { createReceiptVerifier, mintReceipt } from '@behorig/kit/receipt';
import { createTestDatabase, gqlRequest, sharedTestServiceKeys, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { SERVICE_CREDENTIAL_HEADER } from '@behorig/kit/auth';
import { buildServer } from '../../src/server';
import { createHttpSigningClient } from '../../src/clients/signing.client';
import type { KnownUnit } from '../../src/modules/scopes/rules/membership.rules';
import type { UnitFact } from '@behorig/kit/auth';

/** A unit of Dorotea kommun that is closed: granting it is BAD_USER_INPUT. */
export const CLOSED_UNIT_ID = '00000000-0000-4000-8001-0000000000c1';

/**
 * What the organisations service publishes about the DEMO units and organisations (plus a closed
 * unit), as unit facts (docs/architecture.md, "Unit facts"), and a way to publish more: each call
 * delivers to access's POST /internal/unit-facts with organisations' credential, as its relay does,
 * with the unit's next version.
 */
export function unitFactsPublisher(deliver: (facts: UnitFact[]) => Promise<void>) {
  const units = new Map<string, Extract<UnitFact, { kind: 'unit' }>>();
  const publish = async (unit: KnownUnit & { name?: string; serviceCode?: string }) => {
    const version = (units.get(unit.id)?.version ?? 0) + 1;
    const fact = {
      kind: 'unit' as const, unitId: unit.id, organisationId: unit.organisationId, serviceCode: unit.serviceCode ?? units.get(unit.id)?.serviceCode ?? 'KOMVUX',
      name: unit.name ?? units.get(unit.id)?.name ?? `Unit ${unit.id.slice(0, 8)}`, closed: unit.closed, schoolFormCodes: [...unit.schoolFormCodes], addressIds: [...(unit.addressIds ?? [])], version,
    };
    units.set(unit.id, fact);
    await deliver([fact]);
  };
  const current = (unitId: string) => {
    const u = units.get(unitId);
    if (!u) throw new Error(`No facts of unit ${unitId} were published`);
    return { id: u.unitId, organisationId: u.organisationId, closed: u.closed, schoolFormCodes: u.schoolFormCodes, addressIds: u.addressIds, name: u.name, serviceCode: u.serviceCode };
  };
  return {
    units,
    /** The DEMO organisations and units, and a closed unit of Dorotea kommun. */
    async demo() {
      await deliver(Object.values(DEMO.organisations).map((o) => ({ kind: 'organisation' as const, organisationId: o.id, name: o.name, version: 1 })));
      for (const u of Object.values(DEMO.units)) {
        await publish({ id: u.id, organisationId: DEMO.organisations[u.organisation as keyof typeof DEMO.organisations].id, closed: false, schoolFormCodes: [...u.schoolForms], addressIds: u.addresses.map((x) => x.id), name: u.name, serviceCode: u.service });
      }
      await publish({ id: CLOSED_UNIT_ID, organisationId: DEMO.organisations.dorotea.id, closed: true, schoolFormCodes: [], name: 'Nedlagda enheten' });
    },
    /** A unit created in the organisations service after the fact. */
    add: publish,
    /** An office removed from its unit in the organisations service. */
    async removeAddress(addressId: string) {
      const u = [...units.values()].find((x) => x.addressIds.includes(addressId));
      if (!u) throw new Error(`No unit has the office ${addressId}`);
      const was = current(u.unitId);
      await publish({ ...was, addressIds: was.addressIds.filter((x) => x !== addressId) });
    },
    /** A unit closed in the organisations service. */
    close: async (unitId: string) => publish({ ...current(unitId), closed: true }),
  };
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
  const today = opts.today ?? '2026-11-22';
  const server = await buildServer({
    databaseUrl: db.url,
    verify: keys.verify,
    demoData: opts.demoData ?? true,
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
  // The organisations service's fact relay, played by the test (R-AUTH-4: organisations' own credential).
  const facts = unitFactsPublisher(async (list) => {
    const res = await fetch(`${base}/internal/unit-facts`, { method: 'POST', headers: await serviceKeys.credentials('organisations').headers('access'), body: JSON.stringify({ facts: list }) });
    if (!res.ok) throw new Error(`unit facts refused: ${res.status} ${await res.text()}`);
    const { refused } = (await res.json()) as { refused: unknown[] };
    if (refused.length > 0) throw new Error(`unit facts refused: ${JSON.stringify(refused)}`);
  });
  await facts.demo();
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
    db, keys, server, base, url, tokens, sql, count, signing, facts, today, receiptFor, vault, hashOf, insertPerson, personalNumberKey, serviceKeys,
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
