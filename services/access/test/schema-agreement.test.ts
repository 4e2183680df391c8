import { OutboxEventEntity, createOrm } from '@behorig/kit';
import { createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrations } from '../src/migrations';
import { personColumns } from '../src/modules/people/people.store';
import { membershipColumns, membershipUnitColumns, roleAssignmentColumns } from '../src/modules/memberships/memberships.store';
import { roleColumns, roleGrantColumns } from '../src/modules/roles/roles.store';
import { agreementColumns } from '../src/modules/agreements/agreements.store';
import { changeSetColumns, pendingChangeColumns } from '../src/modules/changes/changes.store';

/**
 * The stores and the migrations agree (docs/architecture.md, "One way to read and write"): after
 * every committed migration, each column a store declares — and builds its statements from — exists
 * in its table. A column renamed or dropped by a migration, or added to a store without one, fails
 * here rather than in a request.
 */
const declared: Record<string, readonly string[]> = {
  person: personColumns,
  membership: membershipColumns,
  membership_unit: membershipUnitColumns,
  role_assignment: roleAssignmentColumns,
  role: roleColumns,
  role_grant: roleGrantColumns,
  agreement: agreementColumns,
  change_set: changeSetColumns,
  pending_change: pendingChangeColumns,
};

describe('schema agreement of the access stores', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase('accschema');
    orm = await createOrm({ clientUrl: db.url, schema: 'access', entities: [OutboxEventEntity], migrations });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('every table and column the stores read or write exists after the migrations', async () => {
    const rows = await orm.em.fork().execute<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'access'`);
    const migrated = new Map<string, Set<string>>();
    for (const r of rows) migrated.set(r.table_name, (migrated.get(r.table_name) ?? new Set()).add(r.column_name));
    const missing = Object.entries(declared).flatMap(([table, columns]) =>
      !migrated.has(table) ? [`table ${table}`] : columns.filter((c) => !migrated.get(table)!.has(c)).map((c) => `${table}.${c}`));
    expect(missing).toEqual([]);
  });

  it('every NOT NULL column without a default is one the store declares (so its INSERTs can fill it)', async () => {
    const rows = await orm.em.fork().execute<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'access' AND is_nullable = 'NO' AND column_default IS NULL`);
    const undeclared = rows.filter((r) => r.table_name in declared && !declared[r.table_name].includes(r.column_name)).map((r) => `${r.table_name}.${r.column_name}`);
    expect(undeclared).toEqual([]);
  });
});
