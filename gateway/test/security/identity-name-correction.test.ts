import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { DOROTEA, person } from './actors';
import { poll } from '../support/poll';

/**
 * R-USR-5 through the real gateway and the BankID simulator: the identity row's name comes from
 * the first registration and is corrected from BankID's completion data (givenName, surname) at
 * the person's own log-in, with an audit event; a proposal from another organisation never
 * changes it. Fridolf Halldin is registered by Aratron (demo data).
 */
describe('R-USR-5: the name is corrected from BankID at the person\'s own log-in', () => {
  let sys: System;
  let db: Client;
  const fridolf = person('Fridolf');
  const gql = (q: string, v: Record<string, unknown> = {}, t?: string) => gqlRequest(sys.gatewayUrl, q, v, t);
  const session = async (givenName: string) => (await mintToken(sys.keys.key, { kind: 'person', personId: person(givenName).id, authority: false })).token;
  const events = async () => (await db.query<{ actor: string; organisation_id: string | null; target: string; before: unknown; after: unknown }>(
    `SELECT actor, organisation_id, target, before, after FROM access.outbox_event WHERE action = 'access.person.name_corrected' ORDER BY id`)).rows;
  const nameOnRecord = async () => {
    const res = await gql(`query($id: ID!) { person(id: $id) { givenName surname } }`, { id: fridolf.id }, await session('Albertina'));
    expect(res.errors).toBeUndefined();
    return res.data.person as { givenName: string; surname: string };
  };
  const logIn = async (givenName: string, surname: string) => {
    const started = await gql(`mutation { startLogin { orderRef } }`);
    expect(started.errors).toBeUndefined();
    const ref = started.data.startLogin.orderRef as string;
    await sys.phone(ref, 'complete', { personalNumber: fridolf.personalNumber, givenName, surname });
    const done = await gql(`mutation($r: ID!) { completeLogin(orderRef: $r) { token person { id } } }`, { r: ref });
    expect(done.errors).toBeUndefined();
    expect(done.data.completeLogin.person).toEqual({ id: fridolf.id });
    return { ref, token: done.data.completeLogin.token as string };
  };

  beforeAll(async () => {
    sys = await startSystem({}, { signing: { nameCorrection: true } });
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
  }, 180_000);
  afterAll(async () => { await db?.end(); await sys?.stop(); });

  it('R-USR-5: the same name from BankID changes nothing and writes no event', async () => {
    await logIn('Fridolf', 'Halldin');
    expect(await nameOnRecord()).toEqual({ givenName: 'Fridolf', surname: 'Halldin' });
    expect(await events()).toEqual([]);
  });

  it('R-USR-5: "Fridolf Hallding" from BankID corrects the identity row, with an audit event and no personal number anywhere', async () => {
    const { ref, token } = await logIn('Fridolf', 'Hallding');
    expect(await nameOnRecord()).toEqual({ givenName: 'Fridolf', surname: 'Hallding' });
    const written = await events();
    expect(written).toEqual([{
      actor: `person:${fridolf.id}`, organisation_id: null, target: `person:${fridolf.id}`,
      before: { givenName: 'Fridolf', surname: 'Halldin' }, after: { givenName: 'Fridolf', surname: 'Hallding', source: 'bankid', orderRef: ref },
    }]);
    const digits = fridolf.personalNumber.replace(/\D/g, '');
    for (const text of [JSON.stringify(written), ...token.split('.').slice(0, 2).map((p) => Buffer.from(p, 'base64url').toString('utf8'))]) {
      expect(text).not.toContain(digits);
      expect(text).not.toContain(digits.slice(2));
    }
    // A second log-in with the now-recorded name is a no-op.
    await logIn('Fridolf', 'Hallding');
    expect(await events()).toHaveLength(1);
  });

  it('R-USR-5: another organisation\'s proposal for the same number, signed and applied, does not change the name', async () => {
    const arvid = await session('Arvid');
    const today = stockholmDate();
    const proposed = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { person { personId } } }`, {
      o: DOROTEA,
      i: { personalNumber: fridolf.personalNumber, givenName: 'Fridolf', surname: 'Halldin', email: 'fridolf@dorotea.example', roleCodes: ['READER'], unitIds: [DEMO.units.doroteaUbk.id], validFrom: today, validTo: addDays(today, 30) },
    }, arvid);
    expect(proposed.errors).toBeUndefined();
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: DOROTEA }, arvid);
    expect(signed.errors).toBeUndefined();
    const orderRef = signed.data.signChanges.orderRef as string;
    await sys.phone(orderRef, 'complete', { personalNumber: person('Arvid').personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult } }`, { r: orderRef }, arvid), (r) => !!r.data?.signingOrder?.applyResult && r.data.signingOrder.applyResult !== 'PENDING');
    expect(done.data.signingOrder.applyResult).toBe('APPLIED');
    expect(await nameOnRecord()).toEqual({ givenName: 'Fridolf', surname: 'Hallding' });
    expect(await events()).toHaveLength(1);
  });
});
