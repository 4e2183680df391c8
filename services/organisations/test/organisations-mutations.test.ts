import { DEMO, DEMO_ORGANISATION_DETAILS } from '@behorig/kit/demo';
import { gqlRequest } from '@behorig/kit/testing';
import { ORG, PEOPLE, startOrganisations, type Org, type Who } from './support';

/**
 * Every mutation: refused FORBIDDEN for an actor without the function (a reader) and for one
 * from another organisation, refused with BAD_USER_INPUT (or the refusal that fits a mutation
 * without free input) leaving every watched table and the outbox unchanged, and the happy path
 * with the audit event it writes in the same transaction (R-AUDIT-1).
 */
let org: Org;
beforeAll(async () => { org = await startOrganisations(); });
afterAll(async () => { await org.stop(); });

const UBK = DEMO.units.doroteaUbk.id;
const ARVID_CONTACT = DEMO_ORGANISATION_DETAILS.contactPersons[0].id;
const DOROTEA_BANKGIRO = DEMO_ORGANISATION_DETAILS.paymentAccounts[0].id;

/** Fixtures inserted directly, once, so each spec's happy path has its own rows to work on. */
const fixture = (() => {
  const memo = new Map<string, Promise<string>>();
  const once = (key: string, make: () => Promise<string>) => { if (!memo.has(key)) memo.set(key, make()); return memo.get(key)!; };
  return {
    /** A Dorotea unit with exactly one address. */
    singleAddressUnit: () => once('unit', async () => {
      const id = '00000000-0000-4000-9000-000000000001';
      await org.sql(`INSERT INTO organisations.unit (id, organisation_id, service_code, name) VALUES (?, ?, 'RUSTA_OCH_MATCHA', 'Dorotea Rusta')`, [id, ORG.dorotea]);
      await org.sql(`INSERT INTO organisations.address (id, unit_id, street, postal_code, city) VALUES (?, ?, 'Skolgatan 3', '917 31', 'Dorotea')`, ['00000000-0000-4000-9001-000000000001', id]);
      return id;
    }),
    extraAddress: () => once('address', async () => {
      const id = '00000000-0000-4000-9001-000000000002';
      await org.sql(`INSERT INTO organisations.address (id, unit_id, street, postal_code, city) VALUES (?, ?, 'Torget 1', '917 31', 'Dorotea')`, [id, UBK]);
      return id;
    }),
    contact: () => once('contact', async () => {
      const id = '00000000-0000-4000-9002-000000000001';
      await org.sql(`INSERT INTO organisations.contact_person (id, organisation_id, given_name, surname, updated_by) VALUES (?, ?, 'Tillfällig', 'Kontakt', 'test')`, [id, ORG.dorotea]);
      return id;
    }),
    account: (n: number) => once(`account${n}`, async () => {
      const id = `00000000-0000-4000-9003-00000000000${n}`;
      const number = ['5050-1055', '900122-3', '41234-6'][n - 1];
      await org.sql(`INSERT INTO organisations.payment_account (id, organisation_id, type, number, updated_by) VALUES (?, ?, ?, ?, 'test')`, [id, ORG.dorotea, n === 1 ? 'BANKGIRO' : 'PLUSGIRO', number]);
      return id;
    }),
  };
})();

interface Spec {
  name: string;
  doc: string;
  allowed: Who;
  missingRole: Who;
  otherOrg: Who;
  tables: string[];
  ok: () => Promise<Record<string, unknown>>;
  refused: () => Promise<{ vars: Record<string, unknown>; code: string; field?: string; message?: RegExp }>;
  check: (data: any) => Promise<void> | void;
  audit: (data: any) => { action: string; organisationId: string | null; target: string; before?: object; after?: object };
}

