import { DEMO } from '@behorig/kit/demo';
import { startAccess, ORG, UNIT, type AccessSystem } from './support/system';

/** R-SIGN-7: a signing that ends unsigned, or is overtaken by an edit, returns the set to DRAFT with an audit event. */
const PROPOSE = `mutation($org: ID!, $input: StaffInput!) { proposeStaff(organisationId: $org, input: $input) { id } }`;
const CHANGES = `query($org: ID!) { _entities(representations: [{ __typename: "Organisation", id: $org }]) { ... on Organisation {
  changesToSign { id status digest changes { id } } } } }`;
const SIGN = `mutation($org: ID!) { signChanges(organisationId: $org) { orderRef } }`;
const andrea = DEMO.andreaSandin;
const input = (over: Record<string, unknown> = {}) => ({
  personalNumber: andrea.personalNumber, givenName: andrea.givenName, surname: andrea.surname,
  roleCodes: ['SERVICE_ADMIN'], unitIds: [UNIT.doroteaUbk], validFrom: '2026-11-23', validTo: '2027-12-31', ...over,
});

describe('R-SIGN-7: back to draft', () => {
  let sys: AccessSystem;
  beforeAll(async () => { sys = await startAccess(); });
  afterAll(async () => { await sys.stop(); });
  const changes = async () => (await sys.gql(CHANGES, { org: ORG.dorotea }, await sys.tokens.of('Arvid'))).data._entities[0].changesToSign;
  const ended = async (id: string, body: unknown, from: 'signing' | 'organisations' = 'signing') => fetch(`${sys.base}/internal/change-sets/${id}/signing-ended`, {
    method: 'POST', headers: await sys.serviceKeys.credentials(from).headers('access'), body: JSON.stringify(body),
  });
  const events = (reason: string) => sys.sql<{ after: Record<string, unknown> }>(`SELECT after FROM access.outbox_event WHERE action = 'access.changes.signing_failed' AND after->>'reason' = ?`, [reason]);

  it('R-SIGN-7: signing reports an order that expired: the set is DRAFT again with every change, and the event names the reason', async () => {
    const arvid = await sys.tokens.of('Arvid');
    expect((await sys.gql(PROPOSE, { org: ORG.dorotea, input: input() }, arvid)).errors).toBeUndefined();
    const signed = await sys.gql(SIGN, { org: ORG.dorotea }, arvid);
    const orderRef = signed.data.signChanges.orderRef as string;
    const set = await changes();
    expect(set.status).toBe('SIGNING');

    expect((await ended(set.id, { orderRef, digest: set.digest, reason: 'expiredTransaction' }, 'organisations')).status).toBe(401);
    expect((await ended(set.id, { orderRef, digest: set.digest, reason: 'not a reason!' })).status).toBe(400);
    // A report about an older order (other digest) changes nothing.
    expect(await (await ended(set.id, { orderRef, digest: 'f'.repeat(64), reason: 'expiredTransaction' })).json()).toEqual({ returnedToDraft: false });
    expect((await changes()).status).toBe('SIGNING');

    expect(await (await ended(set.id, { orderRef, digest: set.digest, reason: 'expiredTransaction' })).json()).toEqual({ returnedToDraft: true });
    expect(await changes()).toMatchObject({ id: set.id, status: 'DRAFT', changes: [{ id: set.changes[0].id }] });
    expect((await events('expiredTransaction')).map((e) => e.after)).toEqual([{ changeSetId: set.id, digest: set.digest, orderRef, reason: 'expiredTransaction' }]);
    // Reported twice (at least once delivery): still one event.
    await ended(set.id, { orderRef, digest: set.digest, reason: 'expiredTransaction' });
    expect(await events('expiredTransaction')).toHaveLength(1);
    // And it can be signed again.
    expect((await sys.gql(SIGN, { org: ORG.dorotea }, arvid)).errors).toBeUndefined();
  });

  it('R-SIGN-7: editing a change of a set being signed cancels its BankID order, returns it to DRAFT and says why', async () => {
    const arvid = await sys.tokens.of('Arvid');
    const set = await changes();
    expect(set.status).toBe('SIGNING');
    const orderRef = (await sys.sql<{ order_ref: string }>(`SELECT order_ref FROM access.change_set WHERE id = ?`, [set.id]))[0].order_ref;
    expect(orderRef).toEqual(expect.any(String));
    expect((await sys.gql(PROPOSE, { org: ORG.dorotea, input: input({ validTo: '2027-06-30' }) }, arvid)).errors).toBeUndefined();
    expect(sys.signing.cancelled).toContain(orderRef);
    expect((await changes()).status).toBe('DRAFT');
    expect((await events('CHANGES_EDITED')).map((e) => e.after)).toEqual([{ changeSetId: set.id, digest: set.digest, orderRef, reason: 'CHANGES_EDITED' }]);

    // Discarding during signing does the same.
    expect((await sys.gql(SIGN, { org: ORG.dorotea }, arvid)).errors).toBeUndefined();
    const again = await changes();
    const ref2 = (await sys.sql<{ order_ref: string }>(`SELECT order_ref FROM access.change_set WHERE id = ?`, [again.id]))[0].order_ref;
    expect((await sys.gql(`mutation($id: ID!) { discardPendingChange(id: $id) { status } }`, { id: again.changes[0].id }, arvid)).errors).toBeUndefined();
    expect(sys.signing.cancelled).toContain(ref2);
    expect(await events('CHANGES_EDITED')).toHaveLength(2);
  });
});
