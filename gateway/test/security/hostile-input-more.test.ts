import fc from 'fast-check';
import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { ARATRON, ARATRON_UNIT, DOROTEA, actorTokens, fresh, freshBankgiro, freshOrgNumber, person } from './actors';

/**
 * The remaining mutations: hostile input through the gateway (fast-check). Each input is
 * either refused with BAD_USER_INPUT naming the field — and then the touched tables, including the
 * service's audit table (outbox / audit_event), are byte-for-byte what they were — or accepted and
 * the value reads back exactly as the service documents it.
 */
const RUNS = 24;
const NASTY = [
  "Robert'); DROP TABLE organisations.unit;--", "' OR '1'='1", '<script>alert(1)</script>', '"><svg/onload=alert(1)>', '\u202Eevil\u202C',
  'a\u200Bb\u200Dc\uFEFF', '👩‍👩‍👧‍👦🇸🇪', 'A\u030Asa Öström', 'مرحبا', '\u0000', 'x\u0000y', 'tab\there', 'line\nbreak', '   ', '', '%_\\',
  '${jndi:ldap://x/a}', '{{7*7}}', 'a'.repeat(201), 'Ä'.repeat(5000), '\uD800', 'x\uDFFFy', '\u0085\u2028\u2029', '\u0007\u001B[31m',
];
const hostileText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 20 })).map(([a, b, c]) => a + b + c),
);
const today = stockholmDate();
const badDates = fc.constantFrom(
  '2027-02-29', '1900-02-29', '2026-13-01', '2026-11-31', '2026-00-10', '0000-01-01', '9999-12-31', addDays(today, -1), '2000-01-01',
  `${today}T00:00:00+02:00`, `${today}Z`, '', ' ', ` ${today}`, today.replace(/-/g, ''), today.replace(/-/g, '/'), '+02026-11-23', '٢٠٢٦-١١-٢٣',
);
/** Ids as an attacker writes them: not UUIDs, unknown UUIDs, another organisation's ids, SQL. */
const hostileIds = fc.oneof(
  fc.constantFrom('', ' ', 'x', "' OR '1'='1", '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', DOROTEA,
    person('Tage').id, '00000000-0000-4000-8001-000000000001', `${ARATRON_UNIT} `, ARATRON_UNIT.toUpperCase(), '\u0000', '1; SELECT pg_sleep(5)'),
  fc.uuid(), hostileText,
);
const validOr = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: hostile });
/** For inputs with many fields: mostly valid per field, so that whole inputs are accepted often enough to check what is stored. */
const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostile });
const names = fc.constantFrom('Anna', 'Åsa-Britt', "O'Brien", 'Zoë van der Berg', 'Nguyễn Thị Minh Khai').map((n) => fresh(n));
const orgText = (s: string) => s.trim().replace(/\s+/g, ' ');
/** A refusal from the Date scalar comes before any resolver and names no field. */
/** Usually null (use the real target), sometimes a hostile id instead. */
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });
const scalarRefusal = (res: GraphQLResponse) => /is not a calendar date|Variable "\$/.test(String(res.errors?.[0].message));

