import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO } from '@behorig/kit/demo';
import { isServiceName, SERVICE_CREDENTIAL_HEADER, type ServiceName } from '@behorig/kit/auth';
import { createTestDatabase, gqlRequest, sharedTestServiceKeys, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { decodeJwt } from 'jose';
import { BankIdClient, startBankIdSimulator, type BankIdSimulator } from '../../src/bankid';
import type { Request } from 'express';
import { contextFactory } from '../../src/context';
import { buildServer, type SigningBuildOptions } from '../../src/server';
import type { AccessPerson } from '../../src/clients/access.client';

export const dorotea = DEMO.organisations.dorotea.id as string;
export const aratron = DEMO.organisations.aratron.id as string;
export const person = (given: string) => DEMO.people.find((p) => p.givenName === given)!;

/**
 * A tiny HTTP server that answers like the access service would (docs/architecture.md): the people
 * look-up, `myAccess` from a table of grants, and the apply endpoint with programmable answers.
 */
export function fakeAccess() {
  const people = new Map<string, AccessPerson>();
  for (const p of DEMO.people) people.set(p.personalNumber, { personId: p.id, givenName: p.givenName, surname: p.surname, hasActiveMembership: p.memberships.length > 0 });
  /** `${pnr}|${organisationId}|${function}|${access}`; UPDATE implies READ. */
  const grants = new Set<string>();
  const applyCalls: { changeSetId: string; receipt: string }[] = [];
  /** R-SIGN-7: what signing reported about sign orders that ended unsigned. */
  const endedCalls: { changeSetId: string; orderRef: string; digest: string; reason: string }[] = [];
  const applyAnswers: { status: number; body: unknown }[] = [];
  let myAccessCalls = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const url = req.url ?? '';
      // As access does (R-AUTH-4): only signing's own credential for access.
      const keys = await sharedTestServiceKeys();
      const fromSigning = await keys.credentials('access').verify(String(req.headers[SERVICE_CREDENTIAL_HEADER] ?? ''), ['signing']).then(() => true, () => false);
      if (url.startsWith('/internal/') && !fromSigning) return send(401, { error: 'unauthorised' });
      const numberOf = /^\/internal\/people\/([^/]+)\/personal-number$/.exec(url);
      if (numberOf) {
        const p = [...people.entries()].find(([, v]) => v.personId === numberOf[1]);
        return p ? send(200, { personalNumber: p[0] }) : send(404, { error: 'not_found' });
      }
      const person = /^\/internal\/people\/by-personal-number\/(\d+)$/.exec(url);
      if (person) {
        const p = people.get(person[1]);
        return p ? send(200, p) : send(404, { error: 'not_found' });
      }
      const ended = /^\/internal\/change-sets\/([^/]+)\/signing-ended$/.exec(url);
      if (ended) {
        endedCalls.push({ changeSetId: ended[1], ...JSON.parse(raw) });
        return send(200, { returnedToDraft: true });
      }
      const apply = /^\/internal\/change-sets\/([^/]+)\/apply$/.exec(url);
      if (apply) {
        applyCalls.push({ changeSetId: apply[1], receipt: JSON.parse(raw).receipt });
        const answer = applyAnswers.shift() ?? { status: 200, body: { status: 'APPLIED', alreadyApplied: applyCalls.length > 1 } };
        return send(answer.status, answer.body);
      }
      if (url === '/graphql') {
        myAccessCalls++;
        const { variables } = JSON.parse(raw);
        // Tokens name the caller by person id; grants are kept by personal number, as tests write them.
        const pid = decodeJwt(String(req.headers.authorization).replace(/^Bearer /, '')).pid;
        const pnr = [...people.entries()].find(([, v]) => v.personId === pid)?.[0] ?? '';
        const key = `${pnr}|${variables.organisationId}|${variables.function}`;
        const allowed = grants.has(`${key}|${variables.access}`) || (variables.access === 'READ' && grants.has(`${key}|UPDATE`));
        return send(200, { data: { myAccess: { allowed, reason: allowed ? 'role' : 'no role' } } });
      }
      send(404, { error: 'no such endpoint' });
    });
  });
  return {
    server, people, grants, applyCalls, applyAnswers, endedCalls,
    get myAccessCalls() { return myAccessCalls; },
    grant: (pnr: string, org: string, fn: string, access: 'READ' | 'UPDATE') => grants.add(`${pnr}|${org}|${fn}|${access}`),
  };
}

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

