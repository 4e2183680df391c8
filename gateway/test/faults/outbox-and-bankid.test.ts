import { Client } from 'pg';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { stockholmDate, addDays } from '@behorig/kit/dates';
import { gqlRequest } from '@behorig/kit/testing';
import { buildServer as buildSigning } from '@behorig/signing/src/server';
import { BankIdClient } from '@behorig/signing/src/bankid';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, actorTokens, fresh, freshPersonalNumber, person, type ActorKey } from '../security/actors';
import { startDelayProxy, until } from './load';

/**
 * Two faults. (c) The audit outbox relay dies between sending a batch and marking
 * it delivered, and the signing service (the audit log) is killed while a relay is delivering:
 * after restart nothing is lost and nothing is doubled, and the hash chain verifies. (d) BankID
 * down, then slower than the client's deadline, then merely slow: clear SERVICE_UNAVAILABLE
 * errors, the changes to sign stay intact as a DRAFT, and signing works again afterwards.
 *
 * The signing service is restarted on its own port with a BankID client that goes through a
 * delaying TCP proxy in front of the simulator (TLS passes through untouched).
 */
describe('faults: outbox relay and signing service killed mid-delivery (c); BankID down or slow (d)', () => {
  let sys: System;
  let db: Client;
  let tokens: Record<ActorKey, string | undefined>;
  let proxy: Awaited<ReturnType<typeof startDelayProxy>>;
  let signing: Awaited<ReturnType<typeof buildSigning>> | undefined;
  let bankId: BankIdClient;
  const gql = (q: string, v?: Record<string, unknown>, t?: string) => gqlRequest(sys.gatewayUrl, q, v, t);
  const sql = async <T = Record<string, unknown>>(q: string, p: unknown[] = []) => (await db.query(q, p)).rows as T[];
  const today = stockholmDate();
  const propose = (token: string | undefined) => gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
    o: ARATRON, i: { personalNumber: freshPersonalNumber(), givenName: 'Fel', surname: fresh('Tålig'), roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 30) },
  }, token);
  const drafts = async () => (await gql(`query($o: ID!) { organisation(id: $o) { changesToSign { status digest changes { id } } } }`, { o: ARATRON }, tokens.permissionAdmin)).data.organisation.changesToSign;

  beforeAll(async () => {
    sys = await startSystem();
    tokens = await actorTokens(sys);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
    proxy = await startDelayProxy(Number(new URL(sys.sim.rpUrl).port));
    bankId = new BankIdClient({ baseUrl: sys.sim.rpUrl.replace(/:\d+\//, `:${proxy.port}/`), ca: sys.sim.ca, cert: sys.sim.clientCert, key: sys.sim.clientKey, timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await signing?.stop();
    bankId?.close();
    await proxy?.stop();
    await db?.end();
    await sys?.stop();
  });

  it('R-AUDIT-1/2: a relay crash after sending, and the audit log killed mid-delivery, lose and double nothing', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await propose(tokens.authority)).errors).toBeUndefined();
      expect((await gql(`mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: { givenName: 'Relä', surname: fresh('Test') } }, tokens.authority)).errors).toBeUndefined();
    }
    const undelivered = async (schema: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox_event WHERE delivered_at IS NULL`))[0].n;
    const pending = { access: await undelivered('access'), organisations: await undelivered('organisations') };
    expect(pending.access).toBeGreaterThanOrEqual(4);
    expect(pending.organisations).toBeGreaterThanOrEqual(4);
    const relay = (schema: 'access' | 'organisations', afterSend?: () => void) =>
      createOutboxRelay({ databaseUrl: sys.db.url, schema, signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials(schema), batchSize: 3, afterSend });

    // 1. The relay dies after the audit log accepted a batch, before marking it delivered.
    const crashing = relay('access', () => { throw new Error('relay killed after send'); });
    await expect(crashing.relayOnce()).rejects.toThrow('relay killed after send');
    await crashing.stop();
    expect(await undelivered('access')).toBe(pending.access);
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM signing.audit_event WHERE source = 'access'`))[0].n).toBe(3);

    // 2. The signing service (the audit log) is killed; a relay delivering meanwhile marks nothing.
    await sys.services.signing.stop();
    const orphan = relay('organisations');
    await expect(orphan.relayOnce()).rejects.toThrow();
    await orphan.stop();
    expect(await undelivered('organisations')).toBe(pending.organisations);

    // 3. The signing service comes back on its port; fresh relays drain everything.
    signing = await buildSigning({ credentials: sys.serviceKeys.credentials('signing'), databaseUrl: sys.db.url, signingKey: sys.keys.key, demoData: false, bankId, accessUrl: sys.urls.access, accessInternalUrl: sys.base.access, applyRetryDelaysMs: [50, 200, 500] });
    await signing.listen(Number(new URL(sys.base.signing).port), '127.0.0.1');
    for (const schema of ['access', 'organisations'] as const) {
      const r = relay(schema);
      await r.drain();
      await r.stop();
      expect(await undelivered(schema)).toBe(0);
      // Exactly once: one audit event per outbox row, none missing, none doubled.
      const [counts] = await sql<{ outbox: number; events: number; distinct_sources: number }>(
        `SELECT (SELECT count(*) FROM ${schema}.outbox_event)::int AS outbox,
                (SELECT count(*) FROM signing.audit_event WHERE source = $1)::int AS events,
                (SELECT count(DISTINCT source_id) FROM signing.audit_event WHERE source = $1)::int AS distinct_sources`, [schema]);
      expect({ schema, events: counts.events, distinct: counts.distinct_sources }).toEqual({ schema, events: counts.outbox, distinct: counts.outbox });
    }
    const verified = await gql(`query($o: ID!) { verifyAuditLog(organisationId: $o) { ok firstBrokenSeq } }`, { o: ARATRON }, tokens.authority);
    expect(verified.data.verifyAuditLog).toEqual({ ok: true, firstBrokenSeq: null });
  });

  it('R-SIGN-5: BankID down → SERVICE_UNAVAILABLE at once for log-in and signing; the changes to sign stay intact', async () => {
    expect(signing).toBeDefined(); // the restarted signing service talks to BankID through the proxy
    expect((await propose(tokens.permissionAdmin)).errors).toBeUndefined();
    const before = await drafts();
    expect(before.status).toBe('DRAFT');
    proxy.state.down = true;
    const t0 = Date.now();
    const login = await gql(`mutation { startLogin { orderRef } }`);
    expect(login.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(login.errors?.[0].message).toMatch(/BankID/);
    const sign = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON }, tokens.permissionAdmin);
    expect(sign.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await drafts()).toEqual(before);
  });

  it('R-SIGN-5: BankID slower than the deadline → SERVICE_UNAVAILABLE within the deadline, drafts intact; merely slow → signing works end to end', async () => {
    const before = await drafts();
    proxy.state.down = false;
    proxy.state.delayMs = 1_500;
    const t0 = Date.now();
    const sign = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON }, tokens.permissionAdmin);
    expect(sign.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(await drafts()).toEqual(before);

    proxy.state.delayMs = 150;
    const ok = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef status } }`, { o: ARATRON }, tokens.permissionAdmin);
    expect(ok.errors).toBeUndefined();
    const fridolf = person('Fridolf');
    await sys.phone(ok.data.signChanges.orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    const done = await until(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { status applyResult } }`, { r: ok.data.signChanges.orderRef }, tokens.permissionAdmin),
      (r) => !!r.data?.signingOrder?.applyResult && r.data.signingOrder.applyResult !== 'PENDING', 10_000, 150);
    expect(done.value.data.signingOrder).toEqual({ status: 'COMPLETE', applyResult: 'APPLIED' });
    expect((await gql(`query($o: ID!) { organisation(id: $o) { changesToSign { id } } }`, { o: ARATRON }, tokens.permissionAdmin)).data.organisation.changesToSign).toBeNull();
  });
});
