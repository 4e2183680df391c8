import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { DEMO } from '@behorig/kit/demo';
import { stockholmDate } from '@behorig/kit/dates';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';
import { poll } from './support/poll';

/**
 * R-HOOK-1 through the gateway: Aratron's permission administrator (and its partner system with
 * MANAGE_USERS) subscribes a loopback receiver; an applied period change goes from access's outbox
 * through the audit log to the receiver as a Standard Webhooks message. The receiver fails once,
 * then acknowledges; it verifies every signature with the secret it was shown once.
 */
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;
const agda = DEMO.people.find((p) => p.givenName === 'Agda')!;
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const aratron = DEMO.organisations.aratron.id;

const SUBSCRIBE = `mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { secret subscription { id url events active } } }`;
const UNSUBSCRIBE = `mutation($id: ID!) { unsubscribeFromEvents(id: $id) { id active } }`;
const LIST = `query($o: ID!) { organisation(id: $o) { eventSubscriptions { id active deliveries { id eventType status attempts lastStatusCode } } } }`;
const LOG = `query($o: ID!) { organisation(id: $o) { auditLog(first: 20, action: "eventSubscription.created") { edges { node { action target actorLabel } } } } }`;

describe('partner event subscriptions through the gateway (R-HOOK-1)', () => {
  let sys: System;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
  let gql: (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;
  let fridolfToken: string;
  let pg: Client;
  const got: { headers: Record<string, string>; body: string }[] = [];
  let failures = 1;
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers as Record<string, string>, body });
      if (failures > 0) { failures--; res.writeHead(503).end(); return; }
      res.writeHead(204).end();
    });
  });
  let hookUrl: string;

  beforeAll(async () => {
    sys = await startSystem({}, { signing: { webhookFirstRetryMs: 500, jobPollMs: 100 } });
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    fridolfToken = await sys.keys.token({ personalNumber: fridolf.personalNumber });
    pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/behorig`;
  });
  afterAll(async () => {
    receiver.close();
    await pg.end();
    await sys.stop();
  });

  const counts = async () => (await pg.query(`SELECT (SELECT count(*)::int FROM signing.event_subscription) AS s, (SELECT count(*)::int FROM signing.audit_event) AS a`)).rows[0];
  let secret: string;
  let subscriptionId: string;

  it('R-HOOK-1: the permission administrator subscribes; the secret is shown once; the subscription is audited', async () => {
    const res = await gql(SUBSCRIBE, { o: aratron, i: { url: hookUrl, events: ['period.changed', 'staff.removed'] } }, fridolfToken);
    expect(res.errors).toBeUndefined();
    secret = res.data.subscribeToEvents.secret;
    subscriptionId = res.data.subscribeToEvents.subscription.id;
    expect(secret).toMatch(/^whsec_/);
    expect(res.data.subscribeToEvents.subscription).toMatchObject({ url: hookUrl, events: ['staff.removed', 'period.changed'], active: true });
    const log = await gql(LOG, { o: aratron }, fridolfToken);
    expect(log.data.organisation.auditLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { action: 'eventSubscription.created', target: `eventSubscription:${subscriptionId}`, actorLabel: `person:${fridolf.id}` },
    ]);
    const listed = await gql(LIST, { o: aratron }, fridolfToken);
    expect(JSON.stringify(listed.data)).not.toContain('whsec_');
  });

  it('R-HOOK-1: FORBIDDEN for another organisation\'s administrator; nothing changes', async () => {
    const before = await counts();
    const arvidToken = await sys.keys.token({ personalNumber: arvid.personalNumber });
    const res = await gql(SUBSCRIBE, { o: aratron, i: { url: hookUrl, events: ['staff.added'] } }, arvidToken);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(UNSUBSCRIBE, { id: subscriptionId }, arvidToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('R-HOOK-1: BAD_USER_INPUT for http to a public host and for private addresses; nothing changes', async () => {
    const before = await counts();
    for (const [url, reason] of [
      ['http://hr.aratron.example/hooks', 'WEBHOOK_URL_NOT_HTTPS'],
      ['https://192.168.1.20/hooks', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      ['https://169.254.169.254/latest', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
    ]) {
      const res = await gql(SUBSCRIBE, { o: aratron, i: { url, events: ['staff.added'] } }, fridolfToken);
      expect([res.errors?.[0].extensions?.code, res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', reason]);
    }
    expect(await counts()).toEqual(before);
  });

  it('R-HOOK-1: an applied period change reaches the receiver signed; it fails once, the retry repeats the webhook-id and is acknowledged', async () => {
    const changed = await gql(`mutation($o: ID!, $p: [ID!]!, $t: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $p, validTo: $t) { id } }`,
      { o: aratron, p: [agda.id], t: '2027-06-30' }, fridolfToken);
    expect(changed.errors).toBeUndefined();
    // access's outbox → signing's audit log (the relay runs in the services' index.ts; here by hand).
    const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema: 'access', signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials('access') });
    await relay.drain();
    await relay.drain();
    await relay.stop();
    const listed = await poll(() => gql(LIST, { o: aratron }, fridolfToken), (r) => r.data?.organisation.eventSubscriptions[0].deliveries[0]?.status === 'DELIVERED', 30_000);
    expect(listed.data.organisation.eventSubscriptions[0].deliveries).toEqual([
      { id: expect.stringMatching(/^msg_/), eventType: 'period.changed', status: 'DELIVERED', attempts: 2, lastStatusCode: 204 },
    ]);
    expect(got).toHaveLength(2);
    expect(got[1].headers['webhook-id']).toBe(got[0].headers['webhook-id']);
    for (const g of got) expect(new Webhook(secret).verify(g.body, g.headers)).toMatchObject({ type: 'period.changed' });
    const payload = JSON.parse(got[1].body);
    // Ids, the person's name (as access recorded it with the change), roles and periods.
    expect(payload.data).toMatchObject({ organisationId: aratron, personId: agda.id, person: { id: agda.id, givenName: 'Agda', surname: 'Andersson' }, after: [{ role: 'READER', validTo: '2027-06-30' }] });
    const n = agda.personalNumber;
    for (const form of [n, n.slice(2), `${n.slice(0, 8)}-${n.slice(8)}`, `${n.slice(2, 8)}-${n.slice(8)}`]) expect(got[1].body).not.toContain(form);
  });

  it('R-HOOK-1: a partner system with MANAGE_USERS manages subscriptions too; unsubscribing is audited', async () => {
    const registered = await gql(`mutation($o: ID!) { registerApiClient(organisationId: $o, name: "Aratron HR", functions: ["MANAGE_USERS"]) { clientSecret client { id } } }`, { o: aratron }, fridolfToken);
    expect(registered.errors).toBeUndefined();
    const { clientSecret, client } = registered.data.registerApiClient;
    const tokenRes = await fetch(`${sys.gatewayBase}/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: clientSecret }).toString(),
    });
    const { access_token: clientToken } = (await tokenRes.json()) as { access_token: string };
    const sub = await gql(SUBSCRIBE, { o: aratron, i: { url: hookUrl, events: ['staff.added'] } }, clientToken);
    expect(sub.errors).toBeUndefined();
    const removed = await gql(UNSUBSCRIBE, { id: sub.data.subscribeToEvents.subscription.id }, clientToken);
    expect(removed.data.unsubscribeFromEvents).toEqual({ id: sub.data.subscribeToEvents.subscription.id, active: false });
    const events = (await pg.query(`SELECT action, actor FROM signing.audit_event WHERE action = 'eventSubscription.removed'`)).rows;
    expect(events).toEqual([{ action: 'eventSubscription.removed', actor: `client:${client.id}` }]);
  });
});

