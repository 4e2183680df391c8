import { DEMO, DEMO_ORGANISATION_DETAILS } from '@behorig/kit/demo';
import { ORG, startOrganisations, type Org } from './support';
import { SEARCH_EXPR } from '../src/modules/organisations/organisations.store';

let org: Org;
beforeAll(async () => { org = await startOrganisations(); });
afterAll(async () => { await org.stop(); });

const DETAILS = `query($id: ID!) { organisation(id: $id) { name orgNumber kind postalAddress phone fax website
  contactPersons { givenName surname email phone1 phone2 adminContact updatedBy }
  paymentAccounts { type number reviewStatus isDefault updatedAt updatedBy } } }`;

describe('reading organisations (R-ORG-1) and who may read what', () => {
  it('R-ORG-1: the demo data shows Dorotea with every field, its contact person and reviewed default bankgiro', async () => {
    const res = await org.gql('arvid', DETAILS, { id: ORG.dorotea });
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation).toEqual({
      name: 'Dorotea kommun', orgNumber: '212000-2809', kind: 'MUNICIPALITY', postalAddress: '917 81 Dorotea', phone: '0942-14000', fax: '0942-10081', website: 'www.dorotea.se',
      contactPersons: [{ givenName: 'Arvid', surname: 'Aronsson', email: 'arvid.aronsson@dorotea.com', phone1: '+46094214000', phone2: null, adminContact: true, updatedBy: 'demo data' }],
      paymentAccounts: [{ type: 'BANKGIRO', number: '762-0255', reviewStatus: 'REVIEWED', isDefault: true, updatedAt: '2015-11-03T09:00:00.000Z', updatedBy: 'Leverantör' }],
    });
  });

  it('a reader (READ access) of the organisation sees contacts and accounts too', async () => {
    const res = await org.gql('reader', DETAILS, { id: ORG.dorotea });
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation.contactPersons).toHaveLength(1);
  });

  it('the authority reads every organisation\'s details (Aratron\'s contact and account)', async () => {
    const res = await org.gql('authority', DETAILS, { id: ORG.aratron });
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation.contactPersons.map((c: { surname: string }) => c.surname)).toEqual(['Robertsson']);
    expect(res.data.organisation.paymentAccounts).toEqual([expect.objectContaining({ number: DEMO_ORGANISATION_DETAILS.paymentAccounts[1].number, isDefault: true })]);
  });

  it('reading another organisation\'s details is FORBIDDEN; its name, number and kind are not', async () => {
    const basic = await org.gql('fridolf', `query($id: ID!) { organisation(id: $id) { name orgNumber kind units { name } } }`, { id: ORG.dorotea });
    expect(basic.errors).toBeUndefined();
    expect(basic.data.organisation).toEqual({ name: 'Dorotea kommun', orgNumber: '212000-2809', kind: 'MUNICIPALITY', units: [{ name: 'Dorotea UBK' }] });
    for (const [field, name] of [['contactPersons { surname }', 'contactPersons'], ['paymentAccounts { number }', 'paymentAccounts']]) {
      const res = await org.gql('fridolf', `query($id: ID!) { organisation(id: $id) { name ${field} } }`, { id: ORG.dorotea });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].path).toEqual(['organisation', name]);
      // The refused list is null; the organisation and its public fields stay (not a null parent).
      expect(res.data.organisation).toEqual({ name: 'Dorotea kommun', [name]: null });
      expect(JSON.stringify(res)).not.toMatch(/Aronsson|762-0255/);
    }
    const phone = await org.gql('fridolf', `query($id: ID!) { organisation(id: $id) { name phone } }`, { id: ORG.dorotea });
    expect(phone.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(phone.data.organisation).toEqual({ name: 'Dorotea kommun', phone: null });
  });

  it('needs a signed-in actor', async () => {
    const res = await org.gql(null, `query($id: ID!) { organisation(id: $id) { name } }`, { id: ORG.dorotea });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the permission question is asked once per request, however many fields need it', async () => {
    org.permissions.asked.length = 0;
    await org.gql('fridolf', `query($id: ID!) { organisation(id: $id) { phone fax website postalAddress } }`, { id: ORG.aratron });
    expect(org.permissions.asked).toEqual([`CONTACT_PERSON READ ${ORG.aratron}`]);
  });
});

