import { randomUUID } from 'node:crypto';
import { ordersStore, type SigningOrderRow } from '../src/modules/orders/orders.store';
import { dorotea, operation, person, startHarness, type Harness } from './support/harness';

/**
 * Entity references (`_entities`) of the signing subgraph, through Apollo's executeOperation (no
 * HTTP): each asks the same policy as the root field or parent that reaches the same data (R-AUTH-4).
 */
const RECEIPT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Receipt { id digest signer { id } organisation { id } } } }`;
const AUDIT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id auditLog { totalCount } } } }`;
const CLIENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id apiClients { id } } } }`;
const RECEIPTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id receipts { totalCount } } } }`;
const ORDER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SigningOrder { orderRef status } } }`;

const arvid = person('Arvid');
const laban = person('Laban');
const fridolf = person('Fridolf');

describe('entity references through executeOperation (R-AUTH-4)', () => {
  let h: Harness;
  let tolvan: string;
  let arvidToken: string;
  let labanToken: string;
  let fridolfToken: string;
  const receiptId = randomUUID();
  const orderRef = randomUUID();

  beforeAll(async () => {
    h = await startHarness({ bankId: false });
    tolvan = await h.keys.token({ personalNumber: '191212121212', authority: true });
    arvidToken = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    labanToken = await h.keys.token({ personalNumber: laban.personalNumber, personId: laban.id });
    fridolfToken = await h.keys.token({ personalNumber: fridolf.personalNumber, personId: fridolf.id });
    // Laban administers Dorotea (he reads its audit log); Fridolf has nothing there.
    h.access.grant(laban.personalNumber, dorotea, 'MANAGE_USERS', 'READ');
    // A completed sign order of Arvid's for Dorotea and its receipt, written through the store.
    const store = ordersStore(h.signing.orm.em.fork());
    const at = new Date('2026-03-01T10:00:00.000Z');
    const order: SigningOrderRow = {
      orderRef, kind: 'SIGN', status: 'COMPLETE', hintCode: null, startedAt: at, endUserIp: '127.0.0.1', autoStartToken: 'a', qrStartToken: 'q', qrStartSecret: 's',
      personalNumberHash: null, personId: arvid.id, organisationId: dorotea, changeSetId: randomUUID(), digest: 'd1', userVisibleData: 'x',
      completedAt: at, signerPersonalNumberEnc: null, signerPersonalNumberHash: null, signerName: 'Arvid Aronsson', signerGivenName: 'Arvid', signerSurname: 'Aronsson', sessionIssuedAt: null,
      receiptId, applyResult: 'APPLIED', applyError: null, collectAfter: null, endReportedAt: null,
    };
    expect(await store.insertOrder(order)).toEqual(order);
    await store.insertReceipt({
      id: receiptId, orderRef, sealedBy: null, signedAt: at, signerPersonId: arvid.id, signerPersonalNumberHash: null, signerName: 'Arvid Aronsson',
      organisationId: dorotea, changeSetId: order.changeSetId!, digest: 'd1', token: 'jws',
    });
  });
  afterAll(async () => { await h.stop(); });

  const receiptRef = (id = receiptId) => ({ r: [{ __typename: 'Receipt', id }] });

  it('R-AUTH-4: a Receipt reference answers its signer, the authority and the organisation\'s audit-log readers', async () => {
    for (const token of [arvidToken, tolvan, labanToken]) {
      const res = await operation(h, RECEIPT, receiptRef(), token);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]).toEqual({ id: receiptId, digest: 'd1', signer: { id: arvid.id }, organisation: { id: dorotea } });
    }
  });

  it('R-AUTH-4: a Receipt reference is FORBIDDEN to anyone else and UNAUTHENTICATED without a token, as the receipt root field', async () => {
    const other = await operation(h, RECEIPT, receiptRef(), fridolfToken);
    expect(other.data!._entities[0]).toBeNull();
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECEIPT_NOT_YOURS' });
    const root = await operation(h, `query($id: ID!) { receipt(id: $id) { id } }`, { id: receiptId }, fridolfToken);
    expect(root.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECEIPT_NOT_YOURS' });
    const nobody = await operation(h, RECEIPT, receiptRef());
    expect(nobody.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('R-AUTH-4: an unknown receipt id is null, not an error', async () => {
    const res = await operation(h, RECEIPT, receiptRef(randomUUID()), tolvan);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([null]);
  });

  it('R-AUDIT-3: Organisation.auditLog through a reference: its administrators and the authority, FORBIDDEN to others', async () => {
    const r = { r: [{ __typename: 'Organisation', id: dorotea }] };
    expect((await operation(h, AUDIT, r, labanToken)).data!._entities[0]).toEqual({ id: dorotea, auditLog: { totalCount: 0 } });
    expect((await operation(h, AUDIT, r, tolvan)).data!._entities[0]).toEqual({ id: dorotea, auditLog: { totalCount: 0 } });
    const other = await operation(h, AUDIT, r, fridolfToken);
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUDIT_LOG_ADMINISTRATORS_ONLY' });
  });

  it('R-AUTH-2: Organisation.apiClients through a reference: its administrators and the authority, FORBIDDEN to others', async () => {
    const r = { r: [{ __typename: 'Organisation', id: dorotea }] };
    expect((await operation(h, CLIENTS, r, labanToken)).data!._entities[0]).toEqual({ id: dorotea, apiClients: [] });
    const other = await operation(h, CLIENTS, r, fridolfToken);
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERMISSION_ADMINISTRATOR_REQUIRED' });
  });

  it('R-AUTH-4: Person.receipts through a reference: the person themself and the authority only', async () => {
    const r = { r: [{ __typename: 'Person', id: arvid.id }] };
    expect((await operation(h, RECEIPTS, r, arvidToken)).data!._entities[0]).toEqual({ id: arvid.id, receipts: { totalCount: 1 } });
    expect((await operation(h, RECEIPTS, r, tolvan)).data!._entities[0]).toEqual({ id: arvid.id, receipts: { totalCount: 1 } });
    const other = await operation(h, RECEIPTS, r, labanToken);
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECEIPT_NOT_YOURS' });
  });

  it('R-SIGN-2: a SigningOrder reference of a sign order is followed by its signer and the authority only', async () => {
    const r = { r: [{ __typename: 'SigningOrder', orderRef }] };
    expect((await operation(h, ORDER, r, arvidToken)).data!._entities[0]).toEqual({ orderRef, status: 'COMPLETE' });
    expect((await operation(h, ORDER, r, tolvan)).data!._entities[0]).toEqual({ orderRef, status: 'COMPLETE' });
    expect((await operation(h, ORDER, r, labanToken)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ORDER_NOT_YOURS' });
    expect((await operation(h, ORDER, r)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
  });
});
