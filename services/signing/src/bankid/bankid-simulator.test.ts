import https from 'node:https';
import { BankIdClient, BankIdError } from './bankid-client';
import {
  COMPLETED_RETENTION_MS,
  FAILED_RETENTION_MS,
  ORDER_LIFETIME_MS,
  simulatedName,
  startBankIdSimulator,
  type BankIdSimulator,
  type SimulatorOrderView,
} from './bankid-simulator';
import type { CollectResponse, CompletionData } from './bankid-types';
import { animatedQrData } from './qr-code';

/**
 * The simulator driven through the real BankIdClient over mutual TLS (R-SIGN-5): everything the
 * signing service will rely on — order flow, hint codes, cancel, expiry, retention, errors — with
 * an injected clock instead of waiting.
 */

/** Appends the Luhn check digit (computed here, independently of the simulator). */
function pn(elevenDigits: string): string {
  const nine = elevenDigits.slice(2);
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const p = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return `${elevenDigits}${(10 - (sum % 10)) % 10}`;
}

const TOLVAN = '191212121212';
const ARVID = pn('19800101123');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let now = Date.parse('2026-11-23T09:00:00Z');
let sim: BankIdSimulator;
let client: BankIdClient;
let serial = 0;
/** A fresh valid personal number per test so no order from an earlier test is "in progress". */
const freshPn = () => pn(`1985020${String(300 + serial++).padStart(4, '0')}`);

beforeAll(async () => {
  sim = await startBankIdSimulator({
    rpPort: 0,
    controlPort: 0,
    clock: () => now,
    people: { [ARVID]: { givenName: 'Arvid', surname: 'Aronsson' } },
  });
  client = new BankIdClient({ baseUrl: sim.rpUrl, ca: sim.ca, cert: sim.clientCert, key: sim.clientKey, timeoutMs: 5000 });
});

afterAll(async () => {
  client.close();
  await sim.stop();
});

/** The JSON shapes the control and RP APIs answer with, loosely: enough for assertions. */
interface ApiJson {
  [key: string]: unknown;
  orders?: SimulatorOrderView[];
  hintCode?: string | null;
  errorCode?: string;
  details?: string;
}

