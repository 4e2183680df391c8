import { Client } from 'pg';
import { createOrm, migrateUnderLock } from '@behorig/kit/db';
import { createTestDatabase, testKeys, type TestDatabase } from '@behorig/kit/testing';
import { buildServer } from '../src/server';
import { migrations } from '../src/migrations';

/**
 * Replicas on one database (docs/deploy.md): migrations run under a transaction-scoped advisory
 * lock, so replicas that start together on an empty database all come up and every migration is
 * applied exactly once; a replica told not to migrate waits for the migration job; and the probes
 * say "live" without the database and "ready" only with it.
 */
const permissions = { can: async () => false } as never;

async function migrationRows(url: string): Promise<string[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ name: string }>('SELECT name FROM organisations.mikro_orm_migrations ORDER BY id')).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

describe('replicas starting together', () => {
  let db: TestDatabase;
  afterEach(async () => { await db?.drop(); });

  it('three replicas started at once on an empty database all come up, and each migration ran once', async () => {
    db = await createTestDatabase('replicas');
    const { verify } = await testKeys();
    const replicas = await Promise.all([1, 2, 3].map(() => buildServer({ databaseUrl: db.url, verify, permissions })));
    try {
      const urls = await Promise.all(replicas.map((r) => r.listen(0, '127.0.0.1')));
      for (const url of urls) {
        expect((await fetch(`${url}/live`)).status).toBe(200);
        const ready = await fetch(`${url}/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready' });
        expect((await fetch(`${url}/health`)).status).toBe(200);
      }
      expect(await migrationRows(db.url)).toEqual(migrations.map((m) => m.name));
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });

  it('with migrations left to a job, a replica waits until the job has applied them, and the job applies each once', async () => {
    db = await createTestDatabase('migjob');
    const { verify } = await testKeys();
    let started = false;
    const replica = buildServer({ databaseUrl: db.url, verify, permissions, migrate: false, migrationPollMs: 50 }).then((r) => { started = true; return r; });
    await new Promise((r) => setTimeout(r, 600));
    expect(started).toBe(false);

    // The migration job (dist/migrate.js runs the same function), twice at once.
    const jobs = await Promise.all([1, 2].map(() => createOrm({ clientUrl: db.url, schema: 'organisations', entities: [], migrations, migrate: false, poolMax: 2 })));
    const applied = await Promise.all(jobs.map((orm) => migrateUnderLock(orm, 'organisations')));
    await Promise.all(jobs.map((orm) => orm.close()));
    expect(applied.flat().sort()).toEqual(migrations.map((m) => m.name).sort());
    expect(applied.some((a) => a.length === 0)).toBe(true);

    const server = await replica;
    try {
      const url = await server.listen(0, '127.0.0.1');
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      expect(await migrationRows(db.url)).toEqual(migrations.map((m) => m.name));
    } finally {
      await server.stop();
    }
  });

  it('/live answers while the database is gone; /ready and /health say 503', async () => {
    db = await createTestDatabase('probes');
    const { verify } = await testKeys();
    const server = await buildServer({ databaseUrl: db.url, verify, permissions });
    try {
      const url = await server.listen(0, '127.0.0.1');
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      // The database disappears under the running service (its connections are terminated).
      await db.drop();
      expect((await fetch(`${url}/live`)).status).toBe(200);
      expect((await fetch(`${url}/ready`)).status).toBe(503);
      expect((await fetch(`${url}/health`)).status).toBe(503);
    } finally {
      await server.stop();
    }
  });
});
