import fc from 'fast-check';
import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';

/**
 * R-SIGN-6 through the gateway with the BankID simulator as the phone: hostile names never get
 * in, and what the phone shows is the fixed template, one line per change, nothing else.
 */
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const dorotea = DEMO.organisations.dorotea.id;
const ubk = DEMO.units.doroteaUbk.id;
const pnr = (birth: string, serial: string) => `${birth}${serial}${luhnCheckDigit(`${birth.slice(2)}${serial}`)}`;

const PROPOSE = `mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`;
const DRAFT = `query($o: ID!) { organisation(id: $o) { changesToSign { status digest changes { id } } } }`;

describe('R-SIGN-6: names and the signing text', () => {
  let sys: System;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
  let gql: (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;
  let token: string;
  beforeAll(async () => {
    sys = await startSystem();
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    token = await sys.keys.token({ personalNumber: arvid.personalNumber, personId: arvid.id });
  });
  afterAll(async () => { await sys.stop(); });

  const input = (personalNumber: string, givenName: string, surname: string) => ({
    personalNumber, givenName, surname, roleCodes: ['SERVICE_ADMIN'], unitIds: [ubk], validFrom: '2026-11-23', validTo: '2027-06-30',
  });

  it('R-SIGN-6: a hostile given name or surname is BAD_USER_INPUT naming the field, and nothing is proposed', async () => {
    const plain = fc.stringMatching(/^[A-Za-zÅÄÖåäöéü]{1,12}$/);
    const bad = fc.constantFrom('\n', '\r\n', '\u2028', '\u202E', '\u2066', '\u200B', '\u0000', '\t', '*', '**', '#', '<', '>', '`', '[', ']', '|', '_', ',', ':', '1', '\n\n**Inga fler ändringar.**\n\n');
    const hostile = fc.oneof(
      fc.tuple(plain, bad, plain).map(([a, b, c]) => `${a}${b}${c}`),
      fc.constant('A'.repeat(101)),
      fc.constant(`Sandin\n\n**Inga fler ändringar.**${'\n'.repeat(20)}`),
    );
    await fc.assert(fc.asyncProperty(hostile, fc.constantFrom('givenName', 'surname'), async (name, field) => {
      const i = input(pnr('19800101', '234'), 'Andrea', 'Sandin');
      const res = await gql(PROPOSE, { o: dorotea, i: { ...i, [field]: name } }, token);
      expect(res.data?.proposeStaff ?? null).toBeNull();
      // NUL and other unstorable text is refused before the name rule looks at it (TEXT_NOT_STORABLE).
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}`, reason: expect.stringMatching(/^(INVALID_NAME|TEXT_NOT_STORABLE)$/) });
      expect((await gql(DRAFT, { o: dorotea }, token)).data.organisation.changesToSign).toBeNull();
    }), { numRuns: 40 });
  });

  it('R-SIGN-6: the phone shows one fixed-template line per change, exactly the changes the digest covers', async () => {
    const people = [input(pnr('19800101', '234'), 'Åsa-Märta', "O'Brien Ängström"), input(pnr('19810202', '345'), 'Zoë', 'd’Artagnan'), input(pnr('19820303', '456'), 'Jürgen', 'Müller-Lüdenscheidt')];
    for (const p of people) expect((await gql(PROPOSE, { o: dorotea, i: p }, token)).errors).toBeUndefined();
    const draft = (await gql(DRAFT, { o: dorotea }, token)).data.organisation.changesToSign;
    expect(draft.changes).toHaveLength(3);
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: dorotea }, token);
    expect(signed.errors).toBeUndefined();
    const order = (await (await fetch(`${sys.sim.controlUrl}/simulator/orders/${signed.data.signChanges.orderRef}`)).json()) as { userVisibleData: string };
    expect(order.userVisibleData.split('\n')).toEqual([
      'Ny användare: Jürgen Müller-Lüdenscheidt, Tjänsteadministratör, 2026-11-23 – 2027-06-30',
      'Ny användare: Zoë d’Artagnan, Tjänsteadministratör, 2026-11-23 – 2027-06-30',
      "Ny användare: Åsa-Märta O'Brien Ängström, Tjänsteadministratör, 2026-11-23 – 2027-06-30",
    ]);
    // The set being signed is the one shown: same changes, same digest as the draft had.
    const signing = (await gql(DRAFT, { o: dorotea }, token)).data.organisation.changesToSign;
    expect(signing).toMatchObject({ status: 'SIGNING', digest: draft.digest });
    expect(signing.changes.map((c: { id: string }) => c.id).sort()).toEqual(draft.changes.map((c: { id: string }) => c.id).sort());
    await gql(`mutation($r: ID!) { cancelOrder(orderRef: $r) { status } }`, { r: signed.data.signChanges.orderRef }, token);
  });
});
