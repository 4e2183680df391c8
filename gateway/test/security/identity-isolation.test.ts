import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { ARATRON, DOROTEA, partnerToken, person } from './actors';
import { poll } from '../support/poll';

/**
 * R-USR-5 through the real gateway: the person record no organisation can rewrite, and no look-up
 * oracle by personal number across organisations. Dorotea's administrator (Arvid) attacks Aratron's
 * Fridolf Halldin, as found.
 */

describe('R-USR-5: identity versus membership (findings 1 and 2)', () => {
  let sys: System;
  let arvid: string;
  let fridolf: string;
  let authority: string;
  const target = person('Fridolf');
  const gql = (q: string, v: Record<string, unknown>, t?: string) => gqlRequest(sys.gatewayUrl, q, v, t);
  const session = async (givenName: string, auth = false) => {
    const p = person(givenName);
    return (await mintToken(sys.keys.key, { kind: 'person', personId: p.id, authority: auth })).token;
  };

  beforeAll(async () => {
    sys = await startSystem();
    [arvid, fridolf, authority] = [await session('Arvid'), await session('Fridolf'), await session('Tolvan', true)];
  }, 180_000);
  afterAll(async () => { await sys?.stop(); });

  it('finding 2: personByNumber finds no one outside the caller\'s organisation (administrator and MANAGE_USERS client alike)', async () => {
    const q = `query($o: ID!, $n: String!) { personByNumber(organisationId: $o, personalNumber: $n) { id givenName email } }`;
    const byAdmin = await gql(q, { o: DOROTEA, n: target.personalNumber }, arvid);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.personByNumber).toBeNull();
    const client = await partnerToken(sys, authority, DOROTEA, ['MANAGE_USERS']);
    const byClient = await gql(q, { o: DOROTEA, n: target.personalNumber }, client);
    expect(byClient.data?.personByNumber ?? null).toBeNull();
    // Inside their own organisation the look-up still works, and the authority finds everyone.
    expect((await gql(q, { o: ARATRON, n: target.personalNumber }, fridolf)).data.personByNumber).toMatchObject({ id: target.id });
    expect((await gql(q, { o: DOROTEA, n: target.personalNumber }, authority)).data.personByNumber).toMatchObject({ id: target.id });
  });

  it('finding 1: proposing another organisation\'s person reveals nothing, and signing it changes nothing Aratron sees', async () => {
    const today = stockholmDate();
    const proposed = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { person { personId givenName surname email } } }`, {
      o: DOROTEA,
      i: { personalNumber: target.personalNumber, givenName: 'X', surname: 'Y', email: 'attacker@evil.example', roleCodes: ['READER'], unitIds: [DEMO.units.doroteaUbk.id], validFrom: today, validTo: addDays(today, 30) },
    }, arvid);
    expect(proposed.errors).toBeUndefined();
    // Only what the proposer typed: no id, no name, no e-mail of Fridolf's.
    expect(proposed.data.proposeStaff.person).toEqual({ personId: null, givenName: 'X', surname: 'Y', email: 'attacker@evil.example' });

    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: DOROTEA }, arvid);
    expect(signed.errors).toBeUndefined();
    const orderRef = signed.data.signChanges.orderRef as string;
    await sys.phone(orderRef, 'complete', { personalNumber: person('Arvid').personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult } }`, { r: orderRef }, arvid), (r) => !!r.data?.signingOrder?.applyResult && r.data.signingOrder.applyResult !== 'PENDING');
    expect(done.data.signingOrder.applyResult).toBe('APPLIED');

    // Aratron's staff list (read by his colleague Albertina) still shows Fridolf as Aratron knows him.
    const albertina = await session('Albertina');
    const staff = await gql(`query($o: ID!) { organisation(id: $o) { staff(search: "Halldin") { edges { node { id givenName surname email memberships { organisation { id } email } } } } } }`, { o: ARATRON }, albertina);
    expect(staff.errors).toBeUndefined();
    const node = staff.data.organisation.staff.edges.find((e: { node: { id: string } }) => e.node.id === target.id).node;
    expect(node).toMatchObject({ givenName: 'Fridolf', surname: 'Halldin', email: target.email });
    expect(node.memberships).toEqual([{ organisation: { id: ARATRON }, email: target.email }]);
    // Dorotea sees its own membership's e-mail; the identity row's name is the first registration's.
    const inDorotea = await gql(`query($id: ID!) { person(id: $id) { givenName surname email memberships { organisation { id } email } } }`, { id: target.id }, arvid);
    expect(inDorotea.data.person).toMatchObject({ givenName: 'Fridolf', surname: 'Halldin', email: 'attacker@evil.example', memberships: [{ organisation: { id: DOROTEA }, email: 'attacker@evil.example' }] });
  });
});
