import { createLocalJWKSet, jwtVerify } from 'jose';
import { Client } from 'pg';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';
import { poll } from './support/poll';

/**
 * The KA Webb story end to end, through the gateway, with the BankID simulator playing the
 * phone: Arvid Aronsson logs in with BankID, proposes Andrea Sandin as service administrator
 * of Dorotea UBK, signs the change set with BankID, and the change is applied exactly once,
 * proved by a receipt anyone can verify with the JWKS alone and by a verified audit chain.
 */
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const andrea = DEMO.andreaSandin;
const dorotea = DEMO.organisations.dorotea.id;
const ubk = DEMO.units.doroteaUbk.id;


describe('KA Webb flow through the gateway (R-AUTH-1, R-SIGN-1…4, R-AUDIT-1/2)', () => {
  let sys: System;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
  let gql: (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;
  let token: string;
  let orderRef: string;
  let receiptToken: string;

  beforeAll(async () => {
    sys = await startSystem();
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
  });
  afterAll(async () => { await sys.stop(); });

  it('R-AUTH-1: Arvid logs in with BankID (startLogin → phone → completeLogin)', async () => {
    const started = await gql(`mutation { startLogin { orderRef status hintCode qrData } }`);
    expect(started.errors).toBeUndefined();
    const ref = started.data.startLogin.orderRef;
    expect(started.data.startLogin).toMatchObject({ status: 'PENDING', hintCode: 'outstandingTransaction' });
    expect(started.data.startLogin.qrData).toMatch(/^bankid\.[^.]+\.\d+\.[0-9a-f]{64}$/);
    await sys.phone(ref, 'complete', { personalNumber: arvid.personalNumber });
    const session = await gql(`mutation($r: ID!) { completeLogin(orderRef: $r) { token expiresAt person { id givenName } } }`, { r: ref });
    expect(session.errors).toBeUndefined();
    expect(session.data.completeLogin.person).toEqual({ id: arvid.id, givenName: 'Arvid' });
    token = session.data.completeLogin.token;
  });

  it('the session token names Arvid by person id and carries no personal number in any claim', () => {
    const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(payload).toMatchObject({ knd: 'person', pid: arvid.id, auth: false, sub: `person:${arvid.id}` });
    expect(payload).not.toHaveProperty('pnr');
    const n = arvid.personalNumber;
    for (const form of [n, n.slice(2), `${n.slice(0, 8)}-${n.slice(8)}`, `${n.slice(2, 8)}-${n.slice(8)}`, n.slice(0, 8)]) {
      expect(JSON.stringify({ header, payload })).not.toContain(form);
    }
  });

  it('R-PERIOD-2/3: an end date in two years and an end date on an administrator are refused, nothing proposed', async () => {
    const base = { personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, email: andrea.email, unitIds: [ubk], validFrom: '2026-11-23' };
    const far = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, { o: dorotea, i: { ...base, roleCodes: ['SERVICE_ADMIN'], validTo: '2028-11-23' } }, token);
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/validTo/) });
    const admin = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, { o: dorotea, i: { ...base, roleCodes: ['PERMISSION_ADMIN'], validTo: '2027-06-30' } }, token);
    expect(admin.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/validTo/) });
    const drafts = await gql(`query($o: ID!) { organisation(id: $o) { changesToSign { changes { id } } } }`, { o: dorotea }, token);
    expect(drafts.data.organisation.changesToSign?.changes ?? []).toEqual([]);
  });

  it('R-SIGN-1: proposing Andrea Sandin puts a NEW change in the changes to sign, nothing applied yet', async () => {
    const res = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { kind person { givenName surname birthDate } roles { code } unitIds validFrom validTo } }`, {
      o: dorotea,
      i: { personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, email: andrea.email, roleCodes: ['SERVICE_ADMIN'], unitIds: [ubk], validFrom: '2026-11-23', validTo: '2027-12-31' },
    }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.proposeStaff).toEqual({ kind: 'NEW', person: { givenName: 'Andrea', surname: 'Sandin', birthDate: '1978-10-17' }, roles: [{ code: 'SERVICE_ADMIN' }], unitIds: [ubk], validFrom: '2026-11-23', validTo: '2027-12-31' });
    const staff = await gql(`query($o: ID!) { organisation(id: $o) { staff(search: "Sandin") { totalCount } changesToSign { status digest changes { kind } } } }`, { o: dorotea }, token);
    expect(staff.data.organisation.staff.totalCount).toBe(0);
    expect(staff.data.organisation.changesToSign).toMatchObject({ status: 'DRAFT', digest: expect.stringMatching(/^[0-9a-f]{64}$/), changes: [{ kind: 'NEW' }] });
  });

  it('R-SIGN-2/3: signing with BankID applies the set once and returns a receipt', async () => {
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef status } }`, { o: dorotea }, token);
    expect(signed.errors).toBeUndefined();
    orderRef = signed.data.signChanges.orderRef;
    const visible = (await (await fetch(`${sys.sim.controlUrl}/simulator/orders`)).json()) as { orders: { orderRef: string; userVisibleData: string }[] };
    expect(visible.orders.find((o) => o.orderRef === orderRef)?.userVisibleData).toMatch(/Andrea Sandin/);
    await sys.phone(orderRef, 'complete', { personalNumber: arvid.personalNumber });
    const q = `query($r: ID!) { signingOrder(orderRef: $r) { status applyResult applyError receipt { id digest token signer { givenName } } } }`;
    const done = await poll(() => gql(q, { r: orderRef }, token), (r) => r.data?.signingOrder?.applyResult === 'APPLIED' || r.data?.signingOrder?.applyResult === 'REFUSED');
    expect(done.errors).toBeUndefined();
    expect(done.data.signingOrder).toMatchObject({ status: 'COMPLETE', applyResult: 'APPLIED', applyError: null, receipt: { signer: { givenName: 'Arvid' } } });
    receiptToken = done.data.signingOrder.receipt.token;
    // Polling again (a double click, a retry) does not apply it again.
    await gql(q, { r: orderRef }, token);
    const staff = await gql(`query($o: ID!) { organisation(id: $o) { staff(search: "Sandin") { totalCount edges { node { id givenName } } } changesToSign { id } } }`, { o: dorotea }, token);
    expect(staff.data.organisation.staff.totalCount).toBe(1);
    expect(staff.data.organisation.changesToSign).toBeNull();
  });

  it('R-SCOPE-1: Andrea\'s scopes show Dorotea UBK as service administrator until her end date', async () => {
    const staff = await gql(`query($o: ID!) { organisation(id: $o) { staff(search: "Sandin") { edges { node { id } } } } }`, { o: dorotea }, token);
    const id = staff.data.organisation.staff.edges[0].node.id;
    const scopes = await gql(`query($p: ID!) { permissionScopes(personId: $p, on: "2026-12-01") { organisation { name } units { name } role { code } validFrom validTo } }`, { p: id }, token);
    expect(scopes.errors).toBeUndefined();
    expect(scopes.data.permissionScopes).toEqual([{ organisation: { name: 'Dorotea kommun' }, units: [{ name: 'Dorotea UBK' }], role: { code: 'SERVICE_ADMIN' }, validFrom: '2026-11-23', validTo: '2027-12-31' }]);
    const after = await gql(`query($p: ID!) { permissionScopes(personId: $p, on: "2028-01-01") { role { code } } }`, { p: id }, token);
    expect(after.data.permissionScopes).toEqual([]);
  });

  it('R-SIGN-3: the receipt verifies with the published JWKS alone, and through verifyReceipt', async () => {
    const jwks = (await (await fetch(`${sys.base.signing}/.well-known/jwks.json`)).json()) as { keys: never[] };
    const { payload } = await jwtVerify(receiptToken, createLocalJWKSet(jwks), { audience: 'behorig-receipt' });
    // The signer by person id and a salted hash of the number: the number itself is not in the receipt.
    expect(payload).toMatchObject({ org: dorotea, pid: arvid.id, pnh: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(payload)).not.toContain(arvid.personalNumber);
    expect(String(payload.dig)).toMatch(/^[0-9a-f]{64}$/);
    const v = await gql(`query($t: String!) { verifyReceipt(token: $t) }`, { t: receiptToken }, token);
    expect(v.data.verifyReceipt).toBe(true);
    const tampered = receiptToken.slice(0, -4) + (receiptToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await gql(`query($t: String!) { verifyReceipt(token: $t) }`, { t: tampered }, token);
    expect(bad.data.verifyReceipt).toBe(false);
  });

  it('R-AUDIT-1/2: the audit log shows the events, verifies, and reports a tampered row', async () => {
    for (const schema of ['access', 'organisations'] as const) {
      const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema, signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials(schema) });
      await relay.drain();
      await relay.stop();
    }
    const log = await gql(`query($o: ID!) { organisation(id: $o) { auditLog(first: 50) { totalCount edges { node { seq action target receipt { id } } } } } }`, { o: dorotea }, token);
    expect(log.errors).toBeUndefined();
    const actions = log.data.organisation.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(log.data.organisation.auditLog.edges.some((e: { node: { receipt: unknown } }) => e.node.receipt)).toBe(true);
    const ok = await gql(`query($o: ID!) { verifyAuditLog(organisationId: $o) { ok checked firstBrokenSeq } }`, { o: dorotea }, token);
    expect(ok.data.verifyAuditLog).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.data.verifyAuditLog.checked).toBe(log.data.organisation.auditLog.totalCount);
    const seq = Math.min(...log.data.organisation.auditLog.edges.map((e: { node: { seq: number } }) => e.node.seq));
    const db = new Client({ connectionString: sys.db.url });
    await db.connect();
    // R-AUDIT-4: the table refuses UPDATE; a database owner can switch the triggers off, and the chain still tells.
    await db.query(`ALTER TABLE signing.audit_event DISABLE TRIGGER USER`);
    await db.query(`UPDATE signing.audit_event SET target = target || ' (edited)' WHERE organisation_id = $1 AND seq = $2`, [dorotea, seq]);
    await db.query(`ALTER TABLE signing.audit_event ENABLE TRIGGER USER`);
    await db.end();
    const broken = await gql(`query($o: ID!) { verifyAuditLog(organisationId: $o) { ok firstBrokenSeq } }`, { o: dorotea }, token);
    expect(broken.data.verifyAuditLog).toEqual({ ok: false, firstBrokenSeq: seq });
  });

  it('R-AUTH-1: an unknown person cannot log in', async () => {
    const unknown = `19850101123${luhnCheckDigit('850101123')}`;
    const started = await gql(`mutation { startLogin { orderRef } }`);
    await sys.phone(started.data.startLogin.orderRef, 'complete', { personalNumber: unknown });
    const session = await gql(`mutation($r: ID!) { completeLogin(orderRef: $r) { token } }`, { r: started.data.startLogin.orderRef });
    expect(session.data?.completeLogin ?? null).toBeNull();
    expect(session.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});
