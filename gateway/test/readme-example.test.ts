import { DEMO } from '@behorig/kit/demo';
import { gqlRequest } from '@behorig/kit/testing';
import { Client } from 'pg';
import { startSystem, type System } from './support/system';
import { INSERT_GRANTS } from '@behorig/access/src/modules/permission-index/permission-index.store';

/**
 * The README's example query through the gateway for a person with different roles in two
 * organisations: permission administrator in Dorotea kommun and reader in Aratron AB. A field the
 * person may not read (Aratron's audit log, R-AUDIT-3) answers null with its FORBIDDEN error;
 * everything else of both memberships is answered (nullable guarded fields, not a null parent).
 */
const README_QUERY = `{ me { givenName surname memberships { organisation { name orgNumber auditLog(first: 5) { totalCount } } units { name } roles { role { code name } validFrom validTo } } } }`;
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;

describe('the README example query (R-AUDIT-3, R-ORG-4)', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startSystem();
    // Arvid is also a reader at Aratron's unit: a second membership with another role.
    const pg = new Client({ connectionString: sys.db.url });
    await pg.connect();
    try {
      const { rows: [m] } = await pg.query(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [arvid.id, DEMO.organisations.aratron.id]);
      await pg.query(`INSERT INTO access.membership_unit (id, membership_id, unit_id) VALUES (gen_random_uuid(), $1, $2)`, [m.id, DEMO.units.aratronStod.id]);
      await pg.query(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (gen_random_uuid(), $1, 'READER', '2020-01-01', NULL)`, [m.id]);
      // Written behind access's back: its permission index is refreshed the way its write paths do (R-SCOPE-4).
      await pg.query(INSERT_GRANTS('m.id = $1'), [m.id]);
    } finally {
      await pg.end();
    }
  });
  afterAll(async () => { await sys.stop(); });

  it('R-AUDIT-3: answers both memberships; only the refused audit log is null, with its FORBIDDEN error at that path', async () => {
    const token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    const res = await gqlRequest<{ me: { givenName: string; memberships: { organisation: { name: string; orgNumber: string; auditLog: { totalCount: number } | null }; units: { name: string }[]; roles: { role: { code: string } }[] }[] } }>(sys.gatewayUrl, README_QUERY, undefined, token);
    expect(res.data?.me).not.toBeNull();
    expect(res.data!.me.givenName).toBe('Arvid');
    const byName = new Map(res.data!.me.memberships.map((m) => [m.organisation.name, m]));
    expect([...byName.keys()].sort()).toEqual(['Aratron AB', 'Dorotea kommun']);
    const dorotea = byName.get('Dorotea kommun')!;
    expect(dorotea.organisation.orgNumber).toBe('212000-2809');
    expect(typeof dorotea.organisation.auditLog?.totalCount).toBe('number');
    expect(dorotea.units).toEqual([{ name: DEMO.units.doroteaUbk.name }]);
    expect(dorotea.roles.map((r) => r.role.code)).toEqual(['PERMISSION_ADMIN']);
    const aratron = byName.get('Aratron AB')!;
    expect(aratron.organisation.auditLog).toBeNull();
    expect(aratron.units).toEqual([{ name: DEMO.units.aratronStod.name }]);
    expect(aratron.roles.map((r) => r.role.code)).toEqual(['READER']);
    const index = res.data!.me.memberships.indexOf(aratron);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors![0].path).toEqual(['me', 'memberships', index, 'organisation', 'auditLog']);
  });

  it('R-ORG-1, R-USR-1: another organisation\'s refused contact persons, payment accounts, staff and changes to sign are null beside its answered name', async () => {
    const token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
    const res = await gqlRequest<{ organisation: { name: string; contactPersons: unknown; paymentAccounts: unknown; staff: unknown; changesToSign: unknown } }>(sys.gatewayUrl,
      `query($o: ID!) { organisation(id: $o) { name contactPersons { id } paymentAccounts { id } staff(first: 1) { totalCount } changesToSign { id } } }`,
      { o: DEMO.organisations.vux.id }, token);
    expect(res.data?.organisation).toMatchObject({ name: DEMO.organisations.vux.name, contactPersons: null, paymentAccounts: null, staff: null, changesToSign: null });
    const refused = (res.errors ?? []).map((e) => [e.path?.at(-1), e.extensions?.code]).sort();
    expect(refused).toEqual([['changesToSign', 'FORBIDDEN'], ['contactPersons', 'FORBIDDEN'], ['paymentAccounts', 'FORBIDDEN'], ['staff', 'FORBIDDEN']]);
  });
});
