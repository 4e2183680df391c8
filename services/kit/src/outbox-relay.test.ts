import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createOutboxRelay } from './outbox-relay';
import { createTestDatabase, testServiceKeys, type TestDatabase, type TestServiceKeys } from './testing';
import { SERVICE_CREDENTIAL_HEADER } from './service-credentials';

/** A stand-in for signing's /internal/audit-events that records raw deliveries and de-duplicates like the real log. */
function receiver(keys: () => TestServiceKeys) {
  const raw: string[] = [];
  const log = new Map<string, { action: string }>();
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const caller = await keys().credentials('signing').verify(String(req.headers[SERVICE_CREDENTIAL_HEADER] ?? ''), ['access']).catch(() => null);
      if (!caller) { res.writeHead(401).end(); return; }
      if (failNext > 0) { failNext--; res.writeHead(503).end('{}'); return; }
      const { source, events } = JSON.parse(body) as { source: string; events: { sourceId: string; action: string }[] };
      for (const e of events) {
        raw.push(`${source}:${e.sourceId}`);
        log.set(`${source}:${e.sourceId}`, { action: e.action });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, raw, log, failOnce: () => { failNext = 1; } };
}

describe('outbox relay (R-AUDIT-1: at-least-once delivery + de-duplication)', () => {
  let db: TestDatabase;
  let pg: Client;
  let keys: TestServiceKeys;
  const rx = receiver(() => keys);
  let url: string;

  beforeAll(async () => {
    keys = await testServiceKeys();
    db = await createTestDatabase('relay');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`CREATE SCHEMA access; CREATE TABLE access.outbox_event (
      id bigserial PRIMARY KEY, occurred_at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, organisation_id uuid,
      action text NOT NULL, target text NOT NULL, before jsonb, after jsonb, delivered_at timestamptz)`);
    await new Promise<void>((r) => rx.server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await pg.end();
    rx.server.close();
    await db.drop();
  });

  const add = async (n: number, prefix: string) => {
    for (let i = 0; i < n; i++) await pg.query(`INSERT INTO access.outbox_event (actor, action, target) VALUES ('person:x', $1, 't')`, [`${prefix}.${i}`]);
  };
  const undelivered = async () => Number((await pg.query('SELECT count(*) FROM access.outbox_event WHERE delivered_at IS NULL')).rows[0].count);

  it('R-AUDIT-1: sends undelivered rows in id order and marks them only after a 2xx', async () => {
    await add(3, 'a');
    const relay = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access') });
    rx.failOnce();
    await expect(relay.relayOnce()).rejects.toThrow(/503/);
    expect(await undelivered()).toBe(3);
    expect(await relay.drain()).toBe(3);
    expect(await undelivered()).toBe(0);
    expect([...rx.log.values()].map((e) => e.action)).toEqual(['a.0', 'a.1', 'a.2']);
    expect(await relay.relayOnce()).toBe(0);
    await relay.stop();
  });

  it('R-AUDIT-1: a crash between send and mark resends the batch; the log keeps each event once', async () => {
    await add(2, 'b');
    const crashing = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access'),
      afterSend: () => { throw new Error('process killed'); } });
    await expect(crashing.relayOnce()).rejects.toThrow('process killed');
    await crashing.stop();
    expect(await undelivered()).toBe(2);
    const restarted = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access') });
    expect(await restarted.drain()).toBe(2);
    await restarted.stop();
    const bRaw = rx.raw.filter((k) => [...rx.log.entries()].some(([key, e]) => key === k && e.action.startsWith('b.')));
    expect(bRaw).toHaveLength(4); // sent twice (at least once) …
    expect([...rx.log.values()].filter((e) => e.action.startsWith('b.'))).toHaveLength(2); // … recorded once
    expect(await undelivered()).toBe(0);
  });

  it('R-AUDIT-1: two relays draining at once take turns: no row is sent twice concurrently, and the log receives the outbox in id order', async () => {
    await add(40, 'c');
    const before = rx.raw.length;
    const r1 = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access'), batchSize: 5 });
    const r2 = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access'), batchSize: 5 });
    // Until all 40 are delivered: a relay that finds the other one delivering returns 0 and tries in its next round.
    let n1 = 0;
    let n2 = 0;
    while (await undelivered() > 0) {
      const [a, b] = await Promise.all([r1.drain(), r2.drain()]);
      n1 += a;
      n2 += b;
    }
    await Promise.all([r1.stop(), r2.stop()]);
    expect(n1 + n2).toBe(40);
    const sent = rx.raw.slice(before).map((k) => Number(k.split(':')[1]));
    expect(sent).toHaveLength(40);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('R-AUDIT-1: while one relay is delivering a batch, another finds the outbox taken and sends nothing', async () => {
    await add(3, 'd');
    const other = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access') });
    let meanwhile: number | undefined;
    const first = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access'),
      afterSend: async () => { meanwhile = await other.relayOnce(); } });
    expect(await first.relayOnce()).toBe(3);
    expect(meanwhile).toBe(0);
    await Promise.all([first.stop(), other.stop()]);
    expect(await undelivered()).toBe(0);
  });

  it("R-AUTH-4: an outbox is delivered with its own service's credentials only, and a refused delivery marks nothing", async () => {
    expect(() => createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('organisations') })).toThrow(/access's credentials/);
    await add(2, 'refused');
    const before = await undelivered();
    const stranger = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: (await testServiceKeys()).credentials('access') });
    await expect(stranger.relayOnce()).rejects.toThrow(/refused .*HTTP 401/);
    await stranger.stop();
    expect(await undelivered()).toBe(before);
    const relay = createOutboxRelay({ databaseUrl: db.url, schema: 'access', signingUrl: url, credentials: keys.credentials('access') });
    await relay.drain();
    await relay.stop();
    expect(await undelivered()).toBe(0);
  });
});
