import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testServiceKeys } from '@behorig/kit/testing';
import { createUnitFactRelay } from '../src/clients/access-facts.client';
import { startOrganisations, type Org } from './support';

/**
 * How the unit fact relay reads access's answers (docs/operations.md, "Unit facts refused"): a
 * fact access refuses as malformed is held on its own — `refused_at`, `refusal` — and every other
 * fact is delivered; an answer that may change (401, 403, 429, 5xx) holds nothing. The real access
 * answers in gateway/test/keeping-access-current/unit-facts-events.test.ts; here a stand-in
 * answers what the test needs.
 */
describe('unit fact relay: refused facts are held, the rest delivered', () => {
  let org: Org;
  let answer: (facts: { unitId?: string }[]) => { status: number; body: unknown } = () => ({ status: 200, body: { units: 0, organisations: 0, refused: [] } });
  const posted: number[] = [];
  const access = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { facts } = JSON.parse(body) as { facts: { unitId?: string }[] };
      posted.push(facts.length);
      const a = answer(facts);
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  let relay: ReturnType<typeof createUnitFactRelay>;

  beforeAll(async () => {
    org = await startOrganisations();
    await new Promise<void>((r) => access.listen(0, '127.0.0.1', r));
    const keys = await testServiceKeys();
    relay = createUnitFactRelay({ databaseUrl: org.db.url, accessInternalUrl: `http://127.0.0.1:${(access.address() as AddressInfo).port}`, credentials: keys.credentials('organisations'), batchSize: 50 });
  });
  afterAll(async () => {
    await relay.stop();
    access.close();
    await org.stop();
  });

  const bad = (version: number) => ({ kind: 'unit', unitId: 'not-a-uuid', organisationId: 'x', serviceCode: 'KOMVUX', name: 'X', closed: false, schoolFormCodes: [], addressIds: [], version });
  const outbox = async () => org.sql<{ undelivered: string; held: string }>(
    `SELECT count(*) FILTER (WHERE refused_at IS NULL) AS undelivered, count(*) FILTER (WHERE refused_at IS NOT NULL) AS held FROM organisations.unit_fact_outbox WHERE delivered_at IS NULL`,
  );
  const gauge = async (name: string) => Number((await org.server.metrics.registry.getSingleMetric(name)!.get()).values[0]?.value);

  it('a fact access names in `refused` is held with its reason; the facts around it are delivered; the gauges show it', async () => {
    // The demo seed's facts wait (no access in this test until now); a malformed row joins them.
    const [{ id }] = await org.sql<{ id: string }>(`INSERT INTO organisations.unit_fact_outbox (fact) VALUES (?) RETURNING id`, [JSON.stringify(bad(1))]);
    expect(Number((await outbox())[0].undelivered)).toBeGreaterThan(1);
    answer = (facts) => ({ status: 200, body: { units: 0, organisations: 0, refused: facts.flatMap((f, index) => (f.unitId === 'not-a-uuid' ? [{ index, reason: 'not a well-formed unit fact' }] : [])) } });
    await relay.drain();
    expect(await outbox()).toEqual([{ undelivered: '0', held: '1' }]);
    expect(await org.sql(`SELECT id, refusal FROM organisations.unit_fact_outbox WHERE refused_at IS NOT NULL`)).toEqual([{ id, refusal: 'access refused the fact: not a well-formed unit fact' }]);
    expect(await gauge('behorig_unit_fact_held')).toBe(1);
    expect(await gauge('behorig_unit_fact_backlog')).toBe(0);
  });

  it.each([401, 403, 429, 503])('access answering %i holds nothing: the facts wait and are delivered once it takes them', async (status) => {
    await org.sql(`INSERT INTO organisations.unit_fact_outbox (fact) VALUES (?)`, [JSON.stringify(bad(2))]);
    answer = () => ({ status, body: { error: 'x' } });
    await expect(relay.drain()).rejects.toThrow(String(status));
    expect(await outbox()).toEqual([{ undelivered: '1', held: '1' }]);
    expect(await gauge('behorig_unit_fact_backlog')).toBe(1);
    answer = () => ({ status: 200, body: { units: 0, organisations: 0, refused: [] } });
    await relay.drain();
    expect(await outbox()).toEqual([{ undelivered: '0', held: '1' }]);
  });

  it('a delivery access refuses as a whole (400) is sent again fact by fact, and only the fact refused on its own is held', async () => {
    await org.sql(`INSERT INTO organisations.unit_fact_outbox (fact) VALUES (?), (?), (?)`, [
      JSON.stringify({ kind: 'organisation', organisationId: '00000000-0000-4000-8000-0000000000aa', name: 'A', version: 1 }),
      JSON.stringify(bad(3)),
      JSON.stringify({ kind: 'organisation', organisationId: '00000000-0000-4000-8000-0000000000ab', name: 'B', version: 1 }),
    ]);
    posted.length = 0;
    answer = (facts) => (facts.some((f) => f.unitId === 'not-a-uuid') ? { status: 400, body: { error: 'bad_unit_facts', message: 'Fact 0 is not a well-formed unit fact.' } } : { status: 200, body: { units: 0, organisations: 1, refused: [] } });
    await relay.drain();
    expect(posted).toEqual([3, 1, 1, 1]);
    expect(await outbox()).toEqual([{ undelivered: '0', held: '2' }]);
    expect((await org.sql<{ refusal: string }>(`SELECT refusal FROM organisations.unit_fact_outbox WHERE refused_at IS NOT NULL ORDER BY id DESC LIMIT 1`))[0].refusal).toBe('Fact 0 is not a well-formed unit fact.');
  });
});
