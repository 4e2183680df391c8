import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { BankIdClient, BankIdError, BankIdUnavailableError } from './bankid-client';
import { startBankIdSimulator, type BankIdSimulator } from './bankid-simulator';
import { generateSimulatorCerts, type SimulatorCerts } from './simulator-certificates';

/**
 * The BankID client's transport behaviour (R-SIGN-5): mutual TLS is enforced in both directions,
 * the wire format is BankID's, and every way of not getting an answer surfaces as
 * BankIdUnavailableError — distinct from BankIdError — so callers can say "BankID is unreachable,
 * your drafts are intact".
 */

let certs: SimulatorCerts;
let strangerCerts: SimulatorCerts;
let sim: BankIdSimulator;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  [certs, strangerCerts] = await Promise.all([generateSimulatorCerts(), generateSimulatorCerts()]);
  sim = await startBankIdSimulator({ rpPort: 0, controlPort: 0, certs });
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

afterAll(async () => {
  await sim.stop();
});

function newClient(overrides: Partial<{ baseUrl: string; ca: string; cert: string; key: string; timeoutMs: number }> = {}) {
  const client = new BankIdClient({
    baseUrl: sim.rpUrl,
    ca: certs.ca,
    cert: certs.clientCert,
    key: certs.clientKey,
    timeoutMs: 3000,
    ...overrides,
  });
  cleanups.push(() => client.close());
  return client;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
}