/** Signing on a fresh database, an in-process BankID simulator (shared, injectable clock) and a fake access. */
/**
 * `collectIntervalMs` defaults to 0 here (no background collection) so that tests decide when
 * orders are collected (`signing.collectOrders()`); the collection timer has its own test.
 * No decision cache unless `decisionCache` (R-SCOPE-4): the fake access changes its grants without
 * the NOTIFY real access sends, so a test that caches must send it (`notifyPermissionChange`).
 */
export async function startHarness(opts: { bankId?: boolean; checkpointSeconds?: number; collectIntervalMs?: number; decisionCache?: boolean; build?: Partial<SigningBuildOptions> } = {}) {
  const db: TestDatabase = await createTestDatabase('signing');
  const keys = await testKeys();
  const clock = { now: Date.now() };
  const access = fakeAccess();
  const accessUrl = await listen(access.server);
  let sim: BankIdSimulator | undefined;
  let client: BankIdClient | undefined;
  if (opts.bankId !== false) {
    sim = await startBankIdSimulator({ rpPort: 0, controlPort: 0, clock: () => clock.now });
    client = new BankIdClient({ baseUrl: sim.rpUrl, ca: sim.ca, cert: sim.clientCert, key: sim.clientKey, timeoutMs: 5000 });
  }
  const serviceKeys = await sharedTestServiceKeys();
  const signing = await buildServer({
    credentials: serviceKeys.credentials('signing'),
    databaseUrl: db.url, signingKey: keys.key, bankId: client, accessUrl: `${accessUrl}/graphql`, accessInternalUrl: accessUrl,
    now: () => clock.now, applyRetryDelaysMs: [10, 20], checkpointSeconds: opts.checkpointSeconds,
    collectIntervalMs: opts.collectIntervalMs ?? 0,
    permissionListenUrl: opts.decisionCache ? db.url : false,
    ...opts.build,
  });
  const base = await signing.listen(0, '127.0.0.1');
  const url = `${base}/graphql`;
  const control = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${sim!.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /**
   * A call to an /internal/... endpoint with a service's credential (R-AUTH-4): by default the
   * service the body names as its `source` (audit events), else access (sign orders).
   */
  const internal = async (path: string, body: unknown, authorization?: string, from?: ServiceName) => {
    const source = (body as { source?: unknown } | null)?.source;
    const caller = from ?? (isServiceName(source) ? source : 'access');
    return fetch(`${base}${path}`, { method: 'POST', headers: await serviceKeys.credentials(caller).headers('signing', { authorization }), body: JSON.stringify(body) });
  };
  const sql = async <T = Record<string, unknown>>(q: string, params: unknown[] = []) => (await signing.orm.em.fork().execute(q, params)) as T[];
  /**
   * What a database owner can do despite R-AUDIT-4's triggers: switch them off, change rows,
   * switch them on again. Tests use it to play the attacker the checkpoints must catch.
   */
  const asOwner = async <T = Record<string, unknown>>(table: string, q: string, params: unknown[] = []) => {
    await sql(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      return await sql<T>(q, params);
    } finally {
      await sql(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  };
  return {
    db, keys, clock, access, sim, base, url, control, internal, sql, asOwner, signing, serviceKeys,
    gql: <T = any>(query: string, variables?: Record<string, unknown>, token?: string) => gqlRequest<T>(url, query, variables, token),
    stop: async () => {
      await signing.stop();
      client?.close();
      await sim?.stop();
      access.server.close();
      await db.drop();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * A GraphQL operation against the harness's subgraph without HTTP (Apollo `executeOperation`):
 * the context is built exactly as a request's would be, from the token's verified actor.
 * For entity references (`_entities`) and resolvers that need no port.
 */
export async function operation<T = any>(h: Harness, query: string, variables?: Record<string, unknown>, token?: string) {
  const authorization = token ? `Bearer ${token}` : undefined;
  const actor = token ? await h.signing.deps.verify(token) : null;
  const req = { headers: authorization ? { authorization } : {}, socket: { remoteAddress: '127.0.0.1' } } as unknown as Request;
  const contextValue = contextFactory(h.signing.deps)(actor, h.signing.orm.em.fork(), req);
  const res = await h.signing.apollo.executeOperation<T>({ query, variables }, { contextValue });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as { data?: T & Record<string, any>; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
}
