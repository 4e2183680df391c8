import { randomUUID } from 'node:crypto';
import { DEMO } from '@behorig/kit/demo';
import { createReceiptVerifier, receiptSignedBy } from '@behorig/kit/receipt';
import { createTokenVerifier } from '@behorig/kit/auth';
import { ORDER_LIFETIME_MS } from '../src/bankid';
import { appendAuditEvents, SIGNING_STARTED_ACTION } from '../src/modules/audit/audit.service';
import { dorotea, person, startHarness, type Harness } from './support/harness';

const ORDER = `orderRef kind status hintCode qrData autoStartToken message applyResult applyError
  receipt { id digest token signerName orderRef changeSetId signedAt signer { id } organisation { id } }`;
const START_LOGIN = `mutation { startLogin { ${ORDER} } }`;
const POLL = `query($ref: ID!) { signingOrder(orderRef: $ref) { ${ORDER} } }`;
const COMPLETE_LOGIN = `mutation($ref: ID!) { completeLogin(orderRef: $ref) { token expiresAt authority person { id } } }`;
const CANCEL = `mutation($ref: ID!) { cancelOrder(orderRef: $ref) { status hintCode } }`;

const arvid = person('Arvid');
const laban = person('Laban');

describe('signing subgraph: BankID log-in and signing against the simulator', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h.stop(); });

  async function login(pnr: string) {
    const started = await h.gql(START_LOGIN);
    expect(started.errors).toBeUndefined();
    const ref = started.data.startLogin.orderRef as string;
    expect((await h.control(`/simulator/orders/${ref}/complete`, { personalNumber: pnr })).status).toBe(200);
    return { ref, res: await h.gql(COMPLETE_LOGIN, { ref }) };
  }

  describe('log-in (R-AUTH-1)', () => {
    it('R-AUTH-1: startLogin → poll (fresh QR data per second, the secret never leaves) → simulator completes → completeLogin gives a session with the person id', async () => {
      const started = await h.gql(START_LOGIN);
      expect(started.errors).toBeUndefined();
      const order = started.data.startLogin;
      expect(order).toMatchObject({ kind: 'LOGIN', status: 'PENDING', hintCode: 'outstandingTransaction' });
      expect(order.qrData).toMatch(/^bankid\.[^.]+\.0\.[0-9a-f]{64}$/);
      expect(JSON.stringify(started)).not.toMatch(/qrStartSecret/);

      h.clock.now += 2000;
      const polled = (await h.gql(POLL, { ref: order.orderRef })).data.signingOrder;
      expect(polled.qrData).toMatch(/^bankid\.[^.]+\.2\.[0-9a-f]{64}$/);
      expect(polled.qrData).not.toBe(order.qrData);
      // The QR data is BankID's: the simulated phone accepts it (HMAC with the server-side secret).
      expect((await h.control('/simulator/scan', { qrData: polled.qrData })).status).toBe(200);
      expect((await h.gql(POLL, { ref: order.orderRef })).data.signingOrder.hintCode).toBe('userSign');

      // Not complete yet: a clear refusal, nothing issued.
      const early = await h.gql(COMPLETE_LOGIN, { ref: order.orderRef });
      expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');

      await h.control(`/simulator/orders/${order.orderRef}/complete`, { personalNumber: arvid.personalNumber });
      const done = await h.gql(COMPLETE_LOGIN, { ref: order.orderRef });
      expect(done.errors).toBeUndefined();
      expect(done.data.completeLogin.person).toEqual({ id: arvid.id });
      expect(done.data.completeLogin.authority).toBe(false);
      const actor = await createTokenVerifier({ jwks: h.keys.jwks as never })(done.data.completeLogin.token);
      expect(actor).toEqual({ kind: 'person', personId: arvid.id, authority: false });

      // The log-in is in the chain (signing's own event, written in the same transaction).
      const events = await h.sql<{ action: string; actor_person_id: string }>(`SELECT action, actor_person_id FROM signing.audit_event WHERE action = 'auth.login'`);
      expect(events).toEqual([{ action: 'auth.login', actor_person_id: arvid.id }]);

      // One log-in order gives one session.
      const again = await h.gql(COMPLETE_LOGIN, { ref: order.orderRef });
      expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('R-AUTH-1: an unknown person and a person without an active membership get a clear refusal; authority staff may log in', async () => {
      const unknown = await login(DEMO.andreaSandin.personalNumber);
      expect(unknown.res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(unknown.res.errors?.[0].message).toMatch(/no Behörig account/);

      h.access.people.set('199001012385', { personId: randomUUID(), givenName: 'Ex', surname: 'Anställd', hasActiveMembership: false });
      const former = await login('199001012385');
      expect(former.res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(former.res.errors?.[0].message).toMatch(/no active role/);

      const tolvan = await login('191212121212');
      expect(tolvan.res.errors).toBeUndefined();
      expect(tolvan.res.data.completeLogin.authority).toBe(true);
      const count = await h.sql<{ n: string }>(`SELECT count(*) AS n FROM signing.audit_event WHERE action = 'auth.login'`);
      expect(Number(count[0].n)).toBe(2); // Arvid before, Tolvan now; the refused ones left nothing
    });

    it('R-SIGN-5: the user cancels in the app → FAILED/userCancel with BankID\'s message; completeLogin refuses', async () => {
      const ref = (await h.gql(START_LOGIN)).data.startLogin.orderRef;
      await h.control(`/simulator/orders/${ref}/fail`, { hintCode: 'userCancel' });
      const polled = (await h.gql(POLL, { ref })).data.signingOrder;
      expect(polled).toMatchObject({ status: 'FAILED', hintCode: 'userCancel', qrData: '', message: 'Åtgärden avbruten.' });
      const res = await h.gql(COMPLETE_LOGIN, { ref });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/userCancel/);
    });

    it('R-SIGN-5: cancelOrder withdraws the order at BankID', async () => {
      const ref = (await h.gql(START_LOGIN)).data.startLogin.orderRef;
      const res = await h.gql(CANCEL, { ref });
      expect(res.data.cancelOrder).toEqual({ status: 'FAILED', hintCode: 'cancelled' });
      expect((await h.control(`/simulator/orders/${ref}/complete`, { personalNumber: arvid.personalNumber })).status).toBe(404);
    });

    it('R-SIGN-5: an order nobody finishes expires after 3 minutes (injected clock)', async () => {
      const ref = (await h.gql(START_LOGIN)).data.startLogin.orderRef;
      h.clock.now += ORDER_LIFETIME_MS + 1000;
      const polled = (await h.gql(POLL, { ref })).data.signingOrder;
      expect(polled).toMatchObject({ status: 'FAILED', hintCode: 'expiredTransaction' });
      expect((await h.gql(COMPLETE_LOGIN, { ref })).errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });

  describe('signing a change set (R-SIGN-2…4)', () => {
    const digest = 'sha256:3b1f0c';
    const signBody = (changeSetId: string) => ({
      organisationId: dorotea, changeSetId, digest, endUserIp: '127.0.0.1',
      userVisibleData: '**Ändringar att signera**\n\nNy användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31',
    });
    const arvidToken = () => h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });

    it('refuses calls without the internal secret or without a person token', async () => {
      expect((await h.internal('/internal/sign-orders', signBody(randomUUID()), `Bearer ${await arvidToken()}`, 'organisations')).status).toBe(401);
      expect((await h.internal('/internal/sign-orders', signBody(randomUUID()))).status).toBe(403);
      const bad = await h.internal('/internal/sign-orders', { organisationId: 'x' }, `Bearer ${await arvidToken()}`);
      expect(bad.status).toBe(400);
    });

    it('R-SIGN-3/4: sign order bound to the caller → complete → receipt verifiable with the JWKS alone → applied exactly once under repeated and parallel polls', async () => {
      const changeSetId = randomUUID();
      // Access's event that starts this signing is in the log first (R-AUDIT-4 causal order).
      await h.signing.orm.em.fork().transactional((tx) => appendAuditEvents(tx, [{
        organisationId: dorotea, at: new Date(), actor: `person:${arvid.id}`, actorPersonId: arvid.id, action: SIGNING_STARTED_ACTION,
        target: `change_set:${changeSetId}`, before: null, after: { changeSetId, digest }, source: 'access', sourceId: `started-${changeSetId}`, receiptId: null,
      }]));
      const res = await h.internal('/internal/sign-orders', signBody(changeSetId), `Bearer ${await arvidToken()}`);
      expect(res.status).toBe(200);
      const { orderRef } = (await res.json()) as { orderRef: string };
      const phone = (await (await fetch(`${h.sim!.controlUrl}/simulator/orders/${orderRef}`)).json()) as Record<string, unknown>;
      expect(phone).toMatchObject({ type: 'sign', personalNumber: arvid.personalNumber });
      expect(phone.userVisibleData).toMatch(/Ny användare: Andrea Sandin, Tjänsteadministratör/);

      // Somebody else may not follow the order.
      const other = await h.gql(POLL, { ref: orderRef }, await h.keys.token({ personalNumber: laban.personalNumber }));
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      // BankID refuses a different person for an order bound to Arvid.
      expect((await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: laban.personalNumber })).status).toBe(400);
      await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: arvid.personalNumber });
      const token = await arvidToken();
      const polls = await Promise.all([1, 2, 3].map(() => h.gql(POLL, { ref: orderRef }, token)));
      for (const p of polls) expect(p.errors).toBeUndefined();
      const again = (await h.gql(POLL, { ref: orderRef }, token)).data.signingOrder;
      expect(again).toMatchObject({ status: 'COMPLETE', applyResult: 'APPLIED', applyError: null });
      expect(h.access.applyCalls.filter((c) => c.changeSetId === changeSetId)).toHaveLength(1);

      const receipt = again.receipt;
      expect(receipt).toMatchObject({ digest, orderRef, changeSetId, signer: { id: arvid.id }, organisation: { id: dorotea }, signerName: expect.any(String) });
      expect(h.access.applyCalls.find((c) => c.changeSetId === changeSetId)!.receipt).toBe(receipt.token);

      // Anyone with the published JWKS verifies the receipt offline.
      const jwks = (await (await fetch(`${h.base}/.well-known/jwks.json`)).json()) as { keys: never[] };
      const claims = await createReceiptVerifier({ jwks })(receipt.token);
      expect(claims).toMatchObject({ receiptId: receipt.id, signerPersonId: arvid.id, organisationId: dorotea, changeSetId, digest, orderRef });
      // The receipt names the signer without their personal number: whoever holds it can confirm it.
      expect(receiptSignedBy(claims, arvid.personalNumber)).toBe(true);
      expect(receiptSignedBy(claims, laban.personalNumber)).toBe(false);
      expect(Buffer.from(receipt.token.split('.')[1], 'base64url').toString()).not.toContain(arvid.personalNumber);
      expect((await h.gql(`query($t: String!) { verifyReceipt(token: $t) }`, { t: receipt.token })).data.verifyReceipt).toBe(true);
      const [hdr, payload, sig] = receipt.token.split('.');
      const forged = `${hdr}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), dig: 'sha256:other' })).toString('base64url')}.${sig}`;
      expect((await h.gql(`query($t: String!) { verifyReceipt(token: $t) }`, { t: forged })).data.verifyReceipt).toBe(false);

      // Person.receipts (the signer themself) and the signing event in the organisation's chain, linked to the receipt.
      const mine = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { receipts { totalCount edges { node { id } } } } } }`,
        { r: [{ __typename: 'Person', id: arvid.id }] }, token);
      expect(mine.data._entities[0].receipts).toEqual({ totalCount: 1, edges: [{ node: { id: receipt.id } }] });
      const others = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { receipts { totalCount } } } }`,
        { r: [{ __typename: 'Person', id: arvid.id }] }, await h.keys.token({ personalNumber: laban.personalNumber, personId: laban.id }));
      expect(others.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const signed = await h.sql<{ action: string; receipt_id: string; organisation_id: string }>(`SELECT action, receipt_id, organisation_id FROM signing.audit_event WHERE action = 'changes.signed'`);
      expect(signed).toEqual([{ action: 'changes.signed', receipt_id: receipt.id, organisation_id: dorotea }]);
    });

    it('R-SIGN-4: a 503 from access is retried until a definite answer; the signer not being an administrator (403) is reported', async () => {
      const retried = randomUUID();
      h.access.applyAnswers.push({ status: 503, body: {} }, { status: 200, body: { status: 'APPLIED', alreadyApplied: false } });
      const r1 = (await (await h.internal('/internal/sign-orders', signBody(retried), `Bearer ${await arvidToken()}`)).json()) as { orderRef: string };
      await h.control(`/simulator/orders/${r1.orderRef}/complete`, { personalNumber: arvid.personalNumber });
      const p1 = (await h.gql(POLL, { ref: r1.orderRef }, await arvidToken())).data.signingOrder;
      expect(p1.applyResult).toBe('APPLIED');
      expect(h.access.applyCalls.filter((c) => c.changeSetId === retried)).toHaveLength(2);

      const refused = randomUUID();
      h.access.applyAnswers.push({ status: 403, body: { error: 'signer_not_administrator' } });
      const r2 = (await (await h.internal('/internal/sign-orders', signBody(refused), `Bearer ${await arvidToken()}`)).json()) as { orderRef: string };
      await h.control(`/simulator/orders/${r2.orderRef}/complete`, { personalNumber: arvid.personalNumber });
      const p2 = (await h.gql(POLL, { ref: r2.orderRef }, await arvidToken())).data.signingOrder;
      expect(p2).toMatchObject({ status: 'COMPLETE', applyResult: 'REFUSED', applyError: 'signer_not_administrator' });
      await h.gql(POLL, { ref: r2.orderRef }, await arvidToken());
      expect(h.access.applyCalls.filter((c) => c.changeSetId === refused)).toHaveLength(1); // a definite no is not retried
    });

    it('R-SIGN-5: alreadyInProgress — a second order for the same person is refused (409) and BankID cancels the running one', async () => {
      const first = (await (await h.internal('/internal/sign-orders', signBody(randomUUID()), `Bearer ${await arvidToken()}`)).json()) as { orderRef: string };
      const second = await h.internal('/internal/sign-orders', signBody(randomUUID()), `Bearer ${await arvidToken()}`);
      expect(second.status).toBe(409);
      expect(await second.json()).toMatchObject({ error: 'alreadyInProgress', message: expect.stringMatching(/redan påbörjad/) });
      const polled = (await h.gql(POLL, { ref: first.orderRef }, await arvidToken())).data.signingOrder;
      expect(polled).toMatchObject({ status: 'FAILED', hintCode: 'cancelled' });
    });
  });
});

describe('BankID unreachable', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ bankId: false }); });
  afterAll(async () => { await h.stop(); });

  it('R-SIGN-5: startLogin answers SERVICE_UNAVAILABLE with a clear message; /internal/sign-orders answers 503 bankid_unavailable', async () => {
    const res = await h.gql(START_LOGIN);
    expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0].message).toMatch(/BankID cannot be reached/);
    const sign = await h.internal('/internal/sign-orders', {
      organisationId: dorotea, changeSetId: randomUUID(), digest: 'd', userVisibleData: 'x', endUserIp: '127.0.0.1',
    }, `Bearer ${await h.keys.token({ personalNumber: arvid.personalNumber })}`);
    expect(sign.status).toBe(503);
    expect(await sign.json()).toMatchObject({ error: 'bankid_unavailable' });
    expect(await h.sql(`SELECT * FROM signing.signing_order`)).toEqual([]);
  });
});
