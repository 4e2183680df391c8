import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEMO } from '@behorig/kit/demo';
import { createOrm } from '@behorig/kit/db';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { mintToken } from '@behorig/kit/auth';
import { createTestDatabase, type TestDatabase } from '@behorig/kit/testing';
import { migrations } from '../src/migrations';
import { applyChangeSet } from '../src/modules/changes/change-set-apply.service';
import { sealPlaintextPersonalNumbers } from '../src/migrations/personal-number-backfill.store';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * Personal data: personal identity numbers are encrypted at rest with a keyed hash for
 * look-ups (kit personal-number-vault), a start-up backfill seals what migration 003 found in plain
 * text, and the number is only decrypted for someone allowed to manage the person (R-USR-1).
 */
const validPnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
const PERSON = `query($id: ID!) { person(id: $id) { id birthDate personalNumber } }`;
const ENTITY = `query($id: ID!) { _entities(representations: [{ __typename: "Person", id: $id }]) { ... on Person { id personalNumber } } }`;
const STAFF = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation { staff(first: 50) { edges { node { id birthDate personalNumber } } } } } }`;

/** Every value of every row of every table in the access schema, as text. */
async function everyStoredValue(sys: AccessSystem): Promise<string> {
  const tables = await sys.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'access' AND table_type = 'BASE TABLE'`);
  const dumps: string[] = [];
  for (const t of tables) {
    const rows = await sys.sql<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM access."${t.table_name}" x`);
    dumps.push(...rows.map((r) => r.r));
  }
  return dumps.join('\n');
}

const forms = (pnr: string) => [pnr, pnr.slice(2), `${pnr.slice(2, 8)}-${pnr.slice(8)}`, `${pnr.slice(0, 8)}-${pnr.slice(8)}`];

describe('personal numbers at rest and who may read them', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  it('R-USR-1: after proposing, signing, applying and registering an agreement, no table holds a personal number in plain text', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const andrea = DEMO.andreaSandin;
    const propose = await sys.gql(`mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`, {
      org: ORG.dorotea, input: { personalNumber: `${andrea.personalNumber.slice(2, 8)}-${andrea.personalNumber.slice(8)}`, givenName: andrea.givenName, surname: andrea.surname, roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31' },
    }, arvid);
    expect(propose.errors).toBeUndefined();
    const [set] = await sys.sql<{ id: string }>(`SELECT id FROM access.change_set WHERE organisation_id = ? AND status = 'DRAFT'`, [ORG.dorotea]);
    expect((await sys.gql(`mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`, { org: ORG.dorotea }, arvid)).errors).toBeUndefined();
    const applied = await applyChangeSet(sys.server.orm.em, sys.server.deps, set.id, await sys.receiptFor(set.id, person('Arvid').personalNumber));
    expect(applied.status).toBe(200);
    const register = await sys.gql(`mutation($input: RegisterAgreementInput!) { registerAgreement(input: $input) { id administrator { birthDate } } }`, {
      input: { organisationId: ORG.aratron, receivedOn: '2026-11-20', administrator: { personalNumber: person('Fridolf').personalNumber, givenName: 'Fridolf', surname: 'Halldin' } },
    }, await sys.tokens.authority());
    expect(register.errors).toBeUndefined();
    expect(register.data.registerAgreement.administrator.birthDate).toBe('1987-06-29');

    const stored = await everyStoredValue(sys);
    expect(stored.length).toBeGreaterThan(1000);
    for (const pnr of [...DEMO.people.map((p) => p.personalNumber), andrea.personalNumber]) {
      for (const form of forms(pnr)) expect(stored).not.toContain(form);
    }
    // …yet Andrea was applied: found by the keyed hash, her ciphertext opens to her number.
    const [row] = await sys.sql<{ personal_number: string | null; personal_number_enc: string }>(`SELECT personal_number, personal_number_enc FROM access.person WHERE personal_number_hash = ?`, [sys.hashOf(andrea.personalNumber)]);
    expect(row.personal_number).toBeNull();
    expect(sys.vault.open(row.personal_number_enc)).toBe(andrea.personalNumber);
  });

  it('R-USR-1: look-ups by number use the hash — personByNumber and the internal log-in look-up find people', async () => {
    const laban = person('Laban');
    const res = await sys.gql(`query($o: ID!, $n: String!) { personByNumber(organisationId: $o, personalNumber: $n) { id } }`, { o: ORG.aratron, n: `${laban.personalNumber.slice(2, 8)}-${laban.personalNumber.slice(8)}` }, await sys.tokens.of('Fridolf'));
    expect(res.data.personByNumber).toEqual({ id: laban.id });
    const internal = await fetch(`${sys.base}/internal/people/by-personal-number/${laban.personalNumber}`, { headers: await sys.fromSigning() });
    expect(await internal.json()).toMatchObject({ personId: laban.id, hasActiveMembership: true });
    // A token with only the personal number (development tokens) still resolves the viewer by hash.
    const me = await sys.gql(`{ me { id personalNumber } }`, undefined, await sys.tokens.of('Laban'));
    expect(me.data.me).toEqual({ id: laban.id, personalNumber: laban.personalNumber });
  });

  it('R-USR-1: Person.personalNumber is decrypted for an administrator of the person\'s organisation, the authority and the person; null for others', async () => {
    const laban = person('Laban');
    const as = async (token: string) => (await sys.gql(PERSON, { id: laban.id }, token)).data?.person?.personalNumber;
    expect(await as(await sys.tokens.of('Fridolf'))).toBe(laban.personalNumber); // PERMISSION_ADMIN in Aratron
    expect(await as(await sys.tokens.authority())).toBe(laban.personalNumber);
    expect(await as(await sys.tokens.of('Laban'))).toBe(laban.personalNumber); // himself
    expect(await as(await sys.tokens.of('Agda'))).toBeNull(); // a reader in the same organisation sees the birth date only
    expect((await sys.gql(PERSON, { id: laban.id }, await sys.tokens.of('Agda'))).data.person.birthDate).toBe('1948-04-03');
    // An administrator of ANOTHER organisation, even through the federation's entity path: null.
    const other = await sys.gql(ENTITY, { id: laban.id }, await sys.tokens.of('Arvid'));
    // R-AUTH-4: the reference answers as person(id) does: the person is not visible at all.
    expect(other.data._entities[0]).toBeNull();
    expect((await sys.gql(ENTITY, { id: laban.id })).data?._entities?.[0]?.personalNumber ?? null).toBeNull(); // nobody signed in
    // A partner system with MANAGE_USERS for Aratron manages its users like an administrator does.
    const client = (await mintToken(sys.keys.key, { kind: 'client', clientId: 'partner-1', organisationId: ORG.aratron, functions: ['MANAGE_USERS'] })).token;
    expect((await sys.gql(ENTITY, { id: laban.id }, client)).data._entities[0].personalNumber).toBe(laban.personalNumber);
    const readerClient = (await mintToken(sys.keys.key, { kind: 'client', clientId: 'partner-2', organisationId: ORG.aratron, functions: ['CONTACT_PERSON'] })).token;
    // R-AUTH-3: a client without MANAGE_USERS does not see the person at all.
    expect((await sys.gql(ENTITY, { id: laban.id }, readerClient)).data._entities[0]).toBeNull();
  });

  it('R-USR-1: the staff list gives numbers only on request and only to its administrators; birth dates always', async () => {
    const res = await sys.gql(STAFF, { org: ORG.aratron }, await sys.tokens.of('Fridolf'));
    expect(res.errors).toBeUndefined();
    const nodes: { id: string; birthDate: string; personalNumber: string | null }[] = res.data._entities[0].staff.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(9);
    for (const n of nodes) expect(n.personalNumber).toBe(DEMO.people.find((p) => p.id === n.id)!.personalNumber);
    const plain = await sys.gql(`query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation { staff(first: 50) { edges { node { birthDate } } } } } }`, { org: ORG.aratron }, await sys.tokens.of('Fridolf'));
    expect(JSON.stringify(plain.data)).not.toMatch(/\d{10,12}/);
  });
});

describe('start-up backfill of plain-text personal numbers (migration 003)', () => {
  let db: TestDatabase;
  const key = randomBytes(32);
  const legacy = Array.from({ length: 2500 }, (_, i) => validPnr(`1970010${1 + Math.floor(i / 1000)}`, String(i % 1000).padStart(3, '0')));
  beforeAll(async () => { db = await createTestDatabase('accbf'); });
  afterAll(async () => { await db.drop(); });

  it('seals every plain-text number before serving, 1,000 rows per UPDATE, and leaves no plain text; a second start seals nothing', async () => {
    // The database as it was before migration 003: numbers in plain text.
    const old = await createOrm({ clientUrl: db.url, schema: 'access', migrations: migrations.slice(0, 2) });
    await old.close();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query(`INSERT INTO access.person (id, personal_number, given_name, surname, birth_date) SELECT gen_random_uuid(), x, 'Legacy', 'Person', '1970-01-01' FROM unnest($1::text[]) x`, [legacy]);
      const [p] = (await pg.query(`SELECT id FROM access.person WHERE personal_number = $1`, [legacy[42]])).rows;
      await pg.query(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), $1, $2)`, [p.id, ORG.aratron]);
      await pg.query(`INSERT INTO access.agreement (id, organisation_id, status, received_on, activate_by, admin_personal_number, admin_given_name, admin_surname) VALUES (gen_random_uuid(), $1, 'RECEIVED', '2026-11-20', '2026-12-04', $2, 'Legacy', 'Admin')`, [ORG.vux, legacy[7]]);
      const [set] = (await pg.query(`INSERT INTO access.change_set (id, organisation_id, status, signer_personal_number) VALUES (gen_random_uuid(), $1, 'APPLIED', $2) RETURNING id`, [ORG.dorotea, legacy[8]])).rows;
      await pg.query(`INSERT INTO access.pending_change (id, change_set_id, kind, personal_number, given_name, surname, birth_date, role_codes, unit_ids, unit_grants, valid_from)
        VALUES (gen_random_uuid(), $1, 'NEW', $2, 'Legacy', 'Change', '1970-01-01', '[]', '[]', '[]', '2026-01-01')`, [set.id, legacy[9]]);
    } finally {
      await pg.end();
    }

    const statements: string[] = [];
    const sys = await startAccess({ databaseUrl: db.url, personalNumberKey: key, demoData: true, onQuery: (q) => statements.push(q) });
    try {
      const updates = statements.filter((q) => /update access\.person t set personal_number_hash/i.test(q));
      expect(updates).toHaveLength(3); // 2,500 rows: 1,000 + 1,000 + 500
      for (const table of ['person', 'pending_change']) expect(await sys.count(table, 'personal_number IS NOT NULL')).toBe(0);
      expect(await sys.count('agreement', 'admin_personal_number IS NOT NULL')).toBe(0);
      expect(await sys.count('change_set', 'signer_personal_number IS NOT NULL')).toBe(0);
      expect(await sys.count('person', 'personal_number_hash IS NULL OR personal_number_enc IS NULL')).toBe(0);
      const [row] = await sys.sql<{ personal_number_enc: string }>(`SELECT personal_number_enc FROM access.person WHERE personal_number_hash = ?`, [sys.hashOf(legacy[1234])]);
      expect(sys.vault.open(row.personal_number_enc)).toBe(legacy[1234]);
      const [agreement] = await sys.sql<{ admin_personal_number_enc: string }>(`SELECT admin_personal_number_enc FROM access.agreement`);
      expect(sys.vault.open(agreement.admin_personal_number_enc)).toBe(legacy[7]);
      // The sealed legacy person is found by number, as everyone else.
      const found = await sys.gql(`query($o: ID!, $n: String!) { personByNumber(organisationId: $o, personalNumber: $n) { givenName personalNumber } }`, { o: ORG.aratron, n: legacy[42] }, await sys.tokens.of('Fridolf'));
      expect(found.data.personByNumber).toEqual({ givenName: 'Legacy', personalNumber: legacy[42] });
      expect(await sealPlaintextPersonalNumbers(sys.server.orm.em, sys.vault)).toEqual({ person: 0, pending_change: 0, agreement: 0, change_set: 0 });
    } finally {
      await sys.stop();
    }
  });
});
