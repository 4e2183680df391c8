import { Client } from 'pg';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * Unit facts (docs/architecture.md, "Unit facts"): access keeps what the organisations service
 * publishes about units and organisations and answers every check from it — no call to that
 * service exists any more. Delivered here as organisations' relay delivers them: POST
 * /internal/unit-facts with organisations' service credential (R-AUTH-4). Today = 2026-11-22.
 */
const CHECK = `query($p: ID!, $o: ID!, $u: ID, $f: String!, $a: Access!) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: $f, access: $a) { allowed reason role { code } } }`;
const WHO = `query($o: ID!, $u: ID, $f: String!) { whoCan(organisationId: $o, unitId: $u, function: $f, access: READ, first: 50) { totalCount edges { node { id } } } }`;
const SCOPES = `query($p: ID!) { permissionScopes(personId: $p) { orgWide units { id } role { code } } }`;

describe('unit facts arrive as events (R-SCOPE-4, R-ORG-3, R-AUTH-4)', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  const post = async (body: unknown, service: 'organisations' | 'signing' | null = 'organisations') => fetch(`${sys.base}/internal/unit-facts`, {
    method: 'POST',
    headers: service ? await sys.serviceKeys.credentials(service).headers('access') : { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const registrarFunction = async () => (await sys.sql<{ function: string }>(`SELECT function FROM access.role_grant WHERE role_code = 'REGISTRAR' ORDER BY function LIMIT 1`))[0].function;

  it('R-AUTH-4: only the organisations service delivers facts, and a delivery without a list of facts applies nothing', async () => {
    const before = await sys.sql(`SELECT unit_id, version, closed FROM access.unit_fact ORDER BY unit_id`);
    const fact = { kind: 'unit', unitId: UNIT.aratronStod, organisationId: ORG.aratron, serviceCode: 'RUSTA_OCH_MATCHA', name: 'X', closed: true, schoolFormCodes: [], addressIds: [], version: 99 };
    expect((await post({ facts: [fact] }, 'signing')).status).toBe(401);
    expect((await post({ facts: [fact] }, null)).status).toBe(401);
    const malformed = await post({ fact });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe('bad_unit_facts');
    expect(await sys.sql(`SELECT unit_id, version, closed FROM access.unit_fact ORDER BY unit_id`)).toEqual(before);
  });

  it('a malformed fact is refused on its own, by its index and why, and the well-formed facts of the delivery are applied (docs/operations.md, "Unit facts refused")', async () => {
    const before = await sys.sql(`SELECT unit_id, version, closed FROM access.unit_fact ORDER BY unit_id`);
    // A new unit of an organisation no test below asks about, so applying it changes none of their checks.
    const fresh = '00000000-0000-4000-8001-0000000000f1';
    const good = { kind: 'unit', unitId: fresh, organisationId: ORG.dorotea, serviceCode: 'UTBILDNINGSKONTRAKT', name: 'Ny enhet', closed: false, schoolFormCodes: [], addressIds: [], version: 1 };
    const res = await post({ facts: [{ ...good, unitId: 'not-a-uuid', version: 5 }, good, { kind: 'organisation', organisationId: ORG.aratron, version: 7 }, { kind: 'planet' }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      units: 1, organisations: 0,
      refused: [{ index: 0, reason: 'not a well-formed unit fact' }, { index: 2, reason: 'not a well-formed organisation fact' }, { index: 3, reason: 'no known kind' }],
    });
    expect(await sys.sql(`SELECT unit_id, version, closed FROM access.unit_fact ORDER BY unit_id`)).toEqual(
      [...before, { unit_id: fresh, version: expect.anything(), closed: false }].sort((a, b) => String(a.unit_id).localeCompare(String(b.unit_id))),
    );
  });

  it('R-SCOPE-4: a closed unit refuses checks at it as soon as its fact arrives — unit-scoped and org-wide roles alike — and leaves whoCan and the scopes', async () => {
    const fn = await registrarFunction();
    const laban = person('Laban').id;
    const fridolf = person('Fridolf').id;
    const authority = await sys.tokens.authority();
    const check = async (p: string, u: string | null, f: string) => (await sys.gql(CHECK, { p, o: ORG.aratron, u, f, a: 'READ' }, authority)).data.checkAccess;
    expect(await check(laban, UNIT.aratronStod, fn)).toMatchObject({ allowed: true, reason: 'GRANTED', role: { code: 'REGISTRAR' } });
    expect(await check(fridolf, UNIT.aratronStod, 'MANAGE_USERS')).toMatchObject({ allowed: true, reason: 'GRANTED' });
    expect((await sys.gql(WHO, { o: ORG.aratron, u: UNIT.aratronStod, f: fn }, authority)).data.whoCan.totalCount).toBeGreaterThan(0);

    await sys.facts.close(UNIT.aratronStod);

    expect(await check(laban, UNIT.aratronStod, fn)).toMatchObject({ allowed: false, reason: 'UNIT_CLOSED', role: null });
    expect(await check(fridolf, UNIT.aratronStod, 'MANAGE_USERS')).toMatchObject({ allowed: false, reason: 'UNIT_CLOSED' });
    // An org-wide role still holds in the organisation itself (R-USR-3); only the closed unit is out.
    expect(await check(fridolf, null, 'MANAGE_USERS')).toMatchObject({ allowed: true, reason: 'GRANTED' });
    // Laban's only unit is closed: the organisation-level question finds no unit that grants it.
    expect(await check(laban, null, fn)).toMatchObject({ allowed: false });
    expect((await sys.gql(WHO, { o: ORG.aratron, u: UNIT.aratronStod, f: fn }, authority)).data.whoCan).toEqual({ totalCount: 0, edges: [] });
    // The index itself lost the unit's rows in the transaction that applied the fact.
    expect(await sys.count('permission_grant', 'unit_id = ?', [UNIT.aratronStod])).toBe(0);
    const scopes = (await sys.gql(SCOPES, { p: fridolf }, authority)).data.permissionScopes;
    expect(scopes.find((s: { orgWide: boolean }) => s.orgWide).units).toEqual([]);
  });

  it('R-SCOPE-4: a delivery waits for the organisation lock every membership writer holds, so an apply alongside cannot leave rows computed from the old facts', async () => {
    const [kept] = await sys.sql<{ version: string }>(`SELECT version FROM access.unit_fact WHERE unit_id = ?`, [UNIT.vuxSoder]);
    const [fact] = await sys.sql<{ organisation_id: string; service_code: string; name: string }>(`SELECT organisation_id, service_code, name FROM access.unit_fact WHERE unit_id = ?`, [UNIT.vuxSoder]);
    const writer = new Client({ connectionString: sys.db.url });
    await writer.connect();
    try {
      // Stands in for an apply in flight: the same transaction-scoped lock lockOrganisation takes.
      await writer.query('BEGIN');
      await writer.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 4002))`, [`access:organisation:${ORG.vux}`]);
      let answered = false;
      const delivery = post({ facts: [{ kind: 'unit', unitId: UNIT.vuxSoder, organisationId: fact.organisation_id, serviceCode: fact.service_code, name: fact.name, closed: false, schoolFormCodes: [], addressIds: [], version: Number(kept.version) + 1 }] })
        .then((r) => { answered = true; return r; });
      await new Promise((r) => setTimeout(r, 1500));
      expect(answered).toBe(false);
      expect((await sys.sql<{ version: string }>(`SELECT version FROM access.unit_fact WHERE unit_id = ?`, [UNIT.vuxSoder]))[0].version).toBe(kept.version);
      await writer.query('COMMIT');
      expect((await delivery).status).toBe(200);
      expect(Number((await sys.sql<{ version: string }>(`SELECT version FROM access.unit_fact WHERE unit_id = ?`, [UNIT.vuxSoder]))[0].version)).toBe(Number(kept.version) + 1);
    } finally {
      await writer.end();
    }
  });

  it('a redelivered or older fact changes nothing: the highest version of a unit is kept', async () => {
    const [kept] = await sys.sql<{ version: string; closed: boolean }>(`SELECT version, closed FROM access.unit_fact WHERE unit_id = ?`, [UNIT.aratronStod]);
    expect(kept.closed).toBe(true);
    const older = { kind: 'unit', unitId: UNIT.aratronStod, organisationId: ORG.aratron, serviceCode: 'RUSTA_OCH_MATCHA', name: 'Aratron Stöd och matchning', closed: false, schoolFormCodes: [], addressIds: [], version: Number(kept.version) - 1 };
    const same = { ...older, closed: true, version: Number(kept.version) };
    const res = await post({ facts: [older, same] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ units: 0, organisations: 0, refused: [] });
    expect(await sys.sql(`SELECT version, closed FROM access.unit_fact WHERE unit_id = ?`, [UNIT.aratronStod])).toEqual([kept]);
    const laban = person('Laban').id;
    const again = (await sys.gql(CHECK, { p: laban, o: ORG.aratron, u: UNIT.aratronStod, f: await registrarFunction(), a: 'READ' }, await sys.tokens.authority())).data.checkAccess;
    expect(again).toMatchObject({ allowed: false, reason: 'UNIT_CLOSED' });
  });

  it('organisation names are kept from their facts, newer version wins', async () => {
    const [row] = await sys.sql<{ name: string }>(`SELECT name FROM access.organisation_fact WHERE organisation_id = ?`, [ORG.vux]);
    expect(row.name).toBe('Vuxenlärcentrum Stockholm AB');
    const renamed = await post({ facts: [{ kind: 'organisation', organisationId: ORG.vux, name: 'Vux AB', version: 2 }] });
    expect(await renamed.json()).toEqual({ units: 0, organisations: 1, refused: [] });
    expect((await sys.sql(`SELECT name FROM access.organisation_fact WHERE organisation_id = ?`, [ORG.vux]))[0]).toEqual({ name: 'Vux AB' });
  });
});
