import { DEMO } from '@behorig/kit/demo';
import { stockholmDate } from '@behorig/kit/dates';
import { decisionKey } from '@behorig/kit/permissions';
import { gqlRequest } from '@behorig/kit/testing';
import { buildServer as buildOrganisations } from '@behorig/organisations/src/server';
import { startSystem, type System } from './support/system';
import { poll } from './support/poll';

/**
 * R-SCOPE-4 across replicas: two organisations replicas keep access's decisions in their
 * per-process caches (kit PermissionClient + decision cache). Both have cached "Agda may not add
 * contact persons to Aratron"; Fridolf proposes SERVICE_ADMIN for her and signs it with BankID; as
 * soon as access has applied the signed change, the very next request to EITHER replica sees it —
 * no waiting, no second try: the applying transaction's NOTIFY emptied both caches at COMMIT.
 */
const agda = DEMO.people.find((p) => p.givenName === 'Agda')!;
const fridolf = DEMO.people.find((p) => p.givenName === 'Fridolf')!;
const aratron = DEMO.organisations.aratron.id;
const stod = DEMO.units.aratronStod.id;
// CONTACT_PERSON UPDATE (R-ROLE-2): Agda's READER role reads contact details but may not add a contact person.
const CONTACTS = `mutation($o: ID!) { createContactPerson(organisationId: $o, input: { givenName: "Kontakt", surname: "Persson" }) { id } }`;
const CHECK = `query($p: ID!, $o: ID!) { checkAccess(personId: $p, organisationId: $o, function: "CONTACT_PERSON", access: UPDATE) { allowed reason } }`;

describe('decision caches on two replicas (R-SCOPE-4)', () => {
  let sys: System;
  let second: Awaited<ReturnType<typeof buildOrganisations>>;
  let replicas: string[];
  beforeAll(async () => {
    sys = await startSystem();
    second = await buildOrganisations({ databaseUrl: sys.db.url, verify: sys.keys.verify, demoData: false, accessUrl: sys.urls.access });
    replicas = [sys.urls.organisations, `${await second.listen(0, '127.0.0.1')}/graphql`];
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await sys?.stop();
  });

  const contactsOn = async (url: string, token: string) => {
    const res = await gqlRequest(url, CONTACTS, { o: aratron }, token);
    return res.errors?.[0]?.extensions?.code ?? 'OK';
  };

  it('R-SCOPE-4: a signed change shows in the very next request to either replica, though both had cached the old answer', async () => {
    const agdaToken = await sys.keys.token({ personId: agda.id });
    const fridolfToken = await sys.keys.token({ personId: fridolf.id });
    expect(sys.services.organisations.decisionCache?.live).toBe(true);
    expect(second.decisionCache?.live).toBe(true);
    // Both replicas ask access once and keep the answer: no.
    for (const url of replicas) {
      expect(await contactsOn(url, agdaToken)).toBe('FORBIDDEN');
      expect(await contactsOn(url, agdaToken)).toBe('FORBIDDEN');
    }
    const today = stockholmDate();
    const key = decisionKey(`person:${agda.id}`, aratron, 'CONTACT_PERSON', 'UPDATE', today);
    const caches = [sys.services.organisations.decisionCache!, second.decisionCache!];
    expect(caches.map((c) => c.get(key))).toEqual([false, false]);

    const proposed = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!, $p: ID!, $input: StaffChangeInput!) { proposeStaffChange(organisationId: $o, personId: $p, input: $input) { id } }`,
      { o: aratron, p: agda.id, input: { roleCodes: ['READER', 'SERVICE_ADMIN'], unitIds: [stod], validFrom: today, validTo: '2027-12-31' } }, fridolfToken);
    expect(proposed.errors).toBeUndefined();
    const signing = await gqlRequest(sys.gatewayUrl, `mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: aratron }, fridolfToken);
    expect(signing.errors).toBeUndefined();
    await sys.phone(signing.data.signChanges.orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    // Applied when access says so (access answers from its index, never from a cache).
    expect(await poll(async () => (await gqlRequest(sys.urls.access, CHECK, { p: agda.id, o: aratron }, fridolfToken)).data?.checkAccess?.allowed, (v) => v === true, 20_000)).toBe(true);

    // The very next request to each replica: allowed at once.
    expect(await contactsOn(replicas[1], agdaToken)).toBe('OK');
    expect(await contactsOn(replicas[0], agdaToken)).toBe('OK');
    expect(caches.map((c) => c.get(key))).toEqual([true, true]);
  }, 120_000);

  it('R-SCOPE-4: a replica that loses its LISTEN connection stops serving cached decisions until it is back', async () => {
    const agdaToken = await sys.keys.token({ personId: agda.id });
    expect(await contactsOn(replicas[1], agdaToken)).toBe('OK');
    second.decisionCache!.dropConnection();
    expect(second.decisionCache!.live).toBe(false);
    expect(await contactsOn(replicas[1], agdaToken)).toBe('OK'); // asked access afresh
    expect(await poll(async () => second.decisionCache!.live, (v) => v, 10_000)).toBe(true);
  }, 60_000);
});