/** An HTTPS server with the simulator's certificates (mTLS) that answers as `handler` says. */
async function fakeBankId(handler: http.RequestListener): Promise<string> {
  const server = https.createServer(
    { key: certs.serverKey, cert: certs.serverCert, ca: [certs.ca], requestCert: true, rejectUnauthorized: true },
    handler,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/rp/v6.0/`;
}

describe('BankIdClient transport (R-SIGN-5)', () => {
  it('R-SIGN-5: a request WITHOUT a client certificate is refused at the TLS level, before any HTTP', async () => {
    const err = await failure(
      new Promise((resolve, reject) => {
        const req = https.request(new URL('collect', sim.rpUrl), {
          method: 'POST',
          ca: certs.ca,
          agent: false,
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', (res) => resolve(res.statusCode));
        req.on('error', reject);
        req.end(JSON.stringify({ orderRef: 'x' }));
      }),
    );
    // TLS 1.3 reports the server's "certificate required" alert; older stacks see the reset.
    expect((err as NodeJS.ErrnoException).code).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET|EPIPE/);
  });

  it('also refuses at the TLS level a raw TLS connection without a client certificate', async () => {
    const err = await failure(
      new Promise((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(sim.rpUrl).port), ca: certs.ca });
        socket.on('secureConnect', () => socket.write('POST /rp/v6.0/collect HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'));
        socket.on('data', (d) => resolve(d.toString()));
        socket.on('error', reject);
      }),
    );
    // Errors from node core come from another realm under jest, so check the code, not the class.
    expect((err as NodeJS.ErrnoException).code).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET|EPIPE/);
  });

  it('a client certificate issued by another CA is refused, and reported as unavailable (not an RP error)', async () => {
    const client = newClient({ cert: strangerCerts.clientCert, key: strangerCerts.clientKey });
    const err = await failure(client.auth({ endUserIp: '127.0.0.1' }));
    expect(err).toBeInstanceOf(BankIdUnavailableError);
    expect(err).not.toBeInstanceOf(BankIdError);
    expect(['tls', 'unreachable']).toContain((err as BankIdUnavailableError).reason);
  });

  it('refuses a server whose certificate does not chain to the configured CA (reason tls)', async () => {
    const client = newClient({ ca: strangerCerts.ca });
    const err = await failure(client.auth({ endUserIp: '127.0.0.1' }));
    expect(err).toBeInstanceOf(BankIdUnavailableError);
    expect((err as BankIdUnavailableError).reason).toBe('tls');
  });

  it('R-SIGN-5: BankIdUnavailableError (unreachable) when nothing listens', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const client = newClient({ baseUrl: `https://127.0.0.1:${port}/rp/v6.0/` });
    const err = await failure(client.collect('any'));
    expect(err).toBeInstanceOf(BankIdUnavailableError);
    expect(err).toMatchObject({ name: 'BankIdUnavailableError', reason: 'unreachable' });
    expect((err as Error).message).toContain('ECONNREFUSED');
  });

  it('BankIdUnavailableError (timeout) when the service accepts but never answers', async () => {
    const baseUrl = await fakeBankId(() => {
      /* never respond */
    });
    const client = newClient({ baseUrl, timeoutMs: 200 });
    const started = Date.now();
    const err = await failure(client.collect('any'));
    expect(err).toMatchObject({ reason: 'timeout' });
    expect(err).toBeInstanceOf(BankIdUnavailableError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('maps 5xx error bodies (maintenance) to BankIdUnavailableError and 4xx error bodies to BankIdError', async () => {
    let answer = { status: 503, body: { errorCode: 'maintenance', details: 'Down for maintenance' } };
    const baseUrl = await fakeBankId((_req, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    const client = newClient({ baseUrl });

    const down = await failure(client.collect('x'));
    expect(down).toBeInstanceOf(BankIdUnavailableError);
    expect(down).toMatchObject({ reason: 'serviceError', httpStatus: 503, errorCode: 'maintenance', details: 'Down for maintenance' });

    answer = { status: 400, body: { errorCode: 'invalidParameters', details: 'No such order' } };
    const refused = await failure(client.collect('x'));
    expect(refused).toBeInstanceOf(BankIdError);
    expect(refused).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order', httpStatus: 400 });
  });

  it('treats a non-JSON answer as unavailable (e.g. an HTML error page from a proxy)', async () => {
    const baseUrl = await fakeBankId((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
    });
    const err = await failure(newClient({ baseUrl }).auth({ endUserIp: '127.0.0.1' }));
    expect(err).toMatchObject({ reason: 'serviceError', httpStatus: 502 });
  });

  it('speaks the RP API wire format: POST JSON to {baseUrl}{method}; sign base64-encodes userVisibleData with simpleMarkdownV1', async () => {
    const seen: Array<{ method?: string; url?: string; contentType?: string; body: unknown }> = [];
    const baseUrl = await fakeBankId((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ orderRef: 'o', autoStartToken: 'a', qrStartToken: 'q', qrStartSecret: 's' }),
        );
      });
    });
    // No trailing slash on purpose: the client must still append methods under /rp/v6.0/.
    const client = newClient({ baseUrl: baseUrl.replace(/\/$/, '') });
    const text = 'Ny användare: Andrea Sandin, Tjänsteadministratör';
    await client.sign({ endUserIp: '10.0.0.1', userVisibleData: text, userNonVisibleData: 'changeset:42', requirement: { personalNumber: '191212121212' } });
    await client.auth({ endUserIp: '10.0.0.2' });
    await client.cancel('o');

    expect(seen.map((s) => [s.method, s.url, s.contentType])).toEqual([
      ['POST', '/rp/v6.0/sign', 'application/json'],
      ['POST', '/rp/v6.0/auth', 'application/json'],
      ['POST', '/rp/v6.0/cancel', 'application/json'],
    ]);
    expect(seen[0].body).toEqual({
      endUserIp: '10.0.0.1',
      requirement: { personalNumber: '191212121212' },
      userVisibleData: Buffer.from(text, 'utf8').toString('base64'),
      userVisibleDataFormat: 'simpleMarkdownV1',
      userNonVisibleData: Buffer.from('changeset:42', 'utf8').toString('base64'),
    });
    expect(seen[1].body).toEqual({ endUserIp: '10.0.0.2' });
    expect(seen[2].body).toEqual({ orderRef: 'o' });
  });

  it('reuses one TLS connection for successive calls (keep-alive agent)', async () => {
    const sockets = new Set<unknown>();
    const baseUrl = await fakeBankId((req, res) => {
      sockets.add(req.socket);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orderRef: 'o', status: 'pending', hintCode: 'started' }));
    });
    const client = newClient({ baseUrl });
    for (let i = 0; i < 3; i++) await client.collect('o');
    expect(sockets.size).toBe(1);
  });

  it('rejects a non-https base URL up front', () => {
    expect(() => new BankIdClient({ baseUrl: 'http://127.0.0.1/rp/v6.0/', ca: certs.ca, cert: certs.clientCert, key: certs.clientKey })).toThrow(
      /https/,
    );
  });
});
