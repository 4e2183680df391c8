import { Client } from 'pg';
import { BatchRefusedError, createTableRelay, type TableRelaySendResult } from './table-relay';
import { createTestDatabase, type TestDatabase } from './testing';
import type { Logger } from './logger';

/**
 * The generic table relay's holding of refused rows (docs/operations.md, "Unit facts refused"): a
 * row the receiver refuses for what it is is held on its own and logged once; the rest of the
 * batch and every later row are delivered; a failure that may pass is retried, never held.
 */
describe('table relay: holding refused rows', () => {
  let db: TestDatabase;
  let pg: Client;
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger = { error: (obj: Record<string, unknown>, msg: string) => { errors.push({ obj, msg }); }, warn: () => undefined } as unknown as Logger;

  beforeAll(async () => {
    db = await createTestDatabase('tablerelay');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`CREATE SCHEMA t; CREATE TABLE t.box (id bigserial PRIMARY KEY, body text NOT NULL, delivered_at timestamptz, refused_at timestamptz, refusal text)`);
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });
  beforeEach(async () => {
    errors.length = 0;
    await pg.query('TRUNCATE t.box');
  });

  type Row = { id: string; body: string };
  const add = async (...bodies: string[]) => {
    for (const b of bodies) await pg.query(`INSERT INTO t.box (body) VALUES ($1)`, [b]);
  };
  const state = async () => (await pg.query<{ body: string; delivered: boolean; refusal: string | null }>(
    `SELECT body, delivered_at IS NOT NULL AS delivered, refusal FROM t.box ORDER BY id`,
  )).rows;
  const relay = (send: (rows: Row[]) => Promise<void | TableRelaySendResult>, holdRefused = true) =>
    createTableRelay<Row>({ databaseUrl: db.url, table: 't.box', columns: 'id, body', send, holdRefused, logger, batchSize: 10, name: 'test relay' });

  it('a row the receiver names as refused is held with its reason, logged once; the rest of the batch and later batches are delivered', async () => {
    await add('ok1', 'bad', 'ok2');
    const received: string[] = [];
    const r = relay(async (rows) => {
      received.push(...rows.map((x) => x.body));
      return { refused: rows.filter((x) => x.body === 'bad').map((x) => ({ id: x.id, reason: 'malformed' })) };
    });
    try {
      expect(await r.drain()).toBe(3);
      expect(await state()).toEqual([
        { body: 'ok1', delivered: true, refusal: null },
        { body: 'bad', delivered: false, refusal: 'malformed' },
        { body: 'ok2', delivered: true, refusal: null },
      ]);
      expect(errors).toHaveLength(1);
      expect(errors[0].obj).toMatchObject({ reason: 'malformed' });
      // Later rows go through; the held row is never sent again (nor logged again).
      await add('ok3');
      received.length = 0;
      expect(await r.drain()).toBe(1);
      expect(received).toEqual(['ok3']);
      expect(errors).toHaveLength(1);
      // Re-queued by an operator (docs/operations.md), it is sent again.
      await pg.query(`UPDATE t.box SET refused_at = NULL, refusal = NULL WHERE body = 'bad'`);
      received.length = 0;
      await r.drain();
      expect(received).toEqual(['bad']);
    } finally {
      await r.stop();
    }
  });

  it('a batch refused as a whole is sent row by row, and only the rows refused on their own are held', async () => {
    await add('ok1', 'bad', 'ok2');
    const r = relay(async (rows) => {
      if (rows.some((x) => x.body === 'bad')) throw new BatchRefusedError(400, 'fact is malformed');
    });
    try {
      await r.drain();
      expect(await state()).toEqual([
        { body: 'ok1', delivered: true, refusal: null },
        { body: 'bad', delivered: false, refusal: 'fact is malformed' },
        { body: 'ok2', delivered: true, refusal: null },
      ]);
      expect(errors).toHaveLength(1);
    } finally {
      await r.stop();
    }
  });

  it('a failure that may pass (any other error: 5xx, network, credentials) holds nothing: the batch stays undelivered and is retried', async () => {
    await add('a', 'b');
    let fail = true;
    const r = relay(async () => { if (fail) throw new Error('access answered 503'); });
    try {
      await expect(r.drain()).rejects.toThrow('503');
      expect(await state()).toEqual([{ body: 'a', delivered: false, refusal: null }, { body: 'b', delivered: false, refusal: null }]);
      expect(errors).toEqual([]);
      fail = false;
      expect(await r.drain()).toBe(2);
      expect((await state()).every((s) => s.delivered)).toBe(true);
    } finally {
      await r.stop();
    }
  });

  it('without holdRefused (the audit relay), a refusal holds no row: the round fails and the rows wait', async () => {
    await add('a');
    const r = relay(async (rows) => ({ refused: [{ id: rows[0].id, reason: 'no' }] }), false);
    try {
      await expect(r.drain()).rejects.toThrow(/does not hold rows/);
      expect(await state()).toEqual([{ body: 'a', delivered: false, refusal: null }]);
    } finally {
      await r.stop();
    }
  });
});