const specs: Spec[] = [
  {
    name: 'createOrganisation', allowed: 'authority', missingRole: 'arvid', otherOrg: 'fridolf', tables: ['organisation'],
    doc: `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id orgNumber name kind postalAddress phone website } }`,
    ok: async () => ({ i: { orgNumber: '5560360793', name: 'Testbolaget AB', kind: 'SUPPLIER', postalAddress: '111 22 Stockholm', phone: '08-100 200', website: 'www.testbolaget.se' } }),
    refused: async () => ({ vars: { i: { orgNumber: '556036-0794', name: 'Testbolaget AB', kind: 'SUPPLIER' } }, code: 'BAD_USER_INPUT', field: 'orgNumber', message: /check digit should be 3/ }),
    check: (d) => expect(d).toMatchObject({ orgNumber: '556036-0793', name: 'Testbolaget AB', kind: 'SUPPLIER', postalAddress: '111 22 Stockholm' }),
    audit: (d) => ({ action: 'organisation.created', organisationId: d.id, target: `Organisation:${d.id}`, after: { orgNumber: '556036-0793', name: 'Testbolaget AB', kind: 'SUPPLIER' } }),
  },
  {
    name: 'changeOrganisation', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['organisation'],
    doc: `mutation($id: ID!, $i: ChangeOrganisationInput!) { changeOrganisation(id: $id, input: $i) { id name phone fax } }`,
    ok: async () => ({ id: ORG.dorotea, i: { phone: '0942-140 00', fax: null } }),
    refused: async () => ({ vars: { id: ORG.dorotea, i: { phone: 'ring oss' } }, code: 'BAD_USER_INPUT', field: 'phone' }),
    check: (d) => expect(d).toEqual({ id: ORG.dorotea, name: 'Dorotea kommun', phone: '0942-140 00', fax: null }),
    audit: () => ({ action: 'organisation.changed', organisationId: ORG.dorotea, target: `Organisation:${ORG.dorotea}`, before: { phone: '0942-14000', fax: '0942-10081' }, after: { phone: '0942-140 00', fax: null } }),
  },
  {
    name: 'createService', allowed: 'authority', missingRole: 'arvid', otherOrg: 'fridolf', tables: ['service'],
    doc: `mutation($i: CreateServiceInput!) { createService(input: $i) { code name } }`,
    ok: async () => ({ i: { code: 'STOD_OCH_MATCHNING', name: 'Stöd och matchning' } }),
    refused: async () => ({ vars: { i: { code: 'stöd och matchning', name: 'Stöd och matchning' } }, code: 'BAD_USER_INPUT', field: 'code' }),
    check: (d) => expect(d).toEqual({ code: 'STOD_OCH_MATCHNING', name: 'Stöd och matchning' }),
    audit: () => ({ action: 'service.created', organisationId: null, target: 'Service:STOD_OCH_MATCHNING', after: { code: 'STOD_OCH_MATCHNING', name: 'Stöd och matchning' } }),
  },
  {
    name: 'changeService', allowed: 'authority', missingRole: 'arvid', otherOrg: 'fridolf', tables: ['service'],
    doc: `mutation($code: ID!, $name: String!) { changeService(code: $code, name: $name) { code name } }`,
    ok: async () => ({ code: 'KOMVUX', name: 'Kommunal vuxenutbildning' }),
    refused: async () => ({ vars: { code: 'KOMVUX', name: '   ' }, code: 'BAD_USER_INPUT', field: 'name' }),
    check: (d) => expect(d).toEqual({ code: 'KOMVUX', name: 'Kommunal vuxenutbildning' }),
    audit: () => ({ action: 'service.changed', organisationId: null, target: 'Service:KOMVUX', before: { name: 'Komvux' }, after: { name: 'Kommunal vuxenutbildning' } }),
  },
  {
    name: 'createUnit', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['unit', 'address', 'unit_school_form'],
    doc: `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id name closed organisation { name } service { code } addresses { street postalCode city } schoolForms { code } } }`,
    ok: async () => ({ i: { organisationId: ORG.dorotea, serviceCode: 'KOMVUX', name: 'Dorotea lärcentrum', addresses: [{ street: 'Storgatan 1', postalCode: '91731', city: 'Dorotea' }], schoolFormCodes: ['SFI', 'KOMVUX_GRUNDLAGGANDE'] } }),
    refused: async () => ({ vars: { i: { organisationId: ORG.dorotea, serviceCode: 'KOMVUX', name: 'Dorotea lärcentrum', addresses: [{ street: 'Storgatan 1', postalCode: '9173', city: 'Dorotea' }] } }, code: 'BAD_USER_INPUT', field: 'addresses.0.postalCode' }),
    check: (d) => expect(d).toMatchObject({ name: 'Dorotea lärcentrum', closed: false, organisation: { name: 'Dorotea kommun' }, service: { code: 'KOMVUX' }, addresses: [{ street: 'Storgatan 1', postalCode: '917 31', city: 'Dorotea' }], schoolForms: [{ code: 'KOMVUX_GRUNDLAGGANDE' }, { code: 'SFI' }] }),
    audit: (d) => ({ action: 'unit.created', organisationId: ORG.dorotea, target: `Unit:${d.id}`, after: { name: 'Dorotea lärcentrum', serviceCode: 'KOMVUX', schoolForms: ['SFI', 'KOMVUX_GRUNDLAGGANDE'] } }),
  },
  {
    name: 'renameUnit', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['unit'],
    doc: `mutation($id: ID!, $name: String!) { renameUnit(id: $id, name: $name) { id name } }`,
    ok: async () => ({ id: UBK, name: 'Dorotea UBK Centrum' }),
    refused: async () => ({ vars: { id: UBK, name: ' ' }, code: 'BAD_USER_INPUT', field: 'name' }),
    check: (d) => expect(d).toEqual({ id: UBK, name: 'Dorotea UBK Centrum' }),
    audit: () => ({ action: 'unit.renamed', organisationId: ORG.dorotea, target: `Unit:${UBK}`, before: { name: 'Dorotea UBK' }, after: { name: 'Dorotea UBK Centrum' } }),
  },
  {
    name: 'addAddress', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['address'],
    doc: `mutation($id: ID!, $i: AddressInput!) { addAddress(unitId: $id, input: $i) { id street postalCode city } }`,
    ok: async () => ({ id: UBK, i: { street: 'Köpmangatan 2', postalCode: '917 32', city: 'Dorotea' } }),
    refused: async () => ({ vars: { id: UBK, i: { street: 'Köpmangatan 2', postalCode: '017 32', city: 'Dorotea' } }, code: 'BAD_USER_INPUT', field: 'postalCode' }),
    check: (d) => expect(d).toMatchObject({ street: 'Köpmangatan 2', postalCode: '917 32', city: 'Dorotea' }),
    audit: (d) => ({ action: 'unit.address_added', organisationId: ORG.dorotea, target: `Unit:${UBK}`, after: { id: d.id, street: 'Köpmangatan 2', postalCode: '917 32' } }),
  },
  {
    name: 'removeAddress', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['address'],
    doc: `mutation($id: ID!) { removeAddress(id: $id) { id addresses { id } } }`,
    ok: async () => ({ id: await fixture.extraAddress() }),
    // R-ORG-3: a unit keeps one or more addresses.
    refused: async () => { await fixture.singleAddressUnit(); return { vars: { id: '00000000-0000-4000-9001-000000000001' }, code: 'BAD_USER_INPUT', field: 'id', message: /only address/ }; },
    check: async (d) => { expect(d.id).toBe(UBK); expect(d.addresses.map((a: { id: string }) => a.id)).not.toContain(await fixture.extraAddress()); },
    audit: () => ({ action: 'unit.address_removed', organisationId: ORG.dorotea, target: `Unit:${UBK}`, before: { street: 'Torget 1' } }),
  },
  {
    name: 'closeUnit', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['unit'],
    doc: `mutation($id: ID!) { closeUnit(id: $id) { id closed closedAt } }`,
    ok: async () => ({ id: await fixture.singleAddressUnit() }),
    // Closing twice is a CONFLICT: the first closing date stays.
    refused: async () => {
      const id = '00000000-0000-4000-9000-000000000002';
      await org.sql(`INSERT INTO organisations.unit (id, organisation_id, service_code, name, closed_at) VALUES (?, ?, 'KOMVUX', 'Stängd enhet', '2020-01-01') ON CONFLICT DO NOTHING`, [id, ORG.dorotea]);
      return { vars: { id }, code: 'CONFLICT' };
    },
    check: (d) => { expect(d.closed).toBe(true); expect(Date.now() - new Date(d.closedAt).getTime()).toBeLessThan(60_000); },
    audit: (d) => ({ action: 'unit.closed', organisationId: ORG.dorotea, target: `Unit:${d.id}`, before: { closed: false }, after: { closed: true } }),
  },
  {
    name: 'createContactPerson', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['contact_person'],
    doc: `mutation($org: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $org, input: $i) { id givenName surname email phone1 phone2 adminContact updatedBy organisation { id } } }`,
    ok: async () => ({ org: ORG.dorotea, i: { givenName: 'Andrea', surname: 'Sandin', email: 'andrea.sandin@dorotea.se', phone1: '0942-140 10' } }),
    refused: async () => ({ vars: { org: ORG.dorotea, i: { givenName: 'Andrea', surname: 'Sandin', email: 'andrea@' } }, code: 'BAD_USER_INPUT', field: 'email' }),
    check: (d) => expect(d).toMatchObject({ givenName: 'Andrea', surname: 'Sandin', email: 'andrea.sandin@dorotea.se', phone1: '0942-140 10', phone2: null, adminContact: false, organisation: { id: ORG.dorotea }, updatedBy: `person:${PEOPLE.arvid.personId}` }),
    audit: (d) => ({ action: 'contact_person.created', organisationId: ORG.dorotea, target: `ContactPerson:${d.id}`, after: { givenName: 'Andrea', surname: 'Sandin', email: 'andrea.sandin@dorotea.se' } }),
  },
  {
    name: 'changeContactPerson', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['contact_person'],
    doc: `mutation($id: ID!, $i: ContactPersonChangeInput!) { changeContactPerson(id: $id, input: $i) { id givenName phone1 phone2 email } }`,
    ok: async () => ({ id: ARVID_CONTACT, i: { phone2: '070-123 45 67', email: 'arvid.aronsson@dorotea.se' } }),
    refused: async () => ({ vars: { id: ARVID_CONTACT, i: { givenName: '' } }, code: 'BAD_USER_INPUT', field: 'givenName' }),
    check: (d) => expect(d).toEqual({ id: ARVID_CONTACT, givenName: 'Arvid', phone1: '+46094214000', phone2: '070-123 45 67', email: 'arvid.aronsson@dorotea.se' }),
    audit: () => ({ action: 'contact_person.changed', organisationId: ORG.dorotea, target: `ContactPerson:${ARVID_CONTACT}`, before: { phone2: null, email: 'arvid.aronsson@dorotea.com' }, after: { phone2: '070-123 45 67', email: 'arvid.aronsson@dorotea.se' } }),
  },
  {
    name: 'removeContactPerson', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['contact_person'],
    doc: `mutation($id: ID!) { removeContactPerson(id: $id) { id contactPersons { id } } }`,
    ok: async () => ({ id: await fixture.contact() }),
    // Not even a UUID: refused as a malformed id naming the argument (kit's argument guard), nothing
    // changed, never an internal error from the uuid column.
    refused: async () => ({ vars: { id: "x'; DROP TABLE organisations.contact_person; --" }, code: 'BAD_USER_INPUT', field: 'id' }),
    check: async (d) => { expect(d.id).toBe(ORG.dorotea); expect(d.contactPersons.map((c: { id: string }) => c.id)).not.toContain(await fixture.contact()); },
    audit: () => ({ action: 'contact_person.removed', organisationId: ORG.dorotea, target: 'ContactPerson:00000000-0000-4000-9002-000000000001', before: { givenName: 'Tillfällig', surname: 'Kontakt' } }),
  },
  {
    name: 'createPaymentAccount', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['payment_account'],
    doc: `mutation($org: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $org, input: $i) { id type number isDefault reviewStatus updatedBy } }`,
    ok: async () => ({ org: ORG.dorotea, i: { type: 'BANKGIRO', number: '5555 5551' } }),
    refused: async () => ({ vars: { org: ORG.dorotea, i: { type: 'BANKGIRO', number: '762-0256' } }, code: 'BAD_USER_INPUT', field: 'number', message: /check digit/ }),
    check: (d) => expect(d).toMatchObject({ type: 'BANKGIRO', number: '5555-5551', isDefault: false, reviewStatus: 'NOT_REVIEWED' }),
    audit: (d) => ({ action: 'payment_account.created', organisationId: ORG.dorotea, target: `PaymentAccount:${d.id}`, after: { type: 'BANKGIRO', number: '5555-5551', isDefault: false } }),
  },
  {
    name: 'changePaymentAccount', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['payment_account'],
    doc: `mutation($id: ID!, $i: PaymentAccountChangeInput!) { changePaymentAccount(id: $id, input: $i) { id number isDefault reviewStatus organisation { paymentAccounts { number isDefault } } } }`,
    ok: async () => ({ id: await fixture.account(1), i: { isDefault: true } }),
    // R-ORG-1: exactly one default — un-marking the default is refused.
    refused: async () => ({ vars: { id: DOROTEA_BANKGIRO, i: { isDefault: false } }, code: 'BAD_USER_INPUT', field: 'isDefault' }),
    check: (d) => {
      expect(d).toMatchObject({ number: '5050-1055', isDefault: true });
      expect(d.organisation.paymentAccounts.filter((a: { isDefault: boolean }) => a.isDefault)).toEqual([{ number: '5050-1055', isDefault: true }]);
    },
    audit: () => ({ action: 'payment_account.changed', organisationId: ORG.dorotea, target: 'PaymentAccount:00000000-0000-4000-9003-000000000001', before: { isDefault: false, previousDefault: DOROTEA_BANKGIRO }, after: { isDefault: true } }),
  },
  {
    name: 'removePaymentAccount', allowed: 'arvid', missingRole: 'reader', otherOrg: 'fridolf', tables: ['payment_account'],
    doc: `mutation($id: ID!) { removePaymentAccount(id: $id) { id paymentAccounts { id } } }`,
    ok: async () => ({ id: await fixture.account(2) }),
    refused: async () => {
      const [{ id }] = await org.sql<{ id: string }>(`SELECT id FROM organisations.payment_account WHERE organisation_id = ? AND is_default`, [ORG.dorotea]);
      return { vars: { id }, code: 'BAD_USER_INPUT', field: 'id', message: /default account/ };
    },
    check: async (d) => { expect(d.id).toBe(ORG.dorotea); expect(d.paymentAccounts.map((a: { id: string }) => a.id)).not.toContain(await fixture.account(2)); },
    audit: () => ({ action: 'payment_account.removed', organisationId: ORG.dorotea, target: 'PaymentAccount:00000000-0000-4000-9003-000000000002', before: { number: '900122-3' } }),
  },
  {
    name: 'reviewPaymentAccount', allowed: 'authority', missingRole: 'arvid', otherOrg: 'fridolf', tables: ['payment_account'],
    doc: `mutation($id: ID!, $s: AccountReviewStatus!) { reviewPaymentAccount(id: $id, status: $s) { id reviewStatus } }`,
    ok: async () => ({ id: await fixture.account(3), s: 'REVIEWED' }),
    refused: async () => ({ vars: { id: '00000000-0000-4000-9003-00000000dead', s: 'REVIEWED' }, code: 'NOT_FOUND' }),
    check: (d) => expect(d.reviewStatus).toBe('REVIEWED'),
    audit: () => ({ action: 'payment_account.reviewed', organisationId: ORG.dorotea, target: 'PaymentAccount:00000000-0000-4000-9003-000000000003', before: { reviewStatus: 'NOT_REVIEWED' }, after: { reviewStatus: 'REVIEWED' } }),
  },
];

