import { DEMO } from '@behorig/kit/demo';
import { stockholmDate } from '@behorig/kit/dates';
import { decisionKey } from '@behorig/kit/permissions';
import { gqlRequest } from '@behorig/kit/testing';
import { startSystem, type System } from './support/system';
import { poll } from './support/poll';

/**
 * R-SCOPE-4 at the signing subgraph: signing keeps access's decisions in its per-process cache
 * (kit PermissionClient + decision cache, as organisations does). Beda, a permission administrator
 * of Aratron, reads its audit log, so signing has cached "Beda may read it". Fridolf removes her
 * and signs the removal with BankID; once access has applied it, the very next request to signing
 * is refused: the applying transaction's NOTIFY emptied signing's cache at COMMIT.
 */
const beda = DEMO.people.find((p) => p.givenName === 'Beda')!;
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;
const aratron = DEMO.organisations.aratron.id;
const LOG = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { auditLog(first: 1) { totalCount } } } }`;
const CHECK = `query($p: ID!, $o: ID!) { checkAccess(personId: $p, organisationId: $o, function: "MANAGE_USERS", access: READ) { allowed } }`;

describe('signing\'s decision cache and a signed change (R-SCOPE-4)', () => {
  let sys: System;
  beforeAll(async () => { sys = await startSystem(); }, 180_000);
  afterAll(async () => { await sys?.stop(); });

  it('R-SCOPE-4: after a signed removal is applied, the very next audit-log request to signing is refused, though it had cached "allowed"', async () => {
    const bedaToken = await sys.keys.token({ personId: beda.id });
    const fridolfToken = await sys.keys.token({ personId: fridolf.id });
    const cache = sys.services.signing.decisionCache!;
    expect(cache.live).toBe(true);
    const readLog = async () => {
      const res = await gqlRequest(sys.urls.signing, LOG, { r: [{ __typename: 'Organisation', id: aratron }] }, bedaToken);
      return res.errors?.[0]?.extensions?.code ?? 'OK';
    };
    expect(await readLog()).toBe('OK');
    expect(await readLog()).toBe('OK');
    const key = decisionKey(`person:${beda.id}`, aratron, 'MANAGE_USERS', 'READ', stockholmDate());
    expect(cache.get(key)).toBe(true);

    const removal = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!, $p: ID!) { proposeStaffRemoval(organisationId: $o, personId: $p) { id } }`, { o: aratron, p: beda.id }, fridolfToken);
    expect(removal.errors).toBeUndefined();
    const signing = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: aratron }, fridolfToken);
    expect(signing.errors).toBeUndefined();
    await sys.phone(signing.data.signChanges.orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    // Applied when access says so (access answers from its index, never from a cache).
    expect(await poll(async () => (await gqlRequest(sys.urls.access, CHECK, { p: beda.id, o: aratron }, fridolfToken)).data?.checkAccess?.allowed, (v) => v === false, 30_000)).toBe(false);

    // The very next request to signing: refused at once.
    expect(await readLog()).toBe('FORBIDDEN');
    expect(cache.get(key)).toBe(false);
  }, 180_000);
});
