import { DEMO } from '@behorig/kit/demo';
import { startAccess, person, ORG, UNIT, CLOSED_UNIT_ID, type AccessSystem } from './support/system';

/**
 * Every refusal names its catalogued reason (extensions.reason) beside its code, so clients can
 * show a text in the reader's language instead of the server's English message.
 */
const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`;
const andrea = DEMO.andreaSandin;
const andreaInput = (over: Record<string, unknown> = {}) => ({
  personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, email: andrea.email,
  roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31', ...over,
});

describe('access refusals carry a reason', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });

  it.each([
    ['R-ID-1', { personalNumber: '19781017-5555' }, 'PERSONAL_NUMBER_CHECK_DIGIT'],
    ['R-ORG-3 unknown unit', { unitIds: ['00000000-0000-4000-8001-00000000dead'] }, 'UNIT_NOT_FOUND'],
    ['R-ORG-3 closed unit', { unitIds: [CLOSED_UNIT_ID] }, 'UNIT_CLOSED'],
    ['R-ORG-3 unit of another organisation', { unitIds: [UNIT.aratronStod] }, 'UNIT_OF_OTHER_ORGANISATION'],
    ['R-PERIOD-2', { validTo: '2028-11-22' }, 'END_DATE_AFTER_NEXT_YEAR'],
    ['R-PERIOD-3', { roleCodes: ['PERMISSION_ADMIN'], validTo: '2027-06-30' }, 'ADMINISTRATOR_NEEDS_NO_END_DATE'],
    ['R-PERIOD-1', { validFrom: '2027-01-10', validTo: '2027-01-01' }, 'END_DATE_BEFORE_START_DATE'],
    ['R-ROLE-1', { roleCodes: ['CHIEF'] }, 'UNKNOWN_ROLE'],
    ['R-USR-4', { roleCodes: [] }, 'ROLE_REQUIRED'],
    ['e-mail', { email: 'not-an-address' }, 'INVALID_EMAIL'],
  ])('%s: proposeStaff is refused with its reason', async (_rule, over, reason) => {
    const res = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput(over) }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('R-ROLE-3: a caller without user management in the organisation gets MANAGE_USERS_REQUIRED', async () => {
    const res = await sys.gql(PROPOSE, { org: ORG.aratron, input: andreaInput({ unitIds: [UNIT.aratronStod] }) }, await sys.tokens.of('Agda'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MANAGE_USERS_REQUIRED' });
  });

  it('R-AGR-3: removing the last permission administrator gives LAST_ADMINISTRATOR', async () => {
    const res = await sys.gql(`mutation($org: ID!, $p: ID!) { proposeStaffRemoval(organisationId: $org, personId: $p) { kind } }`,
      { org: ORG.dorotea, p: person('Arvid').id }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMINISTRATOR' });
  });

  it('R-SIGN-1: signing with nothing to sign gives NOTHING_TO_SIGN', async () => {
    const res = await sys.gql(`mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`, { org: ORG.dorotea }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_SIGN' });
  });

  it('a discarded change that no longer exists gives CHANGE_NOT_FOUND', async () => {
    const res = await sys.gql(`mutation($id: ID!) { discardPendingChange(id: $id) { id } }`, { id: '00000000-0000-4000-8000-00000000beef' }, await sys.tokens.of('Arvid'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CHANGE_NOT_FOUND' });
  });

  it('without a token: NOT_SIGNED_IN; with a forged one: TOKEN_INVALID', async () => {
    const none = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput() });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
    const forged = await sys.gql(PROPOSE, { org: ORG.dorotea, input: andreaInput() }, 'eyJhbGciOiJub25lIn0.e30.');
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });
});