async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: ApiJson }> {
  const res = await fetch(`${sim.controlUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as ApiJson };
}

/** A raw RP request with the client certificate, for bodies the typed client would not send. */
function rawRp(
  path: string,
  body: string | undefined,
  opts: { method?: string; contentType?: string } = {},
): Promise<{ status: number; json: ApiJson }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, sim.rpUrl),
      {
        method: opts.method ?? 'POST',
        ca: sim.ca,
        cert: sim.clientCert,
        key: sim.clientKey,
        agent: false,
        headers: body === undefined ? {} : { 'content-type': opts.contentType ?? 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as ApiJson }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function rpError(promise: Promise<unknown>): Promise<BankIdError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BankIdError);
  return err as BankIdError;
}

const completionOf = (r: CollectResponse): CompletionData => {
  if (r.status !== 'complete') throw new Error(`expected complete, got ${JSON.stringify(r)}`);
  return r.completionData;
};

describe('BankID simulator over mTLS with the real client (R-SIGN-5)', () => {
  it('test personal numbers used here are valid (sanity check of the helper)', () => {
    expect(pn('19121212121')).toBe(TOLVAN);
  });

  it('R-SIGN-5: auth → pending outstandingTransaction → started → userSign → phone completes → complete with completionData', async () => {
    const order = await client.auth({ endUserIp: '192.0.2.10' });
    expect(order.orderRef).toMatch(UUID);
    expect(order.autoStartToken).toMatch(UUID);
    expect(order.qrStartToken).toMatch(UUID);
    expect(order.qrStartSecret).toMatch(UUID);

    expect(await client.collect(order.orderRef)).toEqual({
      orderRef: order.orderRef,
      status: 'pending',
      hintCode: 'outstandingTransaction',
    });

    expect((await control('POST', `/simulator/orders/${order.orderRef}/start`)).json.hintCode).toBe('started');
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'started' });
    expect((await control('POST', `/simulator/orders/${order.orderRef}/start`)).json.hintCode).toBe('userSign');
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'userSign' });

    const done = await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: TOLVAN });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'complete', completedBy: TOLVAN });

    const collected = await client.collect(order.orderRef);
    expect(collected).toMatchObject({ orderRef: order.orderRef, status: 'complete' });
    expect(collected).not.toHaveProperty('hintCode');
    const data = completionOf(collected);
    expect(data.user).toEqual({
      personalNumber: TOLVAN,
      name: 'Tolvan Tolvansson',
      givenName: 'Tolvan',
      surname: 'Tolvansson',
    });
    expect(data.device.ipAddress).toBe('192.0.2.10');
    expect(data.device.uhi).toEqual(expect.any(String));
    expect(data.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(data.bankIdIssueDate)).toBeLessThan(now);
    expect(data.stepUp).toEqual({ mrtd: false });
    const xml = Buffer.from(data.signature, 'base64').toString('utf8');
    expect(xml).toContain('<bankIdSignedData');
    expect(xml).toContain('<funcId>Identification</funcId>');
    expect(Buffer.from(data.ocspResponse, 'base64').length).toBeGreaterThan(0);
  });

  it('R-SIGN-5: sign shows the decoded userVisibleData to the phone (GET /simulator/orders) and signs exactly that text', async () => {
    const text = 'Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31';
    const order = await client.sign({ endUserIp: '198.51.100.7', userVisibleData: text, requirement: { personalNumber: ARVID } });

    const listed = await control('GET', '/simulator/orders');
    expect(listed.status).toBe(200);
    const view = (listed.json.orders as SimulatorOrderView[]).find((o) => o.orderRef === order.orderRef);
    expect(view).toMatchObject({
      type: 'sign',
      status: 'pending',
      hintCode: 'outstandingTransaction',
      personalNumber: ARVID,
      userVisibleData: text,
      userVisibleDataFormat: 'simpleMarkdownV1',
      endUserIp: '198.51.100.7',
    });
    expect(Date.parse(view!.expiresAt) - Date.parse(view!.createdAt)).toBe(ORDER_LIFETIME_MS);

    // The phone must be the required person: someone else is refused and the order stays pending.
    const wrongPerson = await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: TOLVAN });
    expect(wrongPerson.status).toBe(400);
    expect(wrongPerson.json.errorCode).toBe('invalidParameters');
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending' });

    await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: ARVID });
    const data = completionOf(await client.collect(order.orderRef));
    // Name from the simulator's `people` directory.
    expect(data.user).toMatchObject({ personalNumber: ARVID, name: 'Arvid Aronsson' });
    const xml = Buffer.from(data.signature, 'base64').toString('utf8');
    expect(xml).toContain('<funcId>Signing</funcId>');
    const signedText = /<usrVisibleData[^>]*>([^<]+)<\/usrVisibleData>/.exec(xml)?.[1];
    expect(Buffer.from(signedText ?? '', 'base64').toString('utf8')).toBe(text);
  });

  it('invents a stable "Test Testsson" style name when none is given, and uses names the phone supplies', async () => {
    const person = freshPn();
    const first = await client.auth({ endUserIp: '127.0.0.1' });
    await control('POST', `/simulator/orders/${first.orderRef}/complete`, { personalNumber: person });
    const derived = completionOf(await client.collect(first.orderRef)).user;
    expect(derived).toEqual({ personalNumber: person, ...simulatedName(person), name: `${derived.givenName} ${derived.surname}` });
    expect(derived.givenName).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
    expect(derived.surname).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);

    const second = await client.auth({ endUserIp: '127.0.0.1' });
    await control('POST', `/simulator/orders/${second.orderRef}/complete`, {
      personalNumber: person,
      givenName: 'Andrea',
      surname: 'Sandin',
    });
    expect(completionOf(await client.collect(second.orderRef)).user.name).toBe('Andrea Sandin');
  });

  it('R-SIGN-5: the user cancels in the app → failed/userCancel, and the phone can no longer act on it', async () => {
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    const failed = await control('POST', `/simulator/orders/${order.orderRef}/fail`, { hintCode: 'userCancel' });
    expect(failed.status).toBe(200);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'failed', hintCode: 'userCancel' });

    const late = await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: TOLVAN });
    expect(late.status).toBe(409);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'userCancel' });
  });

  it('the phone can fail orders with the other failure hint codes, but not with made-up ones', async () => {
    for (const hintCode of ['certificateErr', 'startFailed'] as const) {
      const order = await client.auth({ endUserIp: '127.0.0.1' });
      expect((await control('POST', `/simulator/orders/${order.orderRef}/fail`, { hintCode })).status).toBe(200);
      expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode });
    }
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    const bad = await control('POST', `/simulator/orders/${order.orderRef}/fail`, { hintCode: 'bored' });
    expect(bad.status).toBe(400);
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending' });
    expect((await control('POST', '/simulator/orders/00000000-0000-0000-0000-000000000000/fail', {})).status).toBe(404);
  });

  it('R-SIGN-5: cancel via the RP API withdraws the order; collecting or cancelling it again is invalidParameters', async () => {
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    await expect(client.cancel(order.orderRef)).resolves.toBeUndefined();
    const collectErr = await rpError(client.collect(order.orderRef));
    expect(collectErr).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order', httpStatus: 400 });
    const cancelErr = await rpError(client.cancel(order.orderRef));
    expect(cancelErr.errorCode).toBe('invalidParameters');
    const listed = (await control('GET', '/simulator/orders?all=true')).json.orders as SimulatorOrderView[];
    expect(listed.some((o) => o.orderRef === order.orderRef)).toBe(false);
  });

  it('R-SIGN-5: an order nobody finishes fails with expiredTransaction after 3 minutes; failed orders stay collectable for 5 minutes', async () => {
    const start = now;
    const order = await client.auth({ endUserIp: '127.0.0.1' });

    now = start + ORDER_LIFETIME_MS - 1;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'outstandingTransaction' });

    now = start + ORDER_LIFETIME_MS;
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'failed', hintCode: 'expiredTransaction' });
    expect((await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: TOLVAN })).status).toBe(409);

    now = start + ORDER_LIFETIME_MS + FAILED_RETENTION_MS - 1;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
    now = start + ORDER_LIFETIME_MS + FAILED_RETENTION_MS;
    expect(await rpError(client.collect(order.orderRef))).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order' });
  });

  it('R-SIGN-5: retention of an expired order counts from its expiry, not from when someone first looked', async () => {
    const created = now;
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    // Nobody talks to the simulator until long after expiry.
    now = created + ORDER_LIFETIME_MS + 2 * 60_000;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
    now = created + ORDER_LIFETIME_MS + FAILED_RETENTION_MS - 1;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed' });
    now = created + ORDER_LIFETIME_MS + FAILED_RETENTION_MS;
    expect((await rpError(client.collect(order.orderRef))).errorCode).toBe('invalidParameters');
  });

  it('R-SIGN-5: a user-cancelled order is collectable for 5 minutes after it failed, then gone', async () => {
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    now += 60_000;
    await control('POST', `/simulator/orders/${order.orderRef}/fail`, { hintCode: 'userCancel' });
    const failedAt = now;
    now = failedAt + FAILED_RETENTION_MS - 1;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'userCancel' });
    now = failedAt + FAILED_RETENTION_MS;
    expect((await rpError(client.collect(order.orderRef))).errorCode).toBe('invalidParameters');
  });

  it('R-SIGN-5: a completed order is collectable for 3 minutes after completion, then gone', async () => {
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    now += 90_000; // completing late in the order's life does not shorten the collect window
    await control('POST', `/simulator/orders/${order.orderRef}/complete`, { personalNumber: TOLVAN });
    const completedAt = now;

    now = completedAt + COMPLETED_RETENTION_MS - 1;
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'complete' });
    now = completedAt + COMPLETED_RETENTION_MS;
    expect(await rpError(client.collect(order.orderRef))).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order' });
  });

  it('R-SIGN-5: alreadyInProgress — a second order for the same person is refused and the running one fails with cancelled', async () => {
    const person = freshPn();
    const first = await client.auth({ endUserIp: '127.0.0.1', requirement: { personalNumber: person } });

    const err = await rpError(client.sign({ endUserIp: '127.0.0.1', userVisibleData: 'Ändring', requirement: { personalNumber: person } }));
    expect(err).toMatchObject({ errorCode: 'alreadyInProgress', httpStatus: 400 });
    expect(err.details).toEqual(expect.any(String));

    expect(await client.collect(first.orderRef)).toEqual({ orderRef: first.orderRef, status: 'failed', hintCode: 'cancelled' });
    // No order was created for the refused request.
    const open = (await control('GET', '/simulator/orders')).json.orders as SimulatorOrderView[];
    expect(open.filter((o) => o.personalNumber === person)).toEqual([]);

    // With nothing running any more, the person can start again.
    const retry = await client.sign({ endUserIp: '127.0.0.1', userVisibleData: 'Ändring', requirement: { personalNumber: person } });
    expect(await client.collect(retry.orderRef)).toMatchObject({ status: 'pending' });
    // Orders for other people are unaffected.
    const other = await client.auth({ endUserIp: '127.0.0.1', requirement: { personalNumber: freshPn() } });
    expect(await client.collect(other.orderRef)).toMatchObject({ status: 'pending' });
  });

  it('R-SIGN-5: invalidParameters for a missing or malformed endUserIp, missing sign text, bad personal number, unknown orderRef', async () => {
    const missingIp = await rawRp('auth', JSON.stringify({ requirement: { personalNumber: TOLVAN } }));
    expect(missingIp.status).toBe(400);
    expect(missingIp.json).toEqual({ errorCode: 'invalidParameters', details: expect.any(String) });

    expect((await rpError(client.auth({ endUserIp: '' }))).errorCode).toBe('invalidParameters');
    expect((await rpError(client.auth({ endUserIp: 'not-an-ip' }))).errorCode).toBe('invalidParameters');

    const signWithoutText = await rawRp('sign', JSON.stringify({ endUserIp: '127.0.0.1' }));
    expect(signWithoutText).toMatchObject({ status: 400, json: { errorCode: 'invalidParameters' } });
    const notBase64 = await rawRp('sign', JSON.stringify({ endUserIp: '127.0.0.1', userVisibleData: 'plain text!' }));
    expect(notBase64).toMatchObject({ status: 400, json: { errorCode: 'invalidParameters' } });

    const badPn = await rpError(client.auth({ endUserIp: '127.0.0.1', requirement: { personalNumber: '191212121213' } }));
    expect(badPn.errorCode).toBe('invalidParameters');

    const unknown = await rpError(client.collect('00000000-0000-4000-8000-000000000000'));
    expect(unknown).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order' });
    expect((await rpError(client.cancel('00000000-0000-4000-8000-000000000000'))).errorCode).toBe('invalidParameters');
    expect((await rawRp('collect', JSON.stringify({}))).json.errorCode).toBe('invalidParameters');
    expect((await rawRp('collect', '{not json')).json.errorCode).toBe('invalidParameters');
  });

  it('answers 404 notFound for unknown paths, 405 for GET, 415 for non-JSON bodies, like the real API', async () => {
    expect(await rawRp('nonsense', JSON.stringify({}))).toEqual({
      status: 404,
      json: { errorCode: 'notFound', details: expect.any(String) },
    });
    expect(await rawRp('collect', undefined, { method: 'GET' })).toMatchObject({ status: 405, json: { errorCode: 'methodNotAllowed' } });
    expect(await rawRp('auth', 'endUserIp=127.0.0.1', { contentType: 'application/x-www-form-urlencoded' })).toMatchObject({
      status: 415,
      json: { errorCode: 'unsupportedMediaType' },
    });
  });

  it('control API: health, open orders by default, finished ones with ?all=true, one order by ref', async () => {
    expect(await control('GET', '/simulator/health')).toEqual({ status: 200, json: { status: 'ok' } });
    expect(new URL(sim.controlUrl).hostname).toBe('127.0.0.1');

    const open = await client.auth({ endUserIp: '127.0.0.1' });
    const finished = await client.auth({ endUserIp: '127.0.0.1' });
    await control('POST', `/simulator/orders/${finished.orderRef}/fail`, { hintCode: 'userCancel' });

    const pendingOnly = ((await control('GET', '/simulator/orders')).json.orders as SimulatorOrderView[]).map((o) => o.orderRef);
    expect(pendingOnly).toContain(open.orderRef);
    expect(pendingOnly).not.toContain(finished.orderRef);
    const all = ((await control('GET', '/simulator/orders?all=true')).json.orders as SimulatorOrderView[]).map((o) => o.orderRef);
    expect(all).toEqual(expect.arrayContaining([open.orderRef, finished.orderRef]));

    const one = await control('GET', `/simulator/orders/${finished.orderRef}`);
    expect(one.json).toMatchObject({ orderRef: finished.orderRef, type: 'auth', status: 'failed', hintCode: 'userCancel' });
    expect((await control('GET', '/simulator/orders/unknown')).status).toBe(404);
    expect((await control('GET', '/simulator/nope')).status).toBe(404);
  });

  it('R-SIGN-5: the phone accepts animated QR data made with qrStartSecret for the current second and refuses forged or stale codes', async () => {
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    now += 4_000;
    const forged = animatedQrData(order.qrStartToken, 'not-the-secret', 4);
    expect((await control('POST', '/simulator/scan', { qrData: forged })).status).toBe(400);
    const stale = animatedQrData(order.qrStartToken, order.qrStartSecret, 60);
    expect((await control('POST', '/simulator/scan', { qrData: stale })).status).toBe(400);
    expect((await control('POST', '/simulator/scan', { qrData: 'hello' })).status).toBe(400);

    const scanned = await control('POST', '/simulator/scan', { qrData: animatedQrData(order.qrStartToken, order.qrStartSecret, 4) });
    expect(scanned).toMatchObject({ status: 200, json: { orderRef: order.orderRef, hintCode: 'userSign' } });
    expect(await client.collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'userSign' });
  });
});
