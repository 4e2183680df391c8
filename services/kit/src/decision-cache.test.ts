import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './testing';
import { createDecisionCache, PERMISSION_INDEX_CHANNEL, type DecisionCache } from './decision-cache';

/**
 * R-SCOPE-4: a cached decision never outlives a change of the permission index — a NOTIFY from the
 * changing transaction empties the cache at COMMIT (not before), and without its LISTEN connection
 * the cache serves nothing.
 */
const until = async (what: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('decision cache invalidated by LISTEN/NOTIFY', () => {
  let db: TestDatabase;
  let cache: DecisionCache<boolean>;
  let writer: Client;
  beforeAll(async () => {
    db = await createTestDatabase('dcache');
    writer = new Client({ connectionString: db.url });
    await writer.connect();
  });
  afterAll(async () => {
    await writer.end();
    await db.drop();
  });
  beforeEach(async () => {
    cache = createDecisionCache<boolean>({ listenUrl: db.url, reconnectMs: 50 });
    await cache.start();
  });
  afterEach(() => cache.stop());

  it('R-SCOPE-4: a NOTIFY empties the cache when the changing transaction commits, not before', async () => {
    expect(cache.live).toBe(true);
    cache.set('k', true, cache.generation());
    expect(cache.get('k')).toBe(true);
    await writer.query('BEGIN');
    await writer.query(`SELECT pg_notify($1, 'org')`, [PERMISSION_INDEX_CHANNEL]);
    await new Promise((r) => setTimeout(r, 100));
    expect(cache.get('k')).toBe(true); // uncommitted: still the truth for everyone else
    await writer.query('COMMIT');
    await until(() => cache.get('k') === undefined);
  });

  it('R-SCOPE-4: an answer fetched before a change is not stored after the change was announced', async () => {
    const before = cache.generation();
    await writer.query(`SELECT pg_notify($1, 'org')`, [PERMISSION_INDEX_CHANNEL]);
    await until(() => cache.generation() !== before);
    cache.set('k', true, before);
    expect(cache.get('k')).toBeUndefined();
  });

  it('R-SCOPE-4: without its LISTEN connection the cache serves nothing, and it comes back empty', async () => {
    cache.set('k', true, cache.generation());
    cache.dropConnection();
    expect(cache.live).toBe(false);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', true, cache.generation());
    expect(cache.get('k')).toBeUndefined();
    await until(() => cache.live);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', false, cache.generation());
    expect(cache.get('k')).toBe(false);
  });

  it('R-SCOPE-4: a connection the server ends is noticed and replaced', async () => {
    const [{ pid }] = (await writer.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'behorig decision cache'`)).rows;
    cache.set('k', true, cache.generation());
    await writer.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await until(() => !cache.live);
    expect(cache.get('k')).toBeUndefined();
    await until(() => cache.live);
  });

  it('R-SCOPE-4: a LISTEN that stops hearing without any error (as behind a transaction pooler) turns the cache off until it hears again', async () => {
    const probed = createDecisionCache<boolean>({ listenUrl: db.url, reconnectMs: 50, probeMs: 100, probeTimeoutMs: 300 });
    await probed.start();
    try {
      expect(probed.live).toBe(true);
      probed.set('k', true, probed.generation());
      expect(probed.get('k')).toBe(true);
      await probed.silenceForTest();
      await until(() => !probed.live);
      expect(probed.get('k')).toBeUndefined();
      // It reconnects, LISTENs afresh, hears its probe, and starts empty.
      await until(() => probed.live);
      expect(probed.get('k')).toBeUndefined();
    } finally {
      await probed.stop();
    }
  });

  it('a probe from another replica does not empty this cache', async () => {
    cache.set('k', true, cache.generation());
    await writer.query(`SELECT pg_notify($1, 'probe:someone-else')`, [PERMISSION_INDEX_CHANNEL]);
    await new Promise((r) => setTimeout(r, 200));
    expect(cache.get('k')).toBe(true);
  });
});
