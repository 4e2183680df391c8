import { Client } from 'pg';
import { createLogger } from '@behorig/kit/server';
import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';
import { poll as pollUntil } from './support/poll';

/**
 * Personal numbers never where they need not be: after a full run through the gateway — log-ins
 * (one refused), a proposal with a new person's number, a BankID signature, the apply and the
 * audit log — no text column of any schema and no log line of any service holds a personal
 * number the run used, in any of its usual forms, and neither does the session token's payload.
 * Access and signing keep them sealed (AES-GCM) with a keyed hash for look-ups; receipts carry a
 * salted hash; tokens name the person by id.
 */
const arvid = DEMO.people.find((p) => p.givenName === 'Arvid')!;
const andrea = DEMO.andreaSandin;
const dorotea = DEMO.organisations.dorotea.id;
const ubk = DEMO.units.doroteaUbk.id;
const stranger = `19850101123${luhnCheckDigit('850101123')}`;
const forms = (pnr: string) => [pnr, pnr.slice(2), `${pnr.slice(0, 8)}-${pnr.slice(8)}`, `${pnr.slice(2, 8)}-${pnr.slice(8)}`];
const NUMBERS = [arvid.personalNumber, andrea.personalNumber, stranger];


const poll = <T>(fn: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000) => pollUntil(fn, done, timeoutMs, 200);

describe('personal numbers at rest and in logs', () => {
  let sys: System;
  const lines: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
  let gql: (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;
  beforeAll(async () => {
    const sink = { write: (line: string) => { lines.push(line); } };
    sys = await startSystem({}, { logger: (service) => createLogger(service, 'debug', sink) });
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
  });
  afterAll(async () => { await sys.stop(); });

  async function login(pnr: string) {
    const started = await gql(`mutation { startLogin { orderRef } }`);
    await sys.phone(started.data.startLogin.orderRef, 'complete', { personalNumber: pnr });
    return gql(`mutation($r: ID!) { completeLogin(orderRef: $r) { token } }`, { r: started.data.startLogin.orderRef });
  }

  it('a full run leaves no personal number in any text column of any schema, nor in any log line', async () => {
    expect((await login(stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const session = await login(arvid.personalNumber);
    expect(session.errors).toBeUndefined();
    const token = session.data.completeLogin.token as string;
    // The session token is readable by anyone who holds it (base64url JSON): no number in any claim.
    const claims = token.split('.').slice(0, 2).map((part) => Buffer.from(part, 'base64url').toString('utf8')).join('\n');
    expect(claims).toContain(arvid.id);
    expect(NUMBERS.flatMap(forms).filter((f) => claims.includes(f))).toEqual([]);
    const proposed = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
      o: dorotea, i: { personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname, roleCodes: ['SERVICE_ADMIN'], unitIds: [ubk], validFrom: '2026-11-23', validTo: '2027-06-30' },
    }, token);
    expect(proposed.errors).toBeUndefined();
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: dorotea }, token);
    expect(signed.errors).toBeUndefined();
    await sys.phone(signed.data.signChanges.orderRef, 'complete', { personalNumber: arvid.personalNumber });
    // Nobody polls: the signing service collects the order itself (R-SIGN-7).
    const q = `query($o: ID!) { organisation(id: $o) { staff(search: "Sandin") { totalCount } } }`;
    const staff = await poll(() => gql(q, { o: dorotea }, token), (r) => r.data?.organisation?.staff?.totalCount === 1);
    expect(staff.data.organisation.staff.totalCount).toBe(1);
    // Searching by a number and reading the log are part of a run too.
    await gql(`query($o: ID!, $s: String) { organisation(id: $o) { staff(search: $s) { totalCount } auditLog(first: 20) { totalCount } } }`, { o: dorotea, s: andrea.personalNumber }, token);

    const db = new Client({ connectionString: sys.db.url });
    await db.connect();
    const found: string[] = [];
    try {
      // The control: a number planted in a column of its own is found, so the scan below is real.
      await db.query(`CREATE TABLE public.scan_control (note jsonb)`);
      await db.query(`INSERT INTO public.scan_control VALUES ($1)`, [JSON.stringify({ who: `${andrea.personalNumber.slice(2, 8)}-${andrea.personalNumber.slice(8)}` })]);
      const columns = (await db.query<{ table_schema: string; table_name: string; column_name: string }>(
        `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
          WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`)).rows;
      expect(columns.length).toBeGreaterThan(50);
      const patterns = NUMBERS.flatMap(forms);
      for (const c of columns) {
        const col = `"${c.table_schema}"."${c.table_name}"."${c.column_name}"`;
        const hits = await db.query(`SELECT 1 FROM "${c.table_schema}"."${c.table_name}" WHERE "${c.column_name}"::text LIKE ANY($1) LIMIT 1`, [patterns.map((p) => `%${p}%`)]);
        if (hits.rowCount) found.push(col);
      }
      await db.query(`DROP TABLE public.scan_control`);
    } finally {
      await db.end();
    }
    expect(found).toEqual(['"public"."scan_control"."note"']);

    expect(lines.length).toBeGreaterThan(10);
    const leaking = lines.filter((l) => NUMBERS.flatMap(forms).some((f) => l.includes(f)));
    expect(leaking).toEqual([]);
  });
});
