import { DEMO } from '@behorig/kit/demo';
import { ORG, startOrganisations, type Org } from './support';

/**
 * Entity references (`_entities`) and the root fields they mirror, through Apollo's
 * executeOperation (no HTTP): every `__resolveReference` asks the policy what the root field
 * asks, and the guarded fields of a referenced organisation stay guarded.
 */
let org: Org;
beforeAll(async () => { org = await startOrganisations(); });
afterAll(async () => { await org.stop(); });

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Organisation { id name orgNumber kind }
  ... on Unit { id name service { code } organisation { name } }
  ... on Address { id street postalCode city }
  ... on Service { code name }
  ... on SchoolForm { code name }
} }`;

const UNIT = DEMO.units.vuxKista;
const REPRESENTATIONS = [
  { __typename: 'Organisation', id: ORG.dorotea },
  { __typename: 'Unit', id: UNIT.id },
  { __typename: 'Address', id: UNIT.addresses[0].id },
  { __typename: 'Service', code: 'KOMVUX' },
  { __typename: 'SchoolForm', code: 'SFI' },
];

describe('_entities through executeOperation', () => {
  it('R-AUTH-4: resolves Organisation, Unit, Address, Service and SchoolForm references for anyone signed in', async () => {
    const res = await org.gql('fridolf', ENTITIES, { r: REPRESENTATIONS });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { __typename: 'Organisation', id: ORG.dorotea, name: 'Dorotea kommun', orgNumber: '212000-2809', kind: 'MUNICIPALITY' },
      { __typename: 'Unit', id: UNIT.id, name: UNIT.name, service: { code: 'KOMVUX' }, organisation: { name: 'Vuxenlärcentrum Stockholm AB' } },
      { __typename: 'Address', ...UNIT.addresses[0] },
      { __typename: 'Service', code: 'KOMVUX', name: 'Komvux' },
      { __typename: 'SchoolForm', code: 'SFI', name: 'SFI' },
    ]);
  });

  it.each(REPRESENTATIONS)('R-AUTH-4: a $__typename reference without a signed-in caller is UNAUTHENTICATED and reveals nothing', async (rep) => {
    const res = await org.gql(null, ENTITIES, { r: [rep] });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data?._entities ?? [null]).toEqual([null]);
  });

  it('a reference to an id that names nothing (or is no UUID) is null, not an error', async () => {
    const res = await org.gql('fridolf', ENTITIES, { r: [
      { __typename: 'Unit', id: '00000000-0000-4000-8001-0000000000ff' },
      { __typename: 'Organisation', id: 'not-a-uuid' },
      { __typename: 'Service', code: 'NOPE' },
    ] });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([null, null, null]);
  });

  it('R-ROLE-2: a referenced organisation keeps its details guarded: FORBIDDEN for another organisation, readable for its own', async () => {
    const doc = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { name phone contactPersons { surname } paymentAccounts { number } } } }`;
    const other = await org.gql('fridolf', doc, { r: [{ __typename: 'Organisation', id: ORG.dorotea }] });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(other.data?._entities).toEqual([{ name: 'Dorotea kommun', phone: null, contactPersons: null, paymentAccounts: null }]);
    const own = await org.gql('arvid', doc, { r: [{ __typename: 'Organisation', id: ORG.dorotea }] });
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities).toEqual([{ name: 'Dorotea kommun', phone: '0942-14000', contactPersons: [{ surname: 'Aronsson' }], paymentAccounts: [{ number: '762-0255' }] }]);
  });
});

describe('resolvers through executeOperation', () => {
  it('R-ORG-1: organisation(id) with units, offices and school forms (by name)', async () => {
    const res = await org.gql('reader', `query($id: ID!) { organisation(id: $id) { name units { name closed addresses { city } schoolForms { code } } } }`, { id: ORG.vux });
    expect(res.errors).toBeUndefined();
    expect(res.data?.organisation).toEqual({
      name: 'Vuxenlärcentrum Stockholm AB',
      units: [
        { name: 'Kista vuxenutbildning', closed: false, addresses: [{ city: 'Kista' }], schoolForms: [{ code: 'KOMVUX_GRUNDLAGGANDE' }, { code: 'KOMVUX_GYMNASIAL' }, { code: 'SFI' }] },
        { name: 'Södermalms vuxenutbildning', closed: false, addresses: [{ city: 'Stockholm' }], schoolForms: [{ code: 'KOMVUX_GYMNASIAL' }, { code: 'SFI' }, { code: 'SARVUX' }] },
      ],
    });
  });

  it('R-ROLE-2: a refused mutation through executeOperation is FORBIDDEN and changes nothing', async () => {
    const before = await org.count('unit');
    const res = await org.gql('fridolf', `mutation($id: ID!) { renameUnit(id: $id, name: "Annat namn") { id } }`, { id: DEMO.units.doroteaUbk.id });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await org.count('unit', 'name = ?', ['Annat namn'])).toBe(0);
    expect(await org.count('unit')).toBe(before);
  });
});
