import { columnsByTable, createOrm } from '@behorig/kit/db';
import { assertColumns, createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrations } from '../src/migrations';
import { SEALED_COLUMNS } from '../src/migrations/personal-number-backfill.store';
import { PERSON } from '../src/modules/people/people.store';
import { MEMBERSHIP, MEMBERSHIP_UNIT, ROLE_ASSIGNMENT } from '../src/modules/memberships/memberships.store';
import { ROLE, ROLE_GRANT } from '../src/modules/roles/roles.store';
import { AGREEMENT } from '../src/modules/agreements/agreements.store';
import { CHANGE_SET, PENDING_CHANGE } from '../src/modules/changes/changes.store';
import { ACCESS_REVIEW, ACCESS_REVIEW_ITEM } from '../src/modules/reviews/reviews.store';
import { NOTICE_DIGEST } from '../src/modules/notices/notices.store';
import { ORGANISATION_FACT, UNIT_FACT } from '../src/modules/unit-facts/unit-facts.store';

/**
 * The stores and the migrations agree (docs/architecture.md, "One way to read and write"): after
 * every committed migration, each table has exactly the columns its store declares — and builds its
 * statements from — plus the plain-text personal-number columns that only the start-up backfill of
 * migration 003 reads (R-USR-1: always NULL once it has run). A column renamed or dropped by a
 * migration, or added to a store without one, fails here rather than in a request.
 */
const plainTextColumns = (table: string) => SEALED_COLUMNS.filter((c) => `access.${c.table}` === table).map((c) => c.plain);
const declared: Record<string, readonly string[]> = Object.fromEntries(Object.entries(columnsByTable([
  PERSON, MEMBERSHIP, MEMBERSHIP_UNIT, ROLE_ASSIGNMENT, ROLE, ROLE_GRANT, AGREEMENT, CHANGE_SET, PENDING_CHANGE,
  ACCESS_REVIEW, ACCESS_REVIEW_ITEM, NOTICE_DIGEST, UNIT_FACT, ORGANISATION_FACT,
])).map(([table, columns]) => [table, [...columns, ...plainTextColumns(table)]]));

describe('schema agreement of the access stores', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase('accschema');
    orm = await createOrm({ clientUrl: db.url, schema: 'access', migrations });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('R-USR-1: every table of the stores has exactly the columns they declare after the migrations', async () => {
    await expect(assertColumns(db.url, declared)).resolves.toBeUndefined();
  });

  it('every NOT NULL column without a default is one its store declares, so the store\'s INSERTs can fill it', async () => {
    const rows = await orm.em.fork().execute<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'access' AND is_nullable = 'NO' AND column_default IS NULL`);
    const undeclared = rows
      .filter((r) => `access.${r.table_name}` in declared && !declared[`access.${r.table_name}`].includes(r.column_name))
      .map((r) => `${r.table_name}.${r.column_name}`);
    expect(undeclared).toEqual([]);
  });
});
