import { createOrm } from '@behorig/kit/db';
import { assertColumns, createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import type { Migration } from '@mikro-orm/migrations';
import { Migration as BaseMigration } from '@mikro-orm/migrations';

/** createOrm without entities (stores issue SQL), and assertColumns, the subgraphs' schema-agreement check. */
class CreateWidget extends BaseMigration {
  override async up(): Promise<void> {
    this.addSql('CREATE TABLE "kit_check".widget (id uuid PRIMARY KEY, name text NOT NULL, made_at timestamptz NOT NULL DEFAULT now())');
  }
}

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase('kitschema'); });
afterAll(async () => { await db.drop(); });

describe('createOrm without entities and assertColumns', () => {
  it('migrates and runs SQL with no entities at all', async () => {
    const orm = await createOrm({ clientUrl: db.url, schema: 'kit_check', migrations: [{ name: 'migration-001-widget', class: CreateWidget as unknown as new () => Migration }] });
    try {
      const em = orm.em.fork();
      await em.execute('INSERT INTO "kit_check".widget (id, name) VALUES (?, ?)', ['6f1c1a0e-1b7a-4c55-9a43-2f1f0b6f1a01', 'Kugge']);
      expect(await em.execute('SELECT name FROM "kit_check".widget')).toEqual([{ name: 'Kugge' }]);
      await expect(assertColumns(em, { 'kit_check.widget': ['made_at', 'id', 'name'] })).resolves.toBeUndefined();
    } finally {
      await orm.close();
    }
  });

  it('assertColumns names a missing table, a column the code expects and a column the code does not name', async () => {
    await expect(assertColumns(db.url, { 'kit_check.widget': ['id', 'name', 'colour'] })).rejects.toThrow(
      /kit_check\.widget: the code expects colour, which the table lacks[\s\S]*kit_check\.widget: the table has made_at, which the code does not name/,
    );
    await expect(assertColumns(db.url, { 'kit_check.gadget': ['id'] })).rejects.toThrow(/kit_check\.gadget: no such table/);
    await expect(assertColumns(db.url, { 'widget; drop': ['id'] })).rejects.toThrow(/is not 'schema\.table'/);
    await expect(assertColumns(db.url, { 'kit_check.widget': ['id', 'name', 'made_at'] })).resolves.toBeUndefined();
  });
});