/**
 * R-HOOK-1 in production (the signing service's production setting), through the gateway: https
 * only; private, loopback and link-local targets are refused when subscribing and again when
 * delivering (a name may resolve elsewhere by then); nothing is sent to such a target.
 */
describe('partner event subscriptions through the gateway in production (R-HOOK-1, SSRF)', () => {
  let sys: System;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
  let gql: (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;
  let fridolfToken: string;
  let pg: Client;
  const got: string[] = [];
  const receiver = http.createServer((req, res) => { got.push(req.url ?? ''); res.writeHead(204).end(); });
  let port: number;

  beforeAll(async () => {
    sys = await startSystem({}, { signing: { production: true, personalNumberKey: randomBytes(32), webhookFirstRetryMs: 500, jobPollMs: 100 } });
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    fridolfToken = await sys.keys.token({ personalNumber: fridolf.personalNumber });
    pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver.close();
    await pg?.end();
    await sys?.stop();
  });

  it('R-HOOK-1: production takes https only and refuses private, loopback and link-local targets when subscribing; nothing changes', async () => {
    const counts = async () => (await pg.query(`SELECT (SELECT count(*)::int FROM signing.event_subscription) AS s, (SELECT count(*)::int FROM signing.audit_event) AS a`)).rows[0];
    const before = await counts();
    for (const [url, reason] of [
      ['http://hr.aratron.example/hooks', 'WEBHOOK_URL_NOT_HTTPS'],
      [`http://127.0.0.1:${port}/hooks`, 'WEBHOOK_URL_NOT_HTTPS'],
      [`https://127.0.0.1:${port}/hooks`, 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      [`https://localhost:${port}/hooks`, 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      ['https://[::1]/hooks', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      ['https://10.1.2.3/hooks', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      ['https://192.168.1.20/hooks', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
      ['https://169.254.169.254/latest/meta-data', 'WEBHOOK_URL_FORBIDDEN_ADDRESS'],
    ]) {
      const res = await gql(SUBSCRIBE, { o: aratron, i: { url, events: ['period.changed'] } }, fridolfToken);
      expect([url, res.errors?.[0].extensions?.code, res.errors?.[0].extensions?.reason]).toEqual([url, 'BAD_USER_INPUT', reason]);
    }
    expect(await counts()).toEqual(before);
  });

  it('R-HOOK-1: targets that are loopback by delivery time are refused then too; nothing reaches them', async () => {
    // As if these had passed when subscribing (a name that resolved publicly then, DNS rebinding since): the delivery checks again.
    const targets = { [randomUUID()]: `https://127.0.0.1:${port}/hooks`, [randomUUID()]: `https://localhost:${port}/hooks` };
    for (const [id, url] of Object.entries(targets)) {
      await pg.query(`INSERT INTO signing.event_subscription (id, organisation_id, url, events, secret_sealed, created_by) VALUES ($1, $2, $3, '{period.changed}', $4, 'test')`,
        [id, aratron, url, sys.services.signing.deps.webhookSecrets.seal('whsec_' + randomBytes(24).toString('base64'))]);
    }
    const changed = await gql(`mutation($o: ID!, $p: [ID!]!, $t: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $p, validTo: $t) { id } }`,
      { o: aratron, p: [agda.id], t: '2027-05-31' }, fridolfToken);
    expect(changed.errors).toBeUndefined();
    const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema: 'access', signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials('access') });
    await relay.drain();
    await relay.drain();
    await relay.stop();
    const attempted = await poll(async () => (await pg.query(`SELECT subscription_id, status, attempts, last_status_code, last_error FROM signing.webhook_delivery WHERE subscription_id = ANY($1::uuid[]) `, [Object.keys(targets)])).rows,
      (rows) => rows.length === 2 && rows.every((r) => r.attempts >= 2), 30_000);
    const byUrl = Object.fromEntries(attempted.map((r) => [targets[r.subscription_id], r]));
    // Retried (it may resolve elsewhere later), never sent: a loopback address, and a name that is not a public host.
    expect(byUrl[`https://127.0.0.1:${port}/hooks`]).toMatchObject({ status: 'PENDING', last_status_code: null, last_error: expect.stringMatching(/private, loopback or link-local/) });
    expect(byUrl[`https://localhost:${port}/hooks`]).toMatchObject({ status: 'PENDING', last_status_code: null, last_error: expect.stringMatching(/public host name/) });
    expect(got).toEqual([]);
  });

  it('R-HOOK-1 with R-NOTE-1: after a day of failures the subscription is disabled and the administrators get an EVENT_SUBSCRIPTION_DISABLED notice', async () => {
    const url = `https://127.0.0.1:${port}/hooks`;
    const [sub] = (await pg.query(`SELECT id FROM signing.event_subscription WHERE url = $1`, [url])).rows;
    // A day has passed since the first failed attempt: the next attempt gives up.
    await pg.query(`UPDATE signing.webhook_delivery SET first_attempt_at = now() - interval '25 hours' WHERE subscription_id = $1`, [sub.id]);
    const disabled = await poll(async () => (await pg.query(`SELECT active, disabled_reason FROM signing.event_subscription WHERE id = $1`, [sub.id])).rows[0], (r) => r.active === false, 30_000);
    expect(disabled).toEqual({ active: false, disabled_reason: 'DELIVERY_FAILED_FOR_A_DAY' });
    expect((await pg.query(`SELECT actor FROM signing.audit_event WHERE action = 'eventSubscription.disabled' AND target = $1`, [`eventSubscription:${sub.id}`])).rows).toEqual([{ actor: 'service:signing' }]);
    const q = `query($o: ID!) { organisation(id: $o) { notices { kind validTo message organisation { id } } } }`;
    const res = await gql(q, { o: aratron }, fridolfToken);
    expect(res.errors).toBeUndefined();
    const mine = res.data.organisation.notices.filter((n: { kind: string }) => n.kind === 'EVENT_SUBSCRIPTION_DISABLED');
    expect(mine).toEqual([{ kind: 'EVENT_SUBSCRIPTION_DISABLED', validTo: stockholmDate(), message: `Händelseprenumerationen till ${new URL(url).origin} stängdes av ${stockholmDate()} efter ett dygn av misslyckade leveranser.`, organisation: { id: aratron } }]);
    // Another organisation's administrator sees none of it.
    const other = await gql(q, { o: aratron }, await sys.keys.token({ personalNumber: arvid.personalNumber }));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
