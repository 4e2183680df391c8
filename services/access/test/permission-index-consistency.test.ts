import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { checkAccess, computePermissionScopes, type Membership } from '../src/modules/scopes/rules/membership.rules';
import { grantsAccess } from '../src/modules/roles/rules/access-level.rules';
import type { Access } from '../src/modules/roles/rules/role-catalogue.data';
import { loadCatalogue } from '../src/modules/roles/roles.store';
import { findCheckRow, findScopeRows, findWhoCanPage, rebuildPermissionIndex, refreshPermissionIndex } from '../src/modules/permission-index/permission-index.store';
import { decisionFromFacts, scopesFromFacts } from '../src/modules/permission-index/rules/permission-index.rules';
import { applyUnitFacts } from '../src/modules/unit-facts/unit-facts.store';
import { startAccess, type AccessSystem } from './support/system';

/**
 * R-SCOPE-3 consistency (the model of SpiceDB's consistency suite): on randomly generated
 * organisations, units, offices, people, roles and periods (past, current, future), the three
 * questions the permission index answers — checkAccess (R-SCOPE-2), whoCan (R-SCOPE-3) and
 * permissionScopes (R-SCOPE-1) — agree with each other and with the domain rules over the stored
 * memberships, for every sampled (person, unit, office, function, access, day). The index is built
 * incrementally (one refresh per person, as the write paths do) and must equal a full rebuild.
 */
const ROLES = ['PERMISSION_ADMIN', 'SERVICE_ADMIN', 'REGISTRAR', 'READER', 'ADMINISTER_PERMISSIONS', 'RECEIVE_PARTICIPANTS', 'REPORTING'];
const FUNCTIONS = ['MANAGE_USERS', 'DOCUMENTS', 'MONTHLY_REPORT', 'VIEW_NEW_PARTICIPANTS', 'REPORTS', 'CONTACT_PERSON'];
const DAYS = ['2025-03-01', '2026-01-31', '2026-02-01', '2026-06-15', '2026-12-31', '2027-01-01', '2028-05-05'];
const ACCESS: Access[] = ['READ', 'UPDATE'];

/**
 * Two organisations, each with up to three units, each unit with up to two offices; some units
 * closed (R-SCOPE-4: a closed unit grants nothing, whatever the role), as their unit facts say.
 */
const world = fc.record({
  units: fc.array(fc.record({ org: fc.integer({ min: 0, max: 1 }), offices: fc.integer({ min: 0, max: 2 }), closed: fc.boolean() }), { minLength: 1, maxLength: 5 }),
  people: fc.array(
    fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 1 }),
        // per chosen unit: its school-form rows' end dates (null = none) and whether it is limited to offices
        units: fc.array(fc.record({ pick: fc.nat(), ends: fc.array(fc.option(fc.constantFrom(...DAYS), { nil: null }), { minLength: 1, maxLength: 2 }), limit: fc.boolean(), officeMask: fc.nat(3) }), { maxLength: 3 }),
        roles: fc.array(fc.record({ role: fc.constantFrom(...ROLES), from: fc.constantFrom(...DAYS), to: fc.option(fc.constantFrom(...DAYS), { nil: null }) }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    { minLength: 1, maxLength: 5 },
  ),
  samples: fc.array(fc.record({ person: fc.nat(), unit: fc.option(fc.nat(), { nil: null }), office: fc.option(fc.nat(), { nil: null }), fn: fc.constantFrom(...FUNCTIONS), access: fc.constantFrom(...ACCESS), day: fc.constantFrom(...DAYS) }), { minLength: 10, maxLength: 25 }),
});