describe('Hostile input through the gateway, more mutations', () => {
  let sys: System;
  let db: Client;
  let gql: (q: string, v?: Record<string, unknown>) => Promise<GraphQLResponse<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Every row of the tables, hashed: "nothing changed" is stronger than equal counts. */
  const snapshot = async (tables: string[]) => {
    const { rows } = await db.query(`SELECT ${tables.map((t, i) => `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM ${t} x) AS c${i}`).join(', ')}`);
    return tables.map((t, i) => `${t}=${rows[0][`c${i}`]}`);
  };
  const ORG_TABLES = ['organisations.organisation', 'organisations.unit', 'organisations.address', 'organisations.unit_school_form', 'organisations.contact_person', 'organisations.payment_account', 'organisations.outbox_event'];
  const ACCESS_TABLES = ['access.person', 'access.membership', 'access.membership_unit', 'access.role_assignment', 'access.pending_change', 'access.change_set', 'access.outbox_event'];
  const SIGNING_TABLES = ['signing.api_client', 'signing.audit_event'];
  const tried: Record<string, { ok: number; refused: number }> = {};
  const tally = (name: string, ok: boolean) => { tried[name] ??= { ok: 0, refused: 0 }; tried[name][ok ? 'ok' : 'refused']++; };

  beforeAll(async () => {
    sys = await startSystem();
    const admin = (await actorTokens(sys)).authority!;
    gql = (q, v) => gqlRequest(sys.gatewayUrl, q, v, admin);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await sys?.stop();
    process.stdout.write(`hostile inputs tried (more): ${JSON.stringify(tried)}\n`);
  });

  /** BAD_USER_INPUT naming one of the fields (or refused by a scalar, when allowed), and nothing written. */
  async function expectRefused(res: GraphQLResponse, fields: RegExp, tables: string[], before: string[], { scalar = false } = {}) {
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (!(scalar && scalarRefusal(res))) expect(String(res.errors?.[0].extensions?.field ?? '(no field)')).toMatch(fields);
    expect(await snapshot(tables)).toEqual(before);
  }
  const newOrganisation = async (name: string) =>
    (await gql(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { orgNumber: freshOrgNumber(), name: fresh(name), kind: 'SUPPLIER' } })).data.createOrganisation.id as string;

  it('R-ORG-3, R-ORG-5: createUnit with hostile name, service, addresses and school forms', async () => {
    const address = fc.record({ street: mostly(names, hostileText), postalCode: mostly(fc.constantFrom('917 31', '11122'), hostileText), city: mostly(names, hostileText) });
    const services = mostly(fc.constantFrom('RUSTA_OCH_MATCHA', 'KOMVUX'), fc.oneof(fc.constantFrom('rusta_och_matcha', ' KOMVUX', 'NOPE'), hostileText));
    const forms = fc.option(fc.array(mostly(fc.constantFrom('SFI', 'KOMVUX_GYMNASIAL'), hostileText), { maxLength: 3 }));
    await fc.assert(fc.asyncProperty(mostly(names, hostileText), services, fc.option(fc.array(address, { maxLength: 3 })), forms, async (name, serviceCode, addresses, schoolFormCodes) => {
      const before = await snapshot(ORG_TABLES);
      const res = await gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id name service { code } addresses { street postalCode city } schoolForms { code } } }`,
        { i: { organisationId: ARATRON, serviceCode, name, addresses, schoolFormCodes } });
      if (res.errors?.[0].extensions?.code === 'CONFLICT') return; // a generated name already taken
      tally('createUnit', !res.errors);
      if (res.errors) return expectRefused(res, /^(input\.)?(name|serviceCode|addresses(\.\d+\.(street|postalCode|city))?|schoolFormCodes(\.\d+)?)$/, ORG_TABLES, before);
      const created = res.data.createUnit;
      const back = await gql(`query($o: ID!) { organisation(id: $o) { units { id name service { code } addresses { street postalCode city } schoolForms { code } } } }`, { o: ARATRON });
      const stored = back.data.organisation.units.find((u: { id: string }) => u.id === created.id);
      expect(stored).toEqual(created);
      expect(stored.name).toBe(orgText(name));
      expect(stored.service.code).toBe(serviceCode);
      const norm = (p: string) => { const d = p.trim().replace(/^SE-?/i, '').replace(/\s+/g, ''); return `${d.slice(0, 3)} ${d.slice(3)}`; };
      expect([...stored.addresses].sort((a, b) => (a.street < b.street ? -1 : 1)))
        .toEqual(addresses!.map((a) => ({ street: orgText(a.street), postalCode: norm(a.postalCode), city: orgText(a.city) })).sort((a, b) => (a.street < b.street ? -1 : 1)));
      expect(stored.schoolForms.map((f: { code: string }) => f.code).sort()).toEqual([...new Set(schoolFormCodes ?? [])].sort());
    }), { numRuns: RUNS });
  });

  it('R-ORG-3: renameUnit with hostile names and ids', async () => {
    const unit = (await gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`,
      { i: { organisationId: ARATRON, serviceCode: 'RUSTA_OCH_MATCHA', name: fresh('Byt namn'), addresses: [{ street: 'Gatan 1', postalCode: '111 22', city: 'Stockholm' }] } })).data.createUnit.id;
    await fc.assert(fc.asyncProperty(validOr(names, hostileText), sometimes(hostileIds), async (name, otherId) => {
      const before = await snapshot(ORG_TABLES);
      const res = await gql(`mutation($id: ID!, $n: String!) { renameUnit(id: $id, name: $n) { id name } }`, { id: otherId ?? unit, n: name });
      const code = res.errors?.[0].extensions?.code;
      if (code === 'CONFLICT') return;
      if (otherId !== null && code === 'NOT_FOUND') return expect(await snapshot(ORG_TABLES)).toEqual(before);
      tally('renameUnit', !res.errors);
      if (res.errors) return expectRefused(res, /^(name|id)$/, ORG_TABLES, before);
      expect(otherId === null || otherId.toLowerCase() === ARATRON_UNIT || otherId.startsWith('00000000-0000-4000-8001')).toBe(true);
      const back = await gql(`query($o: ID!) { unit(id: $o) { name } }`, { o: res.data.renameUnit.id });
      expect(back.data?.unit?.name ?? res.data.renameUnit.name).toBe(orgText(name));
      expect(res.data.renameUnit.name).toBe(orgText(name));
    }), { numRuns: RUNS });
  });

  it('R-ORG-1: changeContactPerson with hostile names, e-mail and phones', async () => {
    const id = (await gql(`mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: { givenName: 'Kontakt', surname: 'Person' } })).data.createContactPerson.id;
    const FIELDS = ['givenName', 'surname', 'email', 'phone1', 'phone2'] as const;
    const read = async () => (await gql(`query($o: ID!) { organisation(id: $o) { contactPersons { id givenName surname email phone1 phone2 adminContact } } }`, { o: ARATRON }))
      .data.organisation.contactPersons.find((c: { id: string }) => c.id === id);
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    await fc.assert(fc.asyncProperty(opt(validOr(names, hostileText)), opt(validOr(names, hostileText)), opt(fc.option(validOr(fc.constantFrom('a@b.se', 'förnamn.efternamn@exempel.se'), hostileText))),
      opt(fc.option(validOr(fc.constantFrom('08-123 45 67', '+46 (0)8 123 45 67'), hostileText))), opt(fc.option(hostileText)), opt(fc.boolean()), async (givenName, surname, email, phone1, phone2, adminContact) => {
        const before = [...await snapshot(ORG_TABLES), JSON.stringify(await read())];
        const input = { givenName, surname, email, phone1, phone2, adminContact };
        const res = await gql(`mutation($id: ID!, $i: ContactPersonChangeInput!) { changeContactPerson(id: $id, input: $i) { id } }`, { id, i: input });
        tally('changeContactPerson', !res.errors);
        if (res.errors) {
          expect(res.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
          expect(String(res.errors[0].extensions?.field)).toMatch(/^(input\.)?(givenName|surname|email|phone1|phone2)$/);
          expect([...await snapshot(ORG_TABLES), JSON.stringify(await read())]).toEqual(before);
          return;
        }
        const was = JSON.parse(before.at(-1)!);
        const after = await read();
        for (const f of FIELDS) {
          const given = input[f];
          const want = given === undefined ? was[f] : given === null ? null : (f === 'givenName' || f === 'surname') ? orgText(given) : orgText(given) || null;
          expect({ f, v: after[f] }).toEqual({ f, v: want });
        }
        expect(after.adminContact).toBe(adminContact ?? was.adminContact);
        if (after.email) expect(after.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      }), { numRuns: RUNS });
  });

  const PAYMENT_QUERY = `query($o: ID!) { organisation(id: $o) { paymentAccounts { id type number isDefault reviewStatus } } }`;
  /** The written forms of the service: bankgiro NNN(N)-NNNN, plusgiro digits-check digit. */
  const written = (type: string, n: string) => { const d = n.replace(/[\s-]/g, ''); return type === 'BANKGIRO' ? `${d.slice(0, -4)}-${d.slice(-4)}` : `${d.slice(0, -1)}-${d.slice(-1)}`; };
  const numbers = fc.oneof(
    fc.constant(null).map(() => freshBankgiro()), fc.constant(null).map(() => freshBankgiro().replace('-', ' ')),
    fc.constantFrom('5050-1055', '505-1055', '90 01 22-3', '900122-3', '4711', '12', '5050-1056', '١٢٣٤-٥٦٧٨', '5050-1055 ', '5050–1055', '-', '00000000', '0-0', '1234567890123'),
    fc.string({ unit: fc.constantFrom(...'0123456789- '), minLength: 1, maxLength: 12 }), hostileText,
  );

  it('R-ORG-1: createPaymentAccount with hostile numbers and types; exactly one default', async () => {
    const org = await newOrganisation('Konto AB');
    await fc.assert(fc.asyncProperty(fc.constantFrom('BANKGIRO', 'PLUSGIRO'), numbers, fc.option(fc.boolean()), async (type, number, isDefault) => {
      const before = await snapshot(ORG_TABLES);
      const res = await gql(`mutation($o: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $o, input: $i) { id type number isDefault } }`, { o: org, i: { type, number, isDefault } });
      tally('createPaymentAccount', !res.errors);
      if (res.errors) return expectRefused(res, /^(input\.)?number$/, ORG_TABLES, before);
      const accounts = (await gql(PAYMENT_QUERY, { o: org })).data.organisation.paymentAccounts;
      const stored = accounts.find((a: { id: string }) => a.id === res.data.createPaymentAccount.id);
      expect(stored).toEqual({ ...res.data.createPaymentAccount, reviewStatus: 'NOT_REVIEWED' });
      expect(stored.number).toBe(written(type, number));
      expect(accounts.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
      if (accounts.length === 1 || isDefault) expect(stored.isDefault).toBe(true);
    }), { numRuns: RUNS });
  });

  it('R-ORG-1: changePaymentAccount with hostile numbers, types and default flags', async () => {
    const org = await newOrganisation('Ändra konto AB');
    const create = async (isDefault: boolean) => (await gql(`mutation($o: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $o, input: $i) { id } }`,
      { o: org, i: { type: 'BANKGIRO', number: freshBankgiro(), isDefault } })).data.createPaymentAccount.id as string;
    const ids = [await create(true), await create(false)];
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    await fc.assert(fc.asyncProperty(fc.constantFrom(0, 1), opt(fc.constantFrom('BANKGIRO', 'PLUSGIRO')), opt(numbers), opt(fc.boolean()), async (which, type, number, isDefault) => {
      const id = ids[which];
      const before = await snapshot(ORG_TABLES);
      const was = (await gql(PAYMENT_QUERY, { o: org })).data.organisation.paymentAccounts.find((a: { id: string }) => a.id === id);
      const res = await gql(`mutation($id: ID!, $i: PaymentAccountChangeInput!) { changePaymentAccount(id: $id, input: $i) { id type number isDefault } }`, { id, i: { type, number, isDefault } });
      tally('changePaymentAccount', !res.errors);
      if (res.errors) return expectRefused(res, /^(input\.)?(number|isDefault)$/, ORG_TABLES, before);
      const accounts = (await gql(PAYMENT_QUERY, { o: org })).data.organisation.paymentAccounts;
      const stored = accounts.find((a: { id: string }) => a.id === id);
      expect(stored.type).toBe(type ?? was.type);
      expect(stored.number).toBe(number === undefined && type === undefined ? was.number : written(type ?? was.type, number ?? was.number));
      expect(accounts.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
      if (isDefault === true) expect(stored.isDefault).toBe(true);
      if (stored.type !== was.type || stored.number !== was.number) expect(stored.reviewStatus).toBe('NOT_REVIEWED');
    }), { numRuns: RUNS });
  });

  it('R-USR-1…4, R-PERIOD-1/2: proposeStaffChange with hostile e-mail, roles, units, dates and person ids', async () => {
    const viking = person('Viking').id;
    const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const goodDates = fc.constantFrom(today, addDays(today, 1), addDays(today, 30), endOfNextYear);
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const roles = opt(fc.array(mostly(fc.constantFrom('READER', 'SERVICE_ADMIN'), hostileText), { maxLength: 3 }));
    const units = opt(fc.array(mostly(fc.constant(ARATRON_UNIT), hostileIds), { maxLength: 2 }));
    await fc.assert(fc.asyncProperty(sometimes(hostileIds), opt(fc.option(fc.oneof(fc.constantFrom('a@b.se', ' viking@exempel.se '), hostileText))), roles, units,
      opt(mostly(goodDates, badDates)), opt(fc.option(mostly(goodDates, badDates))), async (otherPerson, email, roleCodes, unitIds, validFrom, validTo) => {
        const before = await snapshot(ACCESS_TABLES);
        const input = { email, roleCodes, unitIds, validFrom, validTo };
        const res = await gql(`mutation($o: ID!, $p: ID!, $i: StaffChangeInput!) { proposeStaffChange(organisationId: $o, personId: $p, input: $i) { id person { email } roles { code } unitIds validFrom validTo } }`,
          { o: ARATRON, p: otherPerson ?? viking, i: input });
        const code = res.errors?.[0].extensions?.code;
        // An unknown person, or one of another organisation, is NOT_FOUND (never a hint who exists); FORBIDDEN for roles the authority may not hand out is not input.
        if (otherPerson !== null && code === 'NOT_FOUND') return expect(await snapshot(ACCESS_TABLES)).toEqual(before);
        tally('proposeStaffChange', !res.errors);
        if (res.errors) return expectRefused(res, /^(input\.)?(email|roleCodes(\.\d+)?|unitIds(\.\d+)?|schoolFormCodes|validFrom|validTo|personId)$/, ACCESS_TABLES, before, { scalar: true });
        const change = res.data.proposeStaffChange;
        if (validFrom !== undefined) expect(change.validFrom).toBe(validFrom);
        if (validTo !== undefined) expect(change.validTo).toBe(validTo);
        if (roleCodes !== undefined) expect(change.roles.map((r: { code: string }) => r.code).sort()).toEqual([...new Set(roleCodes)].sort());
        if (unitIds !== undefined) expect([...change.unitIds].sort()).toEqual([...new Set(unitIds)].sort());
        if (email !== undefined) expect(change.person.email).toBe(email === null ? null : email.trim() || null);
        // R-USR-1: an e-mail address, as the organisations subgraph requires of contact persons: never markup or 5,000 characters.
        if (change.person.email) expect(change.person.email).toMatch(/^[^\s@<>]{1,64}@[^\s@<>]+\.[^\s@<>]{2,}$/);
        const back = await gql(`query($o: ID!) { organisation(id: $o) { changesToSign { changes { id person { email } validFrom validTo unitIds } } } }`, { o: ARATRON });
        const stored = back.data.organisation.changesToSign.changes.find((c: { id: string }) => c.id === change.id);
        expect(stored).toEqual({ id: change.id, person: change.person, validFrom: change.validFrom, validTo: change.validTo, unitIds: change.unitIds });
      }), { numRuns: RUNS, examples: [[null, '<img src=x onerror=alert(1)>', undefined, undefined, undefined, undefined], [null, `${'Ä'.repeat(300)}@x.se`, undefined, undefined, undefined, undefined]] });
  });

  it('R-PERIOD-4: changeAuthorisationPeriod with hostile person ids and dates: all or none', async () => {
    const agda = person('Agda').id;
    const laban = person('Laban').id;
    const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const goodDates = fc.constantFrom(addDays(today, 10), addDays(today, 200), endOfNextYear, `${Number(today.slice(0, 4)) + 2}-06-30`);
    const personIds = fc.array(validOr(fc.constantFrom(agda, laban), hostileIds), { maxLength: 3 });
    const rolesOf = async (id: string) => (await gql(`query($id: ID!) { person(id: $id) { memberships { organisation { id } roles { validTo } } } }`, { id }))
      .data.person.memberships.find((m: { organisation: { id: string } }) => m.organisation.id === ARATRON).roles.map((r: { validTo: string | null }) => r.validTo);
    await fc.assert(fc.asyncProperty(personIds, validOr(goodDates, badDates), async (ids, validTo) => {
      const before = await snapshot(ACCESS_TABLES);
      const res = await gql(`mutation($o: ID!, $p: [ID!]!, $v: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $p, validTo: $v) { id } }`, { o: ARATRON, p: ids, v: validTo });
      tally('changeAuthorisationPeriod', !res.errors);
      if (res.errors) return expectRefused(res, /^(personIds(\.\d+)?|validTo)$/, ACCESS_TABLES, before, { scalar: true });
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id === agda || id === laban)).toBe(true);
      // R-SIGN-8: an earlier end date applies at once; a later one waits in the changes to sign.
      const pending = (await gql(`query($o: ID!) { organisation(id: $o) { changesToSign { changes { kind person { personId } validTo } } } }`, { o: ARATRON }))
        .data.organisation.changesToSign?.changes ?? [];
      for (const id of new Set(ids)) {
        const applied = (await rolesOf(id)).every((v: string | null) => v === validTo || (v !== null && v < today));
        const proposed = pending.some((c: { kind: string; person: { personId: string }; validTo: string | null }) => c.kind === 'CHANGED' && c.person.personId === id && c.validTo === validTo);
        expect(applied || proposed).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('R-END-1…4: endEmploymentPreview with hostile dates, units and school forms writes nothing', async () => {
    const laban = person('Laban').id;
    await fc.assert(fc.asyncProperty(mostly(fc.constantFrom(today, addDays(today, 5), addDays(today, 400)), badDates), fc.option(mostly(fc.constant(ARATRON_UNIT), hostileIds)),
      fc.option(mostly(fc.constantFrom('SFI'), hostileText), { freq: 3 }), sometimes(hostileIds), async (endDate, unitId, schoolFormCode, otherPerson) => {
        const before = await snapshot(ACCESS_TABLES);
        const input = { organisationId: ARATRON, personId: otherPerson ?? laban, endDate, unitId, schoolFormCode };
        const res = await gql(`query($i: EndEmploymentInput!) { endEmploymentPreview(input: $i) { endDate assignments { validTo } } }`, { i: input });
        expect(await snapshot(ACCESS_TABLES)).toEqual(before); // a preview never writes
        if (otherPerson !== null && res.errors?.[0].extensions?.code === 'NOT_FOUND') return;
        tally('endEmploymentPreview', !res.errors);
        if (res.errors) return expectRefused(res, /^(input\.)?(endDate|unitId|schoolFormCode|personId)$/, ACCESS_TABLES, before, { scalar: true });
        expect(res.data.endEmploymentPreview.endDate).toBe(endDate);
        for (const a of res.data.endEmploymentPreview.assignments) expect(a.validTo).toBe(endDate);
      }), { numRuns: RUNS });
  });

  it('R-END-1…4: endEmployment with hostile dates and units: refused with nothing changed, or the roles end on that day', async () => {
    const karl = person('Agda').id;
    await fc.assert(fc.asyncProperty(validOr(fc.constantFrom(addDays(today, 300), addDays(today, 200), addDays(today, 100), addDays(today, 1)), badDates), fc.option(validOr(fc.constant(ARATRON_UNIT), hostileIds), { freq: 3 }),
      async (endDate, unitId) => {
        const before = await snapshot(ACCESS_TABLES);
        const res = await gql(`mutation($i: EndEmploymentInput!) { endEmployment(input: $i) { endDate } }`, { i: { organisationId: ARATRON, personId: karl, endDate, unitId } });
        tally('endEmployment', !res.errors);
        if (res.errors) return expectRefused(res, /^(input\.)?(endDate|unitId)$/, ACCESS_TABLES, before, { scalar: true });
        expect(res.data.endEmployment.endDate).toBe(endDate);
        const back = await gql(`query($id: ID!) { person(id: $id) { memberships { organisation { id } roles { validTo } } } }`, { id: karl });
        const roles = back.data.person.memberships.find((m: { organisation: { id: string } }) => m.organisation.id === ARATRON)?.roles ?? [];
        for (const r of roles) expect(r.validTo !== null && r.validTo <= endDate).toBe(true);
      }), { numRuns: RUNS });
  });

  it('R-AUTH-2, R-ROLE-2a: registerApiClient with hostile names, function codes and organisation ids', async () => {
    const fns = fc.array(validOr(fc.constantFrom('CONTACT_PERSON', 'PERFORMING_UNIT', 'MANAGE_USERS'), fc.oneof(fc.constantFrom('contact_person', ' CONTACT_PERSON', 'ADMIN', '*'), hostileText)), { maxLength: 4 });
    const orgIds = validOr(fc.constant(ARATRON), fc.constantFrom('', 'x', "' OR '1'='1", `${ARATRON} `, '\u0000', 'aratron'));
    await fc.assert(fc.asyncProperty(orgIds, validOr(names, hostileText), fns, async (organisationId, name, functions) => {
      const before = await snapshot(SIGNING_TABLES);
      const res = await gql(`mutation($o: ID!, $n: String!, $f: [String!]!) { registerApiClient(organisationId: $o, name: $n, functions: $f) { client { id name functions } clientSecret } }`, { o: organisationId, n: name, f: functions });
      tally('registerApiClient', !res.errors);
      if (res.errors) return expectRefused(res, /^(organisationId|name|functions(\.\d+)?)$/, SIGNING_TABLES, before);
      const { client, clientSecret } = res.data.registerApiClient;
      expect(client).toEqual({ id: client.id, name: name.trim(), functions: [...new Set(functions)].sort() });
      expect(clientSecret.length).toBeGreaterThanOrEqual(32);
      const back = await gql(`query($o: ID!) { organisation(id: $o) { apiClients { id name functions } } }`, { o: ARATRON });
      expect(back.data.organisation.apiClients).toContainEqual(client);
    }), { numRuns: RUNS });
  });
});
