import { randomUUID } from 'node:crypto';
import { ORDER_LIFETIME_MS } from '../src/bankid';
import { dorotea, person, startHarness, type Harness } from './support/harness';

const POLL = `query($ref: ID!) { signingOrder(orderRef: $ref) { status hintCode applyResult applyError } }`;
const arvid = person('Arvid');

describe('R-SIGN-7: the signing service collects its open orders itself', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(async () => { await h.stop(); });

  const token = () => h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  async function startSign(changeSetId = randomUUID(), digest = `d-${changeSetId}`) {
    const res = await h.internal('/internal/sign-orders', {
      organisationId: dorotea, changeSetId, digest, endUserIp: '127.0.0.1', userVisibleData: 'Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31',
    }, `Bearer ${await token()}`);
    expect(res.status).toBe(200);
    return { changeSetId, digest, orderRef: ((await res.json()) as { orderRef: string }).orderRef };
  }
  const order = (ref: string) => h.sql<{ status: string; hint_code: string; apply_result: string | null; end_reported_at: Date | null }>(
    `SELECT status, hint_code, apply_result, end_reported_at FROM signing.signing_order WHERE order_ref = ?`, [ref]).then((r) => r[0]);

  it('R-SIGN-7: a signature completed on the phone is applied although no client ever polls, even past the order lifetime', async () => {
    const { changeSetId, orderRef } = await startSign();
    await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: arvid.personalNumber });
    await h.signing.collectOrders();
    expect(await order(orderRef)).toMatchObject({ status: 'COMPLETE', apply_result: 'APPLIED' });
    expect(h.access.applyCalls.filter((c) => c.changeSetId === changeSetId)).toHaveLength(1);
    // Long after, nothing more happens to it.
    h.clock.now += ORDER_LIFETIME_MS * 2;
    await h.signing.collectOrders();
    expect(h.access.applyCalls.filter((c) => c.changeSetId === changeSetId)).toHaveLength(1);
  });

  it('R-SIGN-7: several replicas collecting and clients polling at once apply a completed order exactly once', async () => {
    // BankID allows one order per person at a time: start and complete them one after another.
    const orders = [];
    for (let i = 0; i < 3; i++) {
      const o = await startSign();
      await h.control(`/simulator/orders/${o.orderRef}/complete`, { personalNumber: arvid.personalNumber });
      orders.push(o);
    }
    const t = await token();
    await Promise.all([
      h.signing.collectOrders(), h.signing.collectOrders(), h.signing.collectOrders(),
      ...orders.map((o) => h.gql(POLL, { ref: o.orderRef }, t)),
    ]);
    await h.signing.collectOrders();
    for (const o of orders) {
      expect(await order(o.orderRef)).toMatchObject({ status: 'COMPLETE', apply_result: 'APPLIED' });
      expect(h.access.applyCalls.filter((c) => c.changeSetId === o.changeSetId)).toHaveLength(1);
    }
  });

  it('R-SIGN-7: a cancelled, failed or expired sign order returns its set to draft: access is told once, with the reason', async () => {
    const cancelled = await startSign();
    await h.control(`/simulator/orders/${cancelled.orderRef}/fail`, { hintCode: 'userCancel' });
    await h.signing.collectOrders();
    expect(await order(cancelled.orderRef)).toMatchObject({ status: 'FAILED', hint_code: 'userCancel', end_reported_at: expect.anything() });
    expect(h.access.endedCalls.filter((c) => c.changeSetId === cancelled.changeSetId)).toEqual([
      { changeSetId: cancelled.changeSetId, orderRef: cancelled.orderRef, digest: cancelled.digest, reason: 'userCancel' },
    ]);

    const expired = await startSign();
    h.clock.now += ORDER_LIFETIME_MS + 1000;
    await h.signing.collectOrders();
    await h.signing.collectOrders();
    expect(await order(expired.orderRef)).toMatchObject({ status: 'FAILED', hint_code: 'expiredTransaction' });
    expect(h.access.endedCalls.filter((c) => c.changeSetId === expired.changeSetId).map((c) => c.reason)).toEqual(['expiredTransaction']);

    const byUser = await startSign();
    expect((await h.gql(`mutation($ref: ID!) { cancelOrder(orderRef: $ref) { status } }`, { ref: byUser.orderRef }, await token())).errors).toBeUndefined();
    expect(h.access.endedCalls.filter((c) => c.changeSetId === byUser.changeSetId).map((c) => c.reason)).toEqual(['cancelled']);
  });

  it('R-SIGN-7: access cancels the order of a set edited while being signed; the phone no longer offers it', async () => {
    const o = await startSign();
    const res = await h.internal(`/internal/sign-orders/${o.orderRef}/cancel`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ orderRef: o.orderRef, status: 'FAILED' });
    const phone = (await (await fetch(`${h.sim!.controlUrl}/simulator/orders/${o.orderRef}`)).json()) as { status: string };
    expect(phone.status).not.toBe('pending');
    await h.signing.collectOrders();
    // Access asked for it, so access is not told again.
    expect(h.access.endedCalls.filter((c) => c.changeSetId === o.changeSetId)).toEqual([]);
    expect((await h.internal(`/internal/sign-orders/${randomUUID()}/cancel`, {})).status).toBe(404);
    expect((await h.internal(`/internal/sign-orders/${o.orderRef}/cancel`, {}, undefined, 'gateway')).status).toBe(401);
  });
});

describe('R-SIGN-7: the collection timer', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ collectIntervalMs: 300 }); });
  afterAll(async () => { await h.stop(); });

  it('R-SIGN-7: runs on its own every interval and picks up a completed order', async () => {
    const res = await h.internal('/internal/sign-orders', {
      organisationId: dorotea, changeSetId: randomUUID(), digest: 'd', endUserIp: '127.0.0.1', userVisibleData: 'Ny användare: Andrea Sandin',
    }, `Bearer ${await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id })}`);
    const { orderRef } = (await res.json()) as { orderRef: string };
    await h.control(`/simulator/orders/${orderRef}/complete`, { personalNumber: arvid.personalNumber });
    const t0 = Date.now();
    let status = '';
    while (Date.now() - t0 < 5000) {
      status = (await h.sql<{ apply_result: string | null }>(`SELECT apply_result FROM signing.signing_order WHERE order_ref = ?`, [orderRef]))[0].apply_result ?? '';
      if (status === 'APPLIED') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('APPLIED');
  });
});