describe('permission index consistency (R-SCOPE-1/2/3)', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess({ demoData: false }); });
  afterAll(async () => { await sys.stop(); });

  it('R-SCOPE-3: whoCan, checkAccess and permissionScopes agree with each other and with the rules on random data', async () => {
    const em0 = sys.server.orm.em.fork();
    const catalogue = await loadCatalogue(em0);
    const orgs = [randomUUID(), randomUUID()];
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const em = sys.server.orm.em.fork();
        await em.execute(`TRUNCATE access.membership, access.membership_unit, access.role_assignment, access.permission_grant, access.person, access.unit_fact CASCADE`);
        const units = w.units.map((u) => ({ id: randomUUID(), org: orgs[u.org], closed: u.closed, offices: Array.from({ length: u.offices }, () => randomUUID()) }));
        // The units' facts, as the organisations service delivers them.
        await applyUnitFacts(em, units.map((u) => ({ kind: 'unit' as const, unitId: u.id, organisationId: u.org, serviceCode: 'KOMVUX', name: u.id, closed: u.closed, schoolFormCodes: [], addressIds: u.offices, version: 1 })));
        const people: string[] = [];
        const model = new Map<string, Membership[]>();
        await em.transactional(async (tx) => {
          for (const [i, memberships] of w.people.entries()) {
            const personId = randomUUID();
            people.push(personId);
            await tx.execute(`INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (?, ?, 'x', 'Test', 'Person', '1980-01-01')`, [personId, `hash-${personId}`]);
            const mine: Membership[] = [];
            const seenOrgs = new Set<string>();
            for (const m of memberships) {
              const org = orgs[m.org];
              if (seenOrgs.has(org)) continue; // one membership per person and organisation
              seenOrgs.add(org);
              const membershipId = randomUUID();
              await tx.execute(`INSERT INTO access.membership (id, person_id, organisation_id) VALUES (?, ?, ?)`, [membershipId, personId, org]);
              const own = units.filter((u) => u.org === org);
              const rows: { unitId: string; validTo: string | null; addressIds: string[] | null }[] = [];
              const chosen = new Set<string>();
              for (const u of m.units) {
                if (own.length === 0) break;
                const unit = own[u.pick % own.length];
                if (chosen.has(unit.id)) continue;
                chosen.add(unit.id);
                const offices = u.limit ? unit.offices.filter((_o, k) => (u.officeMask >> k) & 1) : [];
                for (const [k, end] of u.ends.entries()) {
                  rows.push({ unitId: unit.id, validTo: end, addressIds: offices.length ? offices : null });
                  await tx.execute(`INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code, valid_to, address_ids) VALUES (?, ?, ?, ?, ?, ?::uuid[])`,
                    [randomUUID(), membershipId, unit.id, `FORM${k}`, end, offices.length ? `{${offices.join(',')}}` : null]);
                }
              }
              const roles = [];
              for (const r of m.roles) {
                const [from, to] = r.to !== null && r.to < r.from ? [r.to, r.from] : [r.from, r.to];
                const id = randomUUID();
                roles.push({ id, roleCode: r.role, validFrom: from, validTo: to });
                await tx.execute(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`, [id, membershipId, r.role, from, to]);
              }
              mine.push({ organisationId: org, units: [], roles, _rows: rows } as Membership & { _rows: typeof rows });
            }
            model.set(personId, mine);
            // The write paths' maintenance: one refresh per person and organisation, in the transaction.
            for (const org of seenOrgs) await refreshPermissionIndex(tx, org, [personId]);
            void i;
          }
        });
        // The incremental index equals a full rebuild.
        const snapshot = async () => (await em.execute<{ r: string }[]>(`SELECT row(person_id, organisation_id, unit_id, address_id, role_code, function, access, valid_from, valid_to, role_valid_to)::text AS r FROM access.permission_grant ORDER BY 1`)).map((x) => x.r);
        const incremental = await snapshot();
        await em.transactional((tx) => rebuildPermissionIndex(tx));
        expect(await snapshot()).toEqual(incremental);

        for (const s of w.samples) {
          const personId = people[s.person % people.length];
          const unit = s.unit === null ? null : units[s.unit % units.length];
          const org = unit ? unit.org : orgs[s.person % 2];
          const addressId = unit && s.office !== null && unit.offices.length ? unit.offices[s.office % unit.offices.length] : null;
          // The rules over the stored memberships, read on the day (units whose employment ended drop out,
          // R-END-1; closed units grant nothing, R-SCOPE-4).
          const closed = new Set<string>(units.filter((u) => u.closed).map((u) => u.id));
          const memberships = (model.get(personId) ?? []).map((m) => {
            const rows = (m as Membership & { _rows: { unitId: string; validTo: string | null; addressIds: string[] | null }[] })._rows.filter((r) => (r.validTo === null || r.validTo >= s.day) && !closed.has(r.unitId));
            const byUnit = new Map<string, string[] | null>();
            for (const r of rows) byUnit.set(r.unitId, r.addressIds);
            return { organisationId: m.organisationId, roles: m.roles, units: [...byUnit].map(([unitId, addressIds]) => (addressIds ? { unitId, addressIds } : { unitId })) };
          });
          const byRules = checkAccess({ memberships, rolesByCode: catalogue, organisationId: org, unitId: unit?.id ?? null, addressId, function: s.fn, access: s.access, on: s.day });
          const expected = unit?.closed ? { ...byRules, allowed: false } : byRules;

          const row = await findCheckRow(em, { personId, organisationId: org, unitId: unit?.id ?? null, addressId, function: s.fn, access: s.access, on: s.day, callerPersonId: null, today: s.day });
          const decision = decisionFromFacts(org, row);
          const page = await findWhoCanPage(em, { organisationId: org, unitId: unit?.id ?? null, addressId, function: s.fn, access: s.access, on: s.day, offset: 0, limit: 1000, callerPersonId: null, today: s.day });
          const scopes = scopesFromFacts((await findScopeRows(em, [personId], s.day, null, s.day)).get(personId)!.rows);
          const byScopes = !unit?.closed && scopes.some((sc) => sc.organisationId === org && grantsAccess(catalogue.get(sc.roleCode)!.grants, s.fn, s.access)
            && (sc.orgWide || (unit === null ? sc.unitIds.length > 0 : sc.unitIds.includes(unit.id) && (addressId === null || !sc.unitAddressIds?.[unit.id] || sc.unitAddressIds[unit.id].includes(addressId)))));
          const context = { sample: s, personId, org, unit: unit?.id, addressId, expected, decision };
          expect({ ...context, allowed: decision.allowed }).toEqual({ ...context, allowed: expected.allowed });
          if (unit?.closed) expect(decision.reason).toBe('UNIT_CLOSED');
          expect({ ...context, inWhoCan: page.people.some((p) => p.id === personId) }).toEqual({ ...context, inWhoCan: expected.allowed });
          expect({ ...context, byScopes }).toEqual({ ...context, byScopes: expected.allowed });
          expect(page.totalCount).toBe(page.people.length);
          // R-SCOPE-1: the scopes equal the rules' scopes for the day.
          const norm = (list: { organisationId: string; orgWide: boolean; unitIds: string[]; unitAddressIds?: Record<string, string[]>; roleCode: string; validFrom: string; validTo: string | null }[]) =>
            list.map((x) => JSON.stringify([x.organisationId, x.orgWide, x.unitIds, x.unitAddressIds ?? {}, x.roleCode, x.validFrom, x.validTo])).sort();
          expect(norm(scopes)).toEqual(norm(computePermissionScopes(memberships, catalogue, s.day)));
        }
      }),
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647), verbose: 1 },
    );
  }, 240_000);
});
