import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { columnsByTable, createOrm, type Table } from '@behorig/kit/db';
import { assertColumns, createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import { migrations } from '../src/migrations';
import { tables as auditTables } from '../src/modules/audit/audit.store';
import { tables as keysTables } from '../src/modules/keys/keys.store';
import { tables as ordersTables } from '../src/modules/orders/orders.store';
import { tables as partnersTables } from '../src/modules/partners/partners.store';
import { tables as webhooksTables } from '../src/modules/webhooks/webhooks.store';

/**
 * The stores and the migrations agree (docs/architecture.md, "Stores"): every store declares its
 * tables and columns once (`defineTable`) and builds its statements from them, so checking the
 * declarations against the migrated catalogue checks every column a store reads or writes.
 */
const SRC = join(__dirname, '..', 'src');
const declared: Table<string>[] = [...ordersTables, ...auditTables, ...partnersTables, ...keysTables, ...webhooksTables];

const sourceFiles = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
});

describe('schema agreement', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase('signingschema'); });
  afterAll(async () => { await db.drop(); });

  it('after every migration, each table the stores declare has exactly the columns they name', async () => {
    const orm = await createOrm({ clientUrl: db.url, schema: 'signing', migrations, poolMax: 2 });
    try {
      const expected = columnsByTable(declared);
      await assertColumns(db.url, expected);
      // And every table of the schema belongs to a store (the migrator's own bookkeeping aside).
      const rows = await orm.em.fork().execute<{ t: string }[]>(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = 'signing' AND table_name <> 'mikro_orm_migrations'`);
      expect(rows.map((r) => r.t).sort()).toEqual(Object.keys(expected).sort());
    } finally {
      await orm.close();
    }
  });

  it('SQL is issued only by *.store.ts files and migrations, and stores name tables only through their declarations', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = relative(SRC, file);
      const text = readFileSync(file, 'utf8');
      const isStore = rel.endsWith('.store.ts');
      if (rel.startsWith('migrations/')) continue;
      if (!isStore && /\bem\.execute\b|\.execute<|\bem\.find|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s/.test(text)) offenders.push(`${rel}: SQL outside a store`);
      if (isStore) {
        for (const line of text.split('\n')) {
          if (/\bsigning\.[a-z_]+/.test(line) && !/\bdefineTable\b/.test(line)) offenders.push(`${rel}: names a table outside defineTable: ${line.trim()}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
