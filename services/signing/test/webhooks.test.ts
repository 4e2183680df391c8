import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { aratron, dorotea, person, startHarness, type Harness } from './support/harness';

const SUBSCRIBE = `mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) {
  secret subscription { id url events active organisation { id } } } }`;
const UNSUBSCRIBE = `mutation($id: ID!) { unsubscribeFromEvents(id: $id) { id active } }`;
const LIST = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { eventSubscriptions {
  id url events active disabledReason deliveries { id eventType status attempts lastStatusCode deliveredAt } } } } }`;

const arvid = person('Arvid');
const fridolf = person('Fridolf');
const laban = person('Laban');

/** A loopback receiver that answers each request with the next status of `plan` (then 200), keeping what it got. */
function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let plan: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      const status = plan.shift() ?? 200;
      res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end();
    });
  });
  return { server, got, answer: (...statuses: number[]) => { plan = statuses; } };
}

const staffAdded = (sourceId: string, personId: string) => ({
  sourceId, occurredAt: new Date().toISOString(), actor: `person:${arvid.id}`, organisationId: dorotea, action: 'access.staff.added',
  target: `person:${personId}`, before: null,
  after: { changeSetId: '33333333-3333-4333-8333-333333333333', receiptId: '44444444-4444-4444-8444-444444444444', roleCodes: ['TJANSTEADMIN'],
    unitGrants: [{ unitId: '55555555-5555-4555-8555-555555555555', schoolFormCodes: null }], validFrom: '2026-11-28', validTo: '2027-12-31' },
});

async function until<T>(f: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('partner event subscriptions (R-HOOK-1)', () => {
  let h: Harness;
  const rx = receiver();
  let hookUrl: string;
  let arvidToken: string;
  beforeAll(async () => {
    h = await startHarness({ bankId: false, build: { webhookFirstRetryMs: 300, jobPollMs: 50 } });
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'UPDATE');
    h.access.grant(fridolf.personalNumber, aratron, 'MANAGE_USERS', 'UPDATE');
    h.access.grant(laban.personalNumber, dorotea, 'MANAGE_USERS', 'READ');
    arvidToken = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => {
    rx.server.close();
    await h.stop();
  });

  const counts = async () => (await h.sql<{ s: number; d: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM signing.event_subscription) AS s, (SELECT count(*)::int FROM signing.webhook_delivery) AS d, (SELECT count(*)::int FROM signing.audit_event) AS a`))[0];
  let subscriptionId: string;
  let secret: string;

  it('R-HOOK-1: a permission administrator subscribes; the whsec_ secret is shown once and stored sealed; the event is audited', async () => {
    const res = await h.gql(SUBSCRIBE, { o: dorotea, i: { url: hookUrl, events: ['staff.added', 'employment.ended'] } }, arvidToken);
    expect(res.errors).toBeUndefined();
    const out = res.data.subscribeToEvents;
    expect(out.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(out.subscription).toMatchObject({ url: hookUrl, events: ['staff.added', 'employment.ended'], active: true, organisation: { id: dorotea } });
    subscriptionId = out.subscription.id;
    secret = out.secret;
    const [row] = await h.sql<{ secret_sealed: string }>(`SELECT secret_sealed FROM signing.event_subscription WHERE id = ?`, [subscriptionId]);
    expect(row.secret_sealed).not.toContain(secret.slice(6, 30));
    const events = await h.sql(`SELECT action, actor, target FROM signing.audit_event WHERE action LIKE 'eventSubscription.%'`);
    expect(events).toEqual([{ action: 'eventSubscription.created', actor: `person:${arvid.id}`, target: `eventSubscription:${subscriptionId}` }]);
    // The secret is never readable again.
    const listed = await h.gql(LIST, { r: [{ __typename: 'Organisation', id: dorotea }] }, arvidToken);
    expect(JSON.stringify(listed.data)).not.toContain('whsec_');
  });

  it('R-HOOK-1: FORBIDDEN for another organisation\'s administrator and for a reader; nothing changes', async () => {
    const before = await counts();
    for (const who of [fridolf, laban]) {
      const t = await h.keys.token({ personalNumber: who.personalNumber, personId: who.id });
      expect((await h.gql(SUBSCRIBE, { o: dorotea, i: { url: hookUrl, events: ['staff.added'] } }, t)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(UNSUBSCRIBE, { id: subscriptionId }, t)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(LIST, { r: [{ __typename: 'Organisation', id: dorotea }] }, t)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('R-HOOK-1: BAD_USER_INPUT for http to a public host, private and link-local addresses, unknown events; nothing changes', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'http://partner.example.se/hooks', events: ['staff.added'] }, 'WEBHOOK_URL_NOT_HTTPS'],
      [{ url: 'https://10.0.0.5/hooks', events: ['staff.added'] }, 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['staff.added'] }, 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      [{ url: 'https://[fd00::1]/hooks', events: ['staff.added'] }, 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      [{ url: hookUrl, events: ['staff.deleted'] }, 'UNKNOWN_EVENT_TYPE'],
      [{ url: hookUrl, events: [] }, 'UNKNOWN_EVENT_TYPE'],
    ];
    for (const [input, reason] of cases) {
      const res = await h.gql(SUBSCRIBE, { o: dorotea, i: input }, arvidToken);
      expect([res.errors?.[0].extensions?.code, res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', reason]);
    }
    expect(await counts()).toEqual(before);
  });

  it('R-HOOK-1: an applied change is delivered as a Standard Webhooks message, retried after a failure with the same webhook-id, once per change', async () => {
    rx.answer(503);
    const personId = '22222222-2222-4222-8222-222222222222';
    const sourceId = String(Date.now());
    const sent = await h.internal('/internal/audit-events', { source: 'access', events: [staffAdded(sourceId, personId)] });
    expect(sent.status).toBe(200);
    // The outbox delivers at least once: the same event again makes no second delivery.
    await h.internal('/internal/audit-events', { source: 'access', events: [staffAdded(sourceId, personId)] });
    // A change the subscription did not ask for is not delivered.
    await h.internal('/internal/audit-events', { source: 'access', events: [{ ...staffAdded(`${sourceId}9`, personId), action: 'access.staff.removed' }] });
    const delivered = await until(async () => {
      const rows = await h.sql<{ status: string; attempts: number; first_attempt_at: Date; delivered_at: Date }>(`SELECT status, attempts, first_attempt_at, delivered_at FROM signing.webhook_delivery`);
      return rows.length === 1 && rows[0].status === 'DELIVERED' ? rows[0] : null;
    });
    expect(delivered.attempts).toBe(2);
    // R-HOOK-1: the first retry comes within 30 s.
    expect(new Date(delivered.delivered_at).getTime() - new Date(delivered.first_attempt_at).getTime()).toBeLessThan(30_000);
    expect(rx.got).toHaveLength(2);
    const [first, second] = rx.got;
    expect(first.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    for (const g of rx.got) {
      expect(g.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      // The receiver's check: standardwebhooks verifies the signature over id.timestamp.body with the secret.
      expect(new Webhook(secret).verify(g.body, g.headers as Record<string, string>)).toMatchObject({ type: 'staff.added' });
      expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(g.body, g.headers as Record<string, string>)).toThrow();
    }
    const payload = JSON.parse(second.body);
    expect(payload).toMatchObject({
      type: 'staff.added',
      data: { organisationId: dorotea, personId, roles: ['TJANSTEADMIN'], units: [{ unitId: '55555555-5555-4555-8555-555555555555' }], validFrom: '2026-11-28', validTo: '2027-12-31' },
    });
    // Never a full personal number (not even the actor's).
    expect(second.body).not.toContain(arvid.personalNumber.replace('-', '').slice(2));
    expect(second.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')).not.toMatch(/\d{6}(\d{2})?[-+]?\d{4}/);
    const listed = await h.gql(LIST, { r: [{ __typename: 'Organisation', id: dorotea }] }, arvidToken);
    expect(listed.data._entities[0].eventSubscriptions[0].deliveries).toEqual([
      expect.objectContaining({ id: first.headers['webhook-id'], eventType: 'staff.added', status: 'DELIVERED', attempts: 2, lastStatusCode: 200 }),
    ]);
    // Each delivery ran as one job of the runner.
    const jobs = await h.sql<{ task: string; state: string; attempts: number }>(`SELECT task, state, attempts FROM signing.job WHERE task = 'webhooks.deliver'`);
    expect(jobs).toEqual([{ task: 'webhooks.deliver', state: 'done', attempts: 2 }]);
  });

  it('R-HOOK-1: a redirect is not followed (it counts as a failed attempt)', async () => {
    const before = rx.got.length;
    rx.answer(302, 200);
    await h.internal('/internal/audit-events', { source: 'access', events: [staffAdded(`${Date.now()}1`, '66666666-6666-4666-8666-666666666666')] });
    const row = await until(async () => (await h.sql<{ status: string; attempts: number }>(`SELECT status, attempts FROM signing.webhook_delivery WHERE body LIKE '%66666666-6666%'`)).find((r) => r.status === 'DELIVERED'));
    expect(row).toEqual({ status: 'DELIVERED', attempts: 2 });
    expect(rx.got.length - before).toBe(2);
    expect(rx.got.slice(before).every((g) => g.headers.host?.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('R-HOOK-1: after a day of failures the subscription is disabled, with an audit event', async () => {
    rx.answer(500, 500, 500, 500, 500, 500, 500, 500);
    await h.internal('/internal/audit-events', { source: 'access', events: [staffAdded(`${Date.now()}2`, '77777777-7777-4777-8777-777777777777')] });
    const pending = await until(async () => (await h.sql<{ id: string }>(`SELECT id FROM signing.webhook_delivery WHERE status = 'PENDING' AND attempts >= 1`))[0]);
    // A day has passed since the first failed attempt.
    await h.sql(`UPDATE signing.webhook_delivery SET first_attempt_at = now() - interval '25 hours' WHERE id = ?`, [pending.id]);
    await until(async () => (await h.sql<{ active: boolean }>(`SELECT active FROM signing.event_subscription WHERE id = ?`, [subscriptionId]))[0].active === false);
    const [sub] = await h.sql(`SELECT disabled_reason FROM signing.event_subscription WHERE id = ?`, [subscriptionId]);
    expect(sub).toEqual({ disabled_reason: 'DELIVERY_FAILED_FOR_A_DAY' });
    const [delivery] = await h.sql(`SELECT status FROM signing.webhook_delivery WHERE id = ?`, [pending.id]);
    expect(delivery).toEqual({ status: 'FAILED' });
    const events = await h.sql(`SELECT action, actor FROM signing.audit_event WHERE action = 'eventSubscription.disabled'`);
    expect(events).toEqual([{ action: 'eventSubscription.disabled', actor: 'service:signing' }]);
  });

  it('R-HOOK-1, R-NOTE-1: access reads the disabled subscriptions; a malformed id or impossible day is 400, not a server error', async () => {
    const get = async (id: string, since: string) => {
      const res = await fetch(`${h.base}/internal/organisations/${id}/disabled-event-subscriptions?since=${since}`, { headers: await h.serviceKeys.credentials('access').headers('signing') });
      return { status: res.status, body: (await res.json()) as { subscriptions?: { id: string }[]; error?: string } };
    };
    const listed = await get(dorotea, '2020-01-01');
    expect(listed.status).toBe(200);
    expect(listed.body.subscriptions?.map((s) => s.id)).toContain(subscriptionId);
    for (const [id, since] of [[dorotea, '2026-02-30'], [dorotea, '2026-13-01'], [dorotea, ''], ['not-a-uuid', '2026-01-01']]) {
      expect(await get(id, since)).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_request' }) });
    }
  });

  it('R-HOOK-1: unsubscribing is audited and stops deliveries', async () => {
    const res = await h.gql(UNSUBSCRIBE, { id: subscriptionId }, arvidToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.unsubscribeFromEvents).toEqual({ id: subscriptionId, active: false });
    const events = await h.sql(`SELECT action FROM signing.audit_event WHERE action = 'eventSubscription.removed'`);
    expect(events).toHaveLength(1);
    const before = (await counts()).d;
    await h.internal('/internal/audit-events', { source: 'access', events: [staffAdded(`${Date.now()}3`, '88888888-8888-4888-8888-888888888888')] });
    expect((await counts()).d).toBe(before);
    const missing = await h.gql(UNSUBSCRIBE, { id: subscriptionId }, arvidToken);
    expect(missing.errors?.[0].extensions?.reason).toBe('EVENT_SUBSCRIPTION_NOT_FOUND');
  });
});

describe('partner event subscriptions in production mode (R-HOOK-1)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ bankId: false, build: { production: true, personalNumberKey: randomBytes(32) } });
    h.access.grant(arvid.personalNumber, dorotea, 'MANAGE_USERS', 'UPDATE');
  });
  afterAll(async () => { await h.stop(); });

  it('R-HOOK-1: production takes https only and refuses loopback; nothing changes', async () => {
    const t = await h.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    for (const [url, reason] of [['http://partner.example.se/hooks', 'WEBHOOK_URL_NOT_HTTPS'], ['http://127.0.0.1:9/hooks', 'WEBHOOK_URL_NOT_HTTPS'], ['https://127.0.0.1/hooks', 'WEBHOOK_URL_FORBIDDEN_ADDRESS']]) {
      const res = await h.gql(SUBSCRIBE, { o: dorotea, i: { url, events: ['staff.added'] } }, t);
      expect([res.errors?.[0].extensions?.code, res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', reason]);
    }
    expect(await h.sql(`SELECT id FROM signing.event_subscription`)).toEqual([]);
  });
});
