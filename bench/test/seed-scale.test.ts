import pg from 'pg';
import { createOrm } from '@behorig/kit/db';
import { createPersonalNumberVault, generatePersonalNumberKey } from '@behorig/kit/vault';
import { parseOrgNumber, parsePersonalNumber } from '@behorig/kit/identity';
import { createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrations as signingMigrations } from '@behorig/signing/src/migrations';
import { verifyAuditChain } from '@behorig/signing/src/modules/audit/audit.service';
import { migrateAll, seedScale, type ScaleCounts } from '../src/scale-seeder';
import { CHECK_SQL, SCOPES_SQL, STAFF_SQL, WHO_CAN_SQL } from '../src/floor-server';

/**
 * The scale-data generator at toy size (5 organisations, 60 people): the shape is right, every
 * identity number is valid, and every organisation's audit chain verifies with the signing
 * service's own verification. The benchmark itself never runs in CI.
 */
describe('seed:scale at toy size', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let counts: ScaleCounts;
  const key = generatePersonalNumberKey();
  const today = '2026-11-22';

  beforeAll(async () => {
    db = await createTestDatabase('bench');
    await migrateAll(db.url);
    counts = await seedScale(db.url, { organisations: 5, persons: 60, auditPerOrganisation: 40, today, personalNumberKey: key, batchSize: 50 });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  it('writes the counts it reports, in the expected ranges', async () => {
    expect(await count('organisations.organisation')).toBe(5);
    expect(await count('access.person')).toBe(60);
    const units = await count('organisations.unit');
    expect(units).toBe(counts.units);
    expect(units).toBeGreaterThanOrEqual(5);
    expect(units).toBeLessThanOrEqual(5 * 79);
    // People belong to one to six organisations (at most five here: there are five).
    const memberships = await count('access.membership');
    expect(memberships).toBe(counts.memberships);
    expect(memberships).toBeGreaterThanOrEqual(60);
    expect(memberships).toBeLessThanOrEqual(60 * 5);
    const perPerson = (await client.query(`SELECT min(n) AS lo, max(n) AS hi FROM (SELECT count(*) AS n FROM access.membership GROUP BY person_id) x`)).rows[0];
    expect(Number(perPerson.lo)).toBeGreaterThanOrEqual(1);
    expect(Number(perPerson.hi)).toBeLessThanOrEqual(5);
    const roles = await count('access.role_assignment');
    expect(roles).toBe(counts.roleAssignments);
    expect(roles).toBeGreaterThanOrEqual(memberships);
    expect(roles).toBeLessThanOrEqual(memberships * 3);
    // Every membership has at least one unit of its own organisation (level 2).
    const strays = await client.query(`SELECT 1 FROM access.membership m WHERE NOT EXISTS (
      SELECT 1 FROM access.membership_unit mu JOIN organisations.unit u ON u.id = mu.unit_id AND u.organisation_id = m.organisation_id WHERE mu.membership_id = m.id)`);
    expect(strays.rowCount).toBe(0);
    expect(await count('organisations.address')).toBeGreaterThanOrEqual(units);
    expect(await count('signing.audit_event')).toBe(counts.auditEvents);
    expect(counts.auditEvents).toBeGreaterThanOrEqual(5);
  });

  it('R-PERIOD-1/2/3: periods are past, current and future; none ends after next year; administrators have no end date', async () => {
    const { rows } = await client.query(`SELECT
      count(*) FILTER (WHERE valid_to < $1::date) AS past,
      count(*) FILTER (WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)) AS current,
      count(*) FILTER (WHERE valid_from > $1::date) AS future,
      count(*) FILTER (WHERE valid_to > '2027-12-31') AS too_late,
      count(*) FILTER (WHERE valid_to < valid_from) AS inverted
      FROM access.role_assignment`, [today]);
    expect(Number(rows[0].past)).toBeGreaterThan(0);
    expect(Number(rows[0].current)).toBeGreaterThan(0);
    expect(Number(rows[0].future)).toBeGreaterThan(0);
    expect(Number(rows[0].too_late)).toBe(0);
    expect(Number(rows[0].inverted)).toBe(0);
    const admins = await client.query(`SELECT ra.valid_to FROM access.role_assignment ra JOIN access.role r ON r.code = ra.role_code WHERE r.is_permission_admin`);
    expect(admins.rows.every((r) => r.valid_to === null)).toBe(true);
  });

  it('R-ID-1/2/3: every personal number (sealed at rest when access seals) and organisation number is valid', async () => {
    const sealed = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'access' AND table_name = 'person' AND column_name = 'personal_number_enc'`)).rowCount === 1;
    const vault = createPersonalNumberVault(key);
    const people = await client.query(`SELECT * FROM access.person`);
    const numbers = people.rows.map((p) => {
      if (!sealed) return p.personal_number as string;
      expect(p.personal_number ?? null).toBeNull();
      const n = vault.open(p.personal_number_enc);
      expect(vault.hash(n)).toBe(p.personal_number_hash);
      return n;
    });
    expect(new Set(numbers).size).toBe(60);
    for (const [i, n] of numbers.entries()) {
      const parsed = parsePersonalNumber(n, 'personalNumber', today);
      expect(parsed.canonical).toBe(n);
      const birth = people.rows[i].birth_date as Date;
      expect(`${birth.getFullYear()}-${String(birth.getMonth() + 1).padStart(2, '0')}-${String(birth.getDate()).padStart(2, '0')}`).toBe(parsed.birthDate);
    }
    const orgs = await client.query(`SELECT org_number FROM organisations.organisation`);
    for (const o of orgs.rows) expect(parseOrgNumber(o.org_number)).toBe(o.org_number);
  });

  it('R-AUDIT-2: every organisation has its own audit chain, and each verifies with the signing service', async () => {
    const orm: MikroORM = await createOrm({ clientUrl: db.url, schema: 'signing', migrations: [...signingMigrations], poolMax: 1 });
    try {
      const orgs = (await client.query(`SELECT id FROM organisations.organisation`)).rows.map((r) => r.id as string);
      for (const id of orgs) {
        const v = await verifyAuditChain(orm.em.fork(), id);
        expect(v).toMatchObject({ ok: true, firstBrokenSeq: null });
        expect(v.checked).toBeGreaterThan(0);
      }
      // And the check is real: editing one row breaks that chain.
      // R-AUDIT-4: the table refuses UPDATE; a database owner can switch the triggers off, and the chain still tells.
      await client.query(`ALTER TABLE signing.audit_event DISABLE TRIGGER USER`);
      await client.query(`UPDATE signing.audit_event SET target = 'tampered' WHERE organisation_id = $1 AND seq = 1`, [orgs[0]]);
      await client.query(`ALTER TABLE signing.audit_event ENABLE TRIGGER USER`);
      expect(await verifyAuditChain(orm.em.fork(), orgs[0])).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    } finally {
      await orm.close(true);
    }
  });

  it('the floor\'s SQL answers run on the generated data', async () => {
    const m = (await client.query(`SELECT m.person_id, m.organisation_id FROM access.membership m LIMIT 1`)).rows[0];
    const scopes = await client.query(SCOPES_SQL, [m.person_id, today]);
    expect(Array.isArray(scopes.rows[0].data)).toBe(true);
    const check = await client.query(CHECK_SQL, [m.person_id, m.organisation_id, null, 'MANAGE_USERS', today, 'READ']);
    expect(check.rows[0]).toMatchObject({ member: true, unit_ok: true });
    const staff = await client.query(STAFF_SQL, [m.organisation_id, 50, today]);
    expect(staff.rows[0].data.organisation.staff.totalCount).toBeGreaterThan(0);
  });

  it('R-SCOPE-3: the whoCan floor (base tables) names the same people as the permission index, for every organisation, unit and function', async () => {
    const functions = (await client.query(`SELECT DISTINCT function FROM access.role_grant ORDER BY 1`)).rows.map((r) => r.function as string);
    // Each organisation as a whole and four of its units.
    const places = (await client.query(`SELECT organisation_id, id AS unit_id FROM (SELECT u.*, row_number() OVER (PARTITION BY organisation_id ORDER BY id) AS k FROM organisations.unit u) x WHERE k <= 4
                                         UNION ALL SELECT id, NULL FROM organisations.organisation`)).rows as { organisation_id: string; unit_id: string | null }[];
    let nonEmpty = 0;
    for (const place of places) {
      for (const fn of functions) {
        // The index's own answer (permission-index.store findWhoCanPage's condition), complete.
        const index = (await client.query(
          `SELECT DISTINCT person_id FROM access.permission_grant
            WHERE organisation_id = $1 AND function = $3 AND valid_from <= $4::date AND (valid_to IS NULL OR valid_to >= $4::date)
              AND ($2::uuid IS NULL OR unit_id IS NULL OR unit_id = $2::uuid) ORDER BY person_id`, [place.organisation_id, place.unit_id, fn, today])).rows.map((r) => r.person_id as string);
        const floor = (await client.query(WHO_CAN_SQL, [place.organisation_id, place.unit_id, fn, 'READ', today, 10_000])).rows[0].data.whoCan;
        expect({ place, fn, total: Number(floor.totalCount), ids: floor.edges.map((e: { node: { id: string } }) => e.node.id) }).toEqual({ place, fn, total: index.length, ids: index });
        if (index.length > 0) nonEmpty++;
      }
    }
    // The comparison is not vacuous: many places have someone who may.
    expect(nonEmpty).toBeGreaterThan(10);
  });
});
