import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';
import { AUTHORITY, asClient, asPerson, executeAs } from './support/execute';

/**
 * R-AUTH-4: every entity reference of the access subgraph (`_entities` → `__resolveReference`)
 * asks the same policy as the root fields (src/policy/access.policy.ts). Run through Apollo's
 * `executeOperation`, without HTTP: an object the caller may not see resolves to null (Person,
 * Agreement) or is refused (ChangeSet), and nothing of it leaves.
 */
const ref = (typename: string, fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${fields} } } }`;
const PERSON = ref('Person', 'id givenName');
const AGREEMENT = ref('Agreement', 'id organisation { id } administrator { givenName }');
const CHANGE_SET = ref('ChangeSet', 'id status changes { kind person { givenName } }');
const ORGANISATION = ref('Organisation', 'id');

describe('entity references of access, through executeOperation', () => {
  let sys: AccessSystem;
  const arvid = person('Arvid'); // Dorotea kommun, PERMISSION_ADMIN
  const laban = person('Laban'); // Aratron AB, REGISTRAR
  const fridolf = person('Fridolf'); // Aratron AB, PERMISSION_ADMIN
  let agreementId: string;
  let changeSetId: string;

  beforeAll(async () => {
    sys = await startAccess();
    const registered = await executeAs(sys.server, AUTHORITY, `mutation($input: RegisterAgreementInput!) { registerAgreement(input: $input) { id } }`, {
      input: { organisationId: ORG.dorotea, receivedOn: sys.today, administrator: { personalNumber: arvid.personalNumber, givenName: 'Arvid', surname: 'Aronsson' } },
    });
    expect(registered.errors).toBeUndefined();
    agreementId = registered.data.registerAgreement.id;
    const proposed = await executeAs(sys.server, asPerson(arvid.id), `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`, {
      org: ORG.dorotea,
      input: { personalNumber: '197810175542', givenName: 'Andrea', surname: 'Sandin', roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: sys.today, validTo: '2027-12-31' },
    });
    expect(proposed.errors).toBeUndefined();
    const open = await executeAs(sys.server, asPerson(arvid.id), ref('Organisation', 'changesToSign { id }'), { r: [{ __typename: 'Organisation', id: ORG.dorotea }] });
    changeSetId = open.data._entities[0].changesToSign.id;
  });
  afterAll(async () => { await sys.stop(); });

  it('R-AUTH-4: Person — themselves, a colleague, the authority and a MANAGE_USERS client see it; another organisation and a client without MANAGE_USERS get null', async () => {
    const r = { r: [{ __typename: 'Person', id: laban.id }] };
    expect((await executeAs(sys.server, asPerson(laban.id), PERSON, r)).data._entities).toEqual([{ id: laban.id, givenName: 'Laban' }]);
    expect((await executeAs(sys.server, asPerson(fridolf.id), PERSON, r)).data._entities).toEqual([{ id: laban.id, givenName: 'Laban' }]);
    expect((await executeAs(sys.server, AUTHORITY, PERSON, r)).data._entities).toEqual([{ id: laban.id, givenName: 'Laban' }]);
    expect((await executeAs(sys.server, asClient(ORG.aratron, ['MANAGE_USERS']), PERSON, r)).data._entities).toEqual([{ id: laban.id, givenName: 'Laban' }]);
    expect((await executeAs(sys.server, asPerson(arvid.id), PERSON, r)).data._entities).toEqual([null]);
    expect((await executeAs(sys.server, asClient(ORG.aratron, ['DOCUMENTS']), PERSON, r)).data._entities).toEqual([null]);
    expect((await executeAs(sys.server, asClient(ORG.dorotea, ['MANAGE_USERS']), PERSON, r)).data._entities).toEqual([null]);
  });

  it('R-AUTH-4: Person — no caller is refused UNAUTHENTICATED, a malformed or unknown id resolves to null', async () => {
    const anonymous = await executeAs(sys.server, null, PERSON, { r: [{ __typename: 'Person', id: laban.id }] });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?._entities?.[0] ?? null).toBeNull();
    expect((await executeAs(sys.server, AUTHORITY, PERSON, { r: [{ __typename: 'Person', id: '00000000-0000-4000-8003-00000000dead' }] })).data._entities).toEqual([null]);
  });

  it('R-AGR-1: Agreement — the authority and members of the organisation see it; another organisation gets null', async () => {
    const r = { r: [{ __typename: 'Agreement', id: agreementId }] };
    const seen = [{ id: agreementId, organisation: { id: ORG.dorotea }, administrator: { givenName: 'Arvid' } }];
    expect((await executeAs(sys.server, AUTHORITY, AGREEMENT, r)).data._entities).toEqual(seen);
    expect((await executeAs(sys.server, asPerson(arvid.id), AGREEMENT, r)).data._entities).toEqual(seen);
    expect((await executeAs(sys.server, asPerson(fridolf.id), AGREEMENT, r)).data._entities).toEqual([null]);
    expect((await executeAs(sys.server, asClient(ORG.aratron, ['MANAGE_USERS']), AGREEMENT, r)).data._entities).toEqual([null]);
  });

  it('R-ROLE-3: ChangeSet — MANAGE_USERS READ in its organisation reads it; another organisation is FORBIDDEN and reads nothing', async () => {
    const r = { r: [{ __typename: 'ChangeSet', id: changeSetId }] };
    expect((await executeAs(sys.server, asPerson(arvid.id), CHANGE_SET, r)).data._entities).toEqual([{ id: changeSetId, status: 'DRAFT', changes: [{ kind: 'NEW', person: { givenName: 'Andrea' } }] }]);
    expect((await executeAs(sys.server, AUTHORITY, CHANGE_SET, r)).data._entities[0].id).toBe(changeSetId);
    const other = await executeAs(sys.server, asPerson(fridolf.id), CHANGE_SET, r);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.data?._entities?.[0] ?? null).toBeNull();
  });

  it('R-AUTH-4: Organisation — a reference resolves to the id alone for anyone signed in (its data belongs to the organisations subgraph)', async () => {
    expect((await executeAs(sys.server, asPerson(laban.id), ORGANISATION, { r: [{ __typename: 'Organisation', id: ORG.vux }] })).data._entities).toEqual([{ id: ORG.vux }]);
  });
});
