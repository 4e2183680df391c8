import { columnsByTable, createOrm } from '@behorig/kit/db';
import { assertColumns, createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import { migrations } from '../src/migrations';
import { tables as organisationTables } from '../src/modules/organisations/organisations.store';
import { tables as unitTables } from '../src/modules/units/units.store';
import { tables as contactTables } from '../src/modules/contacts/contacts.store';
import { tables as catalogueTables } from '../src/modules/catalogue/catalogue.store';
import { tables as unitFactTables } from '../src/modules/unit-facts/unit-facts.store';

/**
 * The stores and the migrations agree: after every committed migration, each table a store
 * reads or writes has exactly the columns the store declares (and builds its SQL from), so a
 * migration and a store cannot drift apart unnoticed.
 */
describe('schema agreement (stores ↔ migrations)', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase('orgschema'); });
  afterAll(async () => { await db.drop(); });

  it('every table and column the stores name exists after the migrations, and no column is unnamed', async () => {
    const orm = await createOrm({ clientUrl: db.url, schema: 'organisations', migrations, poolMax: 2 });
    try {
      const expected = columnsByTable([...organisationTables, ...unitTables, ...contactTables, ...catalogueTables, ...unitFactTables]);
      expect(Object.keys(expected).sort()).toEqual([
        'organisations.address', 'organisations.contact_person', 'organisations.organisation', 'organisations.payment_account',
        'organisations.school_form', 'organisations.service', 'organisations.unit', 'organisations.unit_fact_outbox', 'organisations.unit_school_form',
      ]);
      await assertColumns(db.url, expected);
    } finally {
      await orm.close();
    }
  });
});