describe('organisations connection and organisationByNumber', () => {
  const names = (res: any) => res.data.organisations.edges.map((e: { node: { name: string } }) => e.node.name);
  const LIST = `query($s: String, $f: Int, $a: String) { organisations(search: $s, first: $f, after: $a) { totalCount edges { cursor node { name orgNumber } } pageInfo { hasNextPage endCursor } } }`;

  it.each([
    ['dorotea', ['Dorotea kommun']],
    ['DOROTEA', ['Dorotea kommun']],
    ['212000-2809', ['Dorotea kommun']],
    ['2120002809', ['Dorotea kommun']],
    ['556', ['Aratron AB', 'Vuxenlärcentrum Stockholm AB']],
    [' ab', ['Aratron AB', 'Vuxenlärcentrum Stockholm AB']],
    ['100%', []],
  ])('searches name and number: %p', async (search, expected) => {
    const res = await org.gql('fridolf', LIST, { s: search });
    expect(res.errors).toBeUndefined();
    expect(names(res)).toEqual(expected);
    expect(res.data.organisations.totalCount).toBe(expected.length);
  });

  it('orders by name and pages with totalCount', async () => {
    const p1 = await org.gql('fridolf', LIST, { f: 3 });
    expect(names(p1)).toEqual(['Aratron AB', 'Arbetsförmedlingen', 'Dorotea kommun']);
    expect(p1.data.organisations).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const p2 = await org.gql('fridolf', LIST, { f: 3, a: p1.data.organisations.pageInfo.endCursor });
    expect(names(p2)).toEqual(['Vuxenlärcentrum Stockholm AB']);
    expect(p2.data.organisations.pageInfo.hasNextPage).toBe(false);
    const tooMany = await org.gql('fridolf', LIST, { f: 1000 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it.each([['212000-2809'], ['2120002809'], ['162120002809']])('R-ID-3: organisationByNumber finds %s', async (n) => {
    const res = await org.gql('reader', `query($n: String!) { organisationByNumber(orgNumber: $n) { id } }`, { n });
    expect(res.data.organisationByNumber).toEqual({ id: ORG.dorotea });
  });

  it('R-ID-3: organisationByNumber of a valid but unknown number is null; an invalid one BAD_USER_INPUT', async () => {
    expect((await org.gql('reader', `{ organisationByNumber(orgNumber: "556036-0793") { id } }`)).data.organisationByNumber).toBeNull();
    const bad = await org.gql('reader', `{ organisationByNumber(orgNumber: "556036-0794") { id } }`);
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringMatching(/check digit should be 3/), extensions: { code: 'BAD_USER_INPUT', field: 'orgNumber' } });
  });

  it('R-ORG-2, R-ORG-5: services and school forms are readable by anyone signed in', async () => {
    const res = await org.gql('fridolf', `{ services { code name } schoolForms { code name } }`);
    expect(res.data.services.map((s: { code: string }) => s.code).sort()).toEqual(DEMO.services.map((s) => s.code).sort());
    expect(res.data.schoolForms.map((s: { code: string }) => s.code).sort()).toEqual(DEMO.schoolForms.map((s) => s.code).sort());
  });
});

describe('performance', () => {
  it('onQuery reports every statement the service sends (checked against a known request)', async () => {
    const seen = await org.recordStatements(() => org.gql('authority', `query($id: ID!) { organisation(id: $id) { units { schoolForms { code } addresses { street } } } }`, { id: ORG.vux }));
    // organisation by id, its units, their addresses, their school forms (the stores' SQL through em.execute).
    expect(seen).toHaveLength(4);
    expect(seen[0]).toMatch(/FROM organisations.organisation o WHERE o.id IN/);
    expect(seen.some((s) => /FROM organisations.unit_school_form/.test(s))).toBe(true);
  });

  it('resolving 500 Unit references in one _entities call is ONE SQL statement for units', async () => {
    await org.sql(`INSERT INTO organisations.unit (id, organisation_id, service_code, name)
      SELECT ('00000000-0000-4000-a000-' || lpad(i::text, 12, '0'))::uuid, ?, 'KOMVUX', 'Bulkenhet ' || i FROM generate_series(1, 500) i`, [ORG.dorotea]);
    const reps = Array.from({ length: 500 }, (_, i) => ({ __typename: 'Unit', id: `00000000-0000-4000-a000-${String(i + 1).padStart(12, '0')}` }));
    let res: any;
    const seen = await org.recordStatements(async () => {
      res = await org.gql('fridolf', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { id name service { name } addresses { street } organisation { name } } } }`, { r: reps });
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(500);
    expect(res.data._entities[499]).toMatchObject({ name: 'Bulkenhet 500', service: { name: 'Komvux' }, organisation: { name: 'Dorotea kommun' } });
    expect(seen.filter((s) => /FROM organisations.unit WHERE/.test(s))).toHaveLength(1);
    // And each kind of child is one statement too: units, services, addresses, organisations.
    expect(seen).toHaveLength(4);
  });

  it('organisations search and units by organisation use their indexes', async () => {
    const plans = await org.server.orm.em.fork().transactional(async (tx) => {
      // With sequential scans priced out, the planner shows which index serves each query.
      await tx.execute('SET LOCAL enable_seqscan = off');
      const plan = async (q: string) => (await tx.execute<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
      return {
        search: await plan(`SELECT o.* FROM organisations.organisation o WHERE ${SEARCH_EXPR} LIKE '%dorotea%' ORDER BY o.name, o.id LIMIT 20`),
        units: await plan(`SELECT * FROM organisations.unit WHERE organisation_id IN ('${ORG.dorotea}', '${ORG.vux}')`),
      };
    });
    expect(plans.search).toMatch(/Index Scan on organisation_search_idx/);
    // Both unit indexes lead with organisation_id; the planner may pick either (seen both here).
    expect(plans.units).toMatch(/(Index (Only )?Scan|Bitmap Index Scan) (using|on) (unit_organisation_idx|unit_name_unique_idx)/);
  });
});
