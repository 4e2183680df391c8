import { DEMO } from '@behorig/kit/demo';
import { createLogger } from '@behorig/kit/server';
import { startAccess, person, ORG, UNIT, type AccessSystem } from './support/system';

/**
 * Personal data: a log line never contains a personal number (R-USR-1). The service logs
 * at debug level into a capturing stream while it handles requests that carry numbers in every
 * place one can hide: GraphQL variables (proposeStaff, personByNumber), a URL path (the internal
 * log-in look-up), and a database error message that quotes the caller's input.
 */
/**
 * Any 10- or 12-digit run, with or without a separator — far broader than valid numbers — but
 * not a run inside a hex id: a random request id (uuid) such as `12345678-1234-4…` has an
 * all-digit first and second group, which `\d{8}-\d{4}` alone matched (the test failed at random).
 * So the run may neither touch a hex digit nor continue a hex id through a hyphen on either side
 * (`…a-` before it, `-4…` after it); a real number in a log line is still caught, dashed or not.
 */
const NUMBER_LIKE = /(?<![0-9A-Fa-f]|[0-9A-Fa-f]-)(?:\d{12}|\d{10}|\d{8}[-+]\d{4}|\d{6}[-+]\d{4})(?![0-9A-Fa-f]|-[0-9A-Fa-f])/;
const forms = (pnr: string) => [pnr, pnr.slice(2), `${pnr.slice(2, 8)}-${pnr.slice(8)}`, `${pnr.slice(0, 8)}-${pnr.slice(8)}`];

describe('log redaction', () => {
  let sys: AccessSystem;
  const lines: string[] = [];
  beforeAll(async () => {
    sys = await startAccess({ logger: createLogger('access', 'debug', { write: (s: string) => { lines.push(s); } }) });
  });
  afterAll(async () => { await sys.stop(); });

  it('R-USR-1: requests handling personal numbers log lines, none of which contains a number', async () => {
    const andrea = DEMO.andreaSandin;
    const laban = person('Laban');
    const arvid = await sys.tokens.of('Arvid');
    const dashed = `${andrea.personalNumber.slice(2, 8)}-${andrea.personalNumber.slice(8)}`;
    const input = { personalNumber: dashed, givenName: andrea.givenName, surname: andrea.surname, roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23' };
    const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`;
    expect((await sys.gql(PROPOSE, { org: ORG.dorotea, input }, arvid)).errors).toBeUndefined();
    expect((await sys.gql(PROPOSE, { org: ORG.dorotea, input: { ...input, personalNumber: '19781017-5555' } }, arvid)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const byNumber = await sys.gql(`query($o: ID!, $n: String!) { personByNumber(organisationId: $o, personalNumber: $n) { id personalNumber } }`, { o: ORG.aratron, n: laban.personalNumber }, await sys.tokens.of('Fridolf'));
    expect(byNumber.data.personByNumber.personalNumber).toBe(laban.personalNumber);
    const internal = async (pnr: string) => fetch(`${sys.base}/internal/people/by-personal-number/${pnr}`, { headers: await sys.fromSigning() });
    expect((await internal(laban.personalNumber)).status).toBe(200);
    expect((await internal(andrea.personalNumber)).status).toBe(404);
    expect((await internal('19781017-5555')).status).toBe(400);
    // A number where an id belongs is refused before any SQL (kit's argument guard), and neither the
    // answer nor the log repeats it.
    const broken = await sys.gql(`query($id: ID!) { person(id: $id) { id } }`, { id: laban.personalNumber }, await sys.tokens.authority());
    expect(broken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_ID', field: 'id' });
    expect(JSON.stringify(broken.errors)).not.toContain(laban.personalNumber);

    const parsed = lines.map((l) => JSON.parse(l) as { level: number; msg: string; path?: string });
    expect(parsed.filter((l) => l.msg === 'request').length).toBeGreaterThanOrEqual(7);
    expect(lines.some((l) => l.includes('/internal/people/by-personal-number/[redacted]'))).toBe(true); // the path, redacted
    for (const line of lines) {
      expect(line).not.toMatch(NUMBER_LIKE);
      for (const pnr of [andrea.personalNumber, laban.personalNumber, '197810175555']) for (const f of forms(pnr)) expect(line).not.toContain(f);
    }
  });
});