/** Everything a refused mutation must leave as it was: the watched tables, the outbox and the unit fact outbox. */
const snapshot = async (tables: string[]) => {
  const out: Record<string, unknown> = { outbox: await org.count('outbox_event'), facts: await org.count('unit_fact_outbox') };
  for (const t of tables) out[t] = await org.sql(`SELECT * FROM organisations.${t} ORDER BY 1, 2`);
  return JSON.stringify(out);
};

describe.each(specs)('$name', (spec) => {
  const fieldOf = (doc: string) => /\{\s*(\w+)\(/.exec(doc)![1];

  it.each([['without the function (missingRole)', 'missingRole'], ['from another organisation (otherOrg)', 'otherOrg']] as const)('R-ROLE-2: FORBIDDEN for an actor %s, nothing changed', async (_label, key) => {
    const vars = await spec.ok();
    const before = await snapshot(spec.tables);
    const res = await org.gql(spec[key], spec.doc, vars);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.[fieldOf(spec.doc)] ?? null).toBeNull();
    expect(await snapshot(spec.tables)).toBe(before);
  });

  it('is refused for bad input with the field named, nothing changed', async () => {
    const r = await spec.refused();
    const before = await snapshot(spec.tables);
    const res = await org.gql(spec.allowed, spec.doc, r.vars);
    expect(res.errors?.[0].extensions).toMatchObject({ code: r.code, ...(r.field ? { field: r.field } : {}) });
    if (r.message) expect(res.errors?.[0].message).toMatch(r.message);
    expect(await snapshot(spec.tables)).toBe(before);
  });

  it('R-AUDIT-1: succeeds and writes its audit event in the same transaction', async () => {
    const eventsBefore = await org.count('outbox_event');
    const res = await org.gql(spec.allowed, spec.doc, await spec.ok());
    expect(res.errors).toBeUndefined();
    const data = res.data[fieldOf(spec.doc)];
    await spec.check(data);
    expect(await org.count('outbox_event')).toBe(eventsBefore + 1);
    const event = await org.lastEvent();
    const want = spec.audit(data);
    expect(event).toMatchObject({ action: want.action, organisation_id: want.organisationId, target: want.target, actor: `person:${PEOPLE[spec.allowed].personId ?? 'authority'}` });
    if (want.before) expect(event.before).toMatchObject(want.before);
    if (want.after) expect(event.after).toMatchObject(want.after);
  });
});

describe('rules beyond the matrix', () => {
  it('only the authority renames an organisation; a CONTACT_PERSON updater may not', async () => {
    const res = await org.gql('arvid', `mutation { changeOrganisation(id: "${ORG.dorotea}", input: { name: "Dorotea" }) { name } }`);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await org.gql('authority', `mutation { changeOrganisation(id: "${ORG.dorotea}", input: { name: "Dorotea kommun" }) { name } }`);
    expect(ok.data.changeOrganisation.name).toBe('Dorotea kommun');
  });

  it('R-ID-3: an organisation number is registered once (CONFLICT for the same number in another form)', async () => {
    const res = await org.gql('authority', `mutation { createOrganisation(input: { orgNumber: "2120002809", name: "Dubblett", kind: MUNICIPALITY }) { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('R-ORG-3: a unit needs an existing service and at least one address; R-ORG-5: known school forms only', async () => {
    const base = { organisationId: ORG.dorotea, serviceCode: 'KOMVUX', name: 'Ny enhet', addresses: [{ street: 'Storgatan 1', postalCode: '917 31', city: 'Dorotea' }] };
    const doc = `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`;
    const units = await org.count('unit');
    expect((await org.gql('arvid', doc, { i: { ...base, serviceCode: 'NOPE' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceCode' });
    expect((await org.gql('arvid', doc, { i: { ...base, addresses: [] } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'addresses' });
    expect((await org.gql('arvid', doc, { i: { ...base, schoolFormCodes: ['GYMNASIUM'] } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolFormCodes' });
    expect((await org.gql('arvid', doc, { i: { ...base, name: 'dorotea LÄRCENTRUM' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await org.count('unit')).toBe(units);
  });

  it('a closed unit keeps its history but takes no new addresses or names', async () => {
    const closed = '00000000-0000-4000-9000-000000000002';
    const res = await org.gql('arvid', `mutation { addAddress(unitId: "${closed}", input: { street: "A 1", postalCode: "917 31", city: "Dorotea" }) { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    const read = await org.gql('fridolf', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { name closed closedAt } } }`, { r: [{ __typename: 'Unit', id: closed }] });
    expect(read.data._entities[0]).toEqual({ name: 'Stängd enhet', closed: true, closedAt: '2020-01-01T00:00:00.000Z' });
  });

  it('R-ORG-1: the first account of an organisation becomes its default; a changed number must be reviewed again', async () => {
    const first = await org.gql('authority', `mutation { createPaymentAccount(organisationId: "${ORG.vux}", input: { type: PLUSGIRO, number: "90 01 22-3", isDefault: false }) { id isDefault reviewStatus } }`);
    expect(first.data.createPaymentAccount).toMatchObject({ isDefault: true, reviewStatus: 'NOT_REVIEWED' });
    const id = first.data.createPaymentAccount.id;
    await org.gql('authority', `mutation { reviewPaymentAccount(id: "${id}", status: REVIEWED) { id } }`);
    const changed = await org.gql('authority', `mutation { changePaymentAccount(id: "${id}", input: { type: BANKGIRO, number: "7620255" }) { type number reviewStatus isDefault } }`);
    expect(changed.data.changePaymentAccount).toEqual({ type: 'BANKGIRO', number: '762-0255', reviewStatus: 'NOT_REVIEWED', isDefault: true });
    // The only account, default or not, may go: no default is left because no account is.
    const removed = await org.gql('authority', `mutation { removePaymentAccount(id: "${id}") { paymentAccounts { id } } }`);
    expect(removed.data.removePaymentAccount.paymentAccounts).toEqual([]);
  });

  it('updatedBy names the person by id (tokens carry no personal number)', async () => {
    const token = await org.keys.token({ personId: DEMO.people[1].id });
    const res = await gqlRequest(org.url, `mutation { changeContactPerson(id: "${ARVID_CONTACT}", input: { adminContact: true }) { updatedBy updatedAt } }`, undefined, token);
    expect(res.data.changeContactPerson.updatedBy).toBe(`person:${DEMO.people[1].id}`);
    expect(JSON.stringify(res.data)).not.toContain(DEMO.people[1].personalNumber);
  });

  it('R-AUDIT-1: a change rolled back at commit leaves no audit event (and no change)', async () => {
    // A deferred constraint trigger fails the COMMIT itself, after both the row and the outbox
    // event were written inside the transaction: only atomicity can make both disappear.
    await org.sql(`CREATE FUNCTION organisations.refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await org.sql(`CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON organisations.contact_person DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION organisations.refuse_commit()`);
    try {
      const [contacts, events] = [await org.count('contact_person'), await org.count('outbox_event')];
      const res = await org.gql('arvid', `mutation { createContactPerson(organisationId: "${ORG.dorotea}", input: { givenName: "Rulla", surname: "Tillbaka" }) { id } }`);
      expect(res.errors?.[0].message).toMatch(/refused at commit/);
      expect(await org.count('contact_person')).toBe(contacts);
      expect(await org.count('outbox_event')).toBe(events);
      expect(await org.count('outbox_event', `after->>'givenName' = 'Rulla'`)).toBe(0);
    } finally {
      await org.sql(`DROP TRIGGER refuse_commit ON organisations.contact_person`);
      await org.sql(`DROP FUNCTION organisations.refuse_commit()`);
    }
  });
});

/**
 * Unit facts (docs/architecture.md, "Unit facts"): a change to a unit or an organisation's name
 * publishes the whole current snapshot to the fact outbox in its own transaction, with the next
 * version of that unit (organisation); a change that touches neither publishes nothing.
 */
describe('unit facts published through the fact outbox', () => {
  const facts = async (subject: string) => (await org.sql<{ fact: Record<string, unknown> }>(
    `SELECT fact FROM organisations.unit_fact_outbox WHERE fact->>'unitId' = ? OR (fact->>'kind' = 'organisation' AND fact->>'organisationId' = ?) ORDER BY id`, [subject, subject])).map((r) => r.fact);

  it('the demo seed published every demo unit and organisation once', async () => {
    const soder = DEMO.units.vuxSoder;
    expect((await facts(soder.id))[0]).toEqual({
      kind: 'unit', unitId: soder.id, organisationId: ORG.vux, serviceCode: soder.service, name: soder.name, closed: false,
      schoolFormCodes: [...soder.schoolForms].sort(), addressIds: soder.addresses.map((a) => a.id).sort(), version: 1,
    });
    expect((await facts(ORG.vux))[0]).toEqual({ kind: 'organisation', organisationId: ORG.vux, name: DEMO.organisations.vux.name, version: 1 });
  });

  it('R-ORG-3, R-SCOPE-4: creating a unit, adding and removing an office and closing it each publish the next whole snapshot', async () => {
    const created = await org.gql('arvid', `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { organisationId: ORG.dorotea, serviceCode: 'KOMVUX', name: 'Fakta-enheten', addresses: [{ street: 'Faktagatan 1', postalCode: '917 31', city: 'Dorotea' }], schoolFormCodes: ['SFI'] } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createUnit.id as string;
    const added = await org.gql('arvid', `mutation($u: ID!) { addAddress(unitId: $u, input: { street: "Faktagatan 2", postalCode: "917 31", city: "Dorotea" }) { id } }`, { u: id });
    expect(added.errors).toBeUndefined();
    const office = added.data.addAddress.id as string;
    expect((await org.gql('arvid', `mutation($id: ID!) { removeAddress(id: $id) { id } }`, { id: office })).errors).toBeUndefined();
    expect((await org.gql('arvid', `mutation($id: ID!) { closeUnit(id: $id) { closed } }`, { id })).errors).toBeUndefined();
    const published = await facts(id);
    expect(published.map((f) => [f.version, f.closed, (f.addressIds as string[]).length])).toEqual([[1, false, 1], [2, false, 2], [3, false, 1], [4, true, 1]]);
    expect(published[3]).toMatchObject({ kind: 'unit', organisationId: ORG.dorotea, serviceCode: 'KOMVUX', name: 'Fakta-enheten', schoolFormCodes: ['SFI'] });
    expect(published[2].addressIds).not.toContain(office);
  });

  it('an organisation publishes a fact when renamed, not when only its contact details change', async () => {
    const before = (await facts(ORG.aratron)).length;
    expect((await org.gql('fridolf', `mutation($id: ID!) { changeOrganisation(id: $id, input: { phone: "08-123 456 01" }) { phone } }`, { id: ORG.aratron })).errors).toBeUndefined();
    expect(await facts(ORG.aratron)).toHaveLength(before);
    expect((await org.gql('authority', `mutation($id: ID!) { changeOrganisation(id: $id, input: { name: "Aratron Fakta AB" }) { name } }`, { id: ORG.aratron })).errors).toBeUndefined();
    const after = await facts(ORG.aratron);
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ kind: 'organisation', name: 'Aratron Fakta AB', version: before + 1 });
  });
});
