import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode, type BooleanValueNode } from 'graphql';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { commonEnvShape, parseEnv } from '@behorig/kit/server';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { randomBytes } from 'node:crypto';
import { ARATRON, ARATRON_UNIT, freshPersonalNumber, partnerToken, person } from './actors';
import { poll } from '../support/poll';

/** A fresh surname of letters only (names allow letters, spaces, hyphens and apostrophes). */
const lettersName = (label: string) => `${label}-${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/**
 * R-AUTH-4 (finding 3): every federation entity reference (`_entities`) answers as the root
 * fields do. The list of entities is GENERATED from each subgraph's SDL (every `@key` type that is
 * resolvable); each must have a row in TABLE below, so a new entity type cannot ship unchecked.
 * Each is asked for directly at its subgraph, as an attacker on the network would, by:
 * - nobody (no token),
 * - another organisation's permission administrator (Arvid of Dorotea),
 * - Aratron's own partner client holding only PERFORMING_UNIT (no CONTACT_PERSON, ACCOUNT_INFO, MANAGE_USERS),
 * and none of them may get a protected field. The authority asks too, as the control: it must get
 * every field, which proves the representations name real objects.
 */
type Caller = 'nobody' | 'otherOrg' | 'clientLacking';
const CALLERS: Caller[] = ['nobody', 'otherOrg', 'clientLacking'];
interface Fixtures { agreementId: string; changeSetId: string; orderRef: string; receiptId: string; addressId: string; fridolfId: string; reviewId: string; subscriptionId: string }
interface Row {
  representation: (f: Fixtures) => Record<string, unknown>;
  /** The selection on the entity; every top-level field named here is checked. */
  selection: string;
  /** Fields each caller must NOT get ('ALL' = every selected field). */
  protectedFor: Record<Caller, string[] | 'ALL'>;
  why: string;
}
const everywhere = { nobody: 'ALL', otherOrg: 'ALL', clientLacking: 'ALL' } as const;
const signedInMayRead = { nobody: 'ALL', otherOrg: [], clientLacking: [] } as Record<Caller, string[] | 'ALL'>;

const TABLE: Record<string, Row> = {
  'organisations.Organisation': {
    representation: () => ({ __typename: 'Organisation', id: ARATRON }),
    selection: 'name postalAddress phone contactPersons { id } paymentAccounts { id }',
    protectedFor: { nobody: 'ALL', otherOrg: ['postalAddress', 'phone', 'contactPersons', 'paymentAccounts'], clientLacking: ['postalAddress', 'phone', 'contactPersons', 'paymentAccounts'] },
    why: 'name is public to anyone signed in; contact details need CONTACT_PERSON, accounts ACCOUNT_INFO (R-ORG-1)',
  },
  'organisations.Unit': { representation: () => ({ __typename: 'Unit', id: ARATRON_UNIT }), selection: 'name addresses { id }', protectedFor: signedInMayRead, why: 'as organisation(id) { units }: signed in' },
  'organisations.Address': { representation: (f) => ({ __typename: 'Address', id: f.addressId }), selection: 'street city', protectedFor: signedInMayRead, why: 'as a unit\'s addresses: signed in' },
  'organisations.Service': { representation: () => ({ __typename: 'Service', code: 'RUSTA_OCH_MATCHA' }), selection: 'name', protectedFor: signedInMayRead, why: 'as services: signed in' },
  'organisations.SchoolForm': { representation: () => ({ __typename: 'SchoolForm', code: 'SFI' }), selection: 'name', protectedFor: signedInMayRead, why: 'as schoolForms: signed in' },
  'access.Person': {
    representation: (f) => ({ __typename: 'Person', id: f.fridolfId }),
    selection: 'givenName surname birthDate email personalNumber memberships { version } permissionScopes { orgWide }',
    protectedFor: everywhere,
    why: 'as person(id): self, active colleagues, the authority, clients only with MANAGE_USERS (R-USR-5, R-AUTH-3)',
  },
  'access.Agreement': { representation: (f) => ({ __typename: 'Agreement', id: f.agreementId }), selection: 'status receivedOn administrator { givenName email }', protectedFor: everywhere, why: 'R-AGR-1: the authority and the organisation\'s own people (names an administrator)' },
  'access.ChangeSet': { representation: (f) => ({ __typename: 'ChangeSet', id: f.changeSetId }), selection: 'status digest signingText changes { person { givenName } }', protectedFor: everywhere, why: 'as changesToSign: MANAGE_USERS READ' },
  'access.Organisation': { representation: () => ({ __typename: 'Organisation', id: ARATRON }), selection: 'agreement { id } staff { totalCount } changesToSign { id }', protectedFor: everywhere, why: 'staff and changes need MANAGE_USERS READ' },
  'access.AccessReview': { representation: (f) => ({ __typename: 'AccessReview', id: f.reviewId }), selection: 'status deadline items { totalCount }', protectedFor: everywhere, why: 'as accessReview(id): MANAGE_USERS READ in the organisation, the authority (R-REV-1)' },
  'signing.Organisation': { representation: () => ({ __typename: 'Organisation', id: ARATRON }), selection: 'auditLog { totalCount } apiClients { id }', protectedFor: everywhere, why: 'R-AUDIT-3: MANAGE_USERS READ' },
  'signing.Person': { representation: (f) => ({ __typename: 'Person', id: f.fridolfId }), selection: 'receipts { totalCount }', protectedFor: everywhere, why: 'the person themself and the authority' },
  'signing.SigningOrder': { representation: (f) => ({ __typename: 'SigningOrder', orderRef: f.orderRef }), selection: 'status autoStartToken receipt { id }', protectedFor: everywhere, why: 'R-SIGN-2: the signer and the authority' },
  'signing.EventSubscription': { representation: (f) => ({ __typename: 'EventSubscription', id: f.subscriptionId }), selection: 'url events active', protectedFor: everywhere, why: 'R-HOOK-1: MANAGE_USERS UPDATE in the organisation, the authority' },
  'signing.Receipt': { representation: (f) => ({ __typename: 'Receipt', id: f.receiptId }), selection: 'signedAt digest token signerName', protectedFor: everywhere, why: 'as receipt(id): the signer, the organisation\'s administrators, the authority' },
};

/** Every resolvable `@key` type of every subgraph, read from its SDL. */
function entityTypesFromSdl(): string[] {
  const found: string[] = [];
  for (const subgraph of ['organisations', 'access', 'signing']) {
    const doc = parse(readFileSync(join(__dirname, '..', '..', '..', 'services', subgraph, 'src', 'schema.graphql'), 'utf8'));
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const keys = ((def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).directives ?? []).filter((d) => d.name.value === 'key');
      const resolvable = keys.some((k) => {
        const arg = k.arguments?.find((a) => a.name.value === 'resolvable');
        return !arg || (arg.value as BooleanValueNode).value !== false;
      });
      if (keys.length && resolvable) found.push(`${subgraph}.${def.name.value}`);
    }
  }
  // A type defined and extended in the same subgraph (signing's Organisation) is one entity.
  return [...new Set(found)].sort();
}

/** Top-level field names of a selection ("a b { c } d" → a, b, d). */
function topFields(selection: string): string[] {
  const doc = parse(`{ ${selection} }`);
  const op = doc.definitions[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) return [];
  return op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '')).filter(Boolean);
}

/** The part of a selection that asks for the named top-level fields (with their sub-selections). */
function subSelection(selection: string, fields: string[]): string {
  const op = parse(`{ ${selection} }`).definitions[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) return '';
  return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && fields.includes(s.name.value)).map((s) => print(s)).join(' ');
}

const typeOf = (key: string) => key.split('.')[1];
const subgraphOf = (key: string) => key.split('.')[0] as 'organisations' | 'access' | 'signing';

async function entities(sys: System, key: string, f: Fixtures, token?: string, selection = TABLE[key].selection): Promise<GraphQLResponse<{ _entities: (Record<string, unknown> | null)[] }>> {
  const row = TABLE[key];
  return gqlRequest(sys.urls[subgraphOf(key)], `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeOf(key)} { ${selection} } } }`, { r: [row.representation(f)] }, token);
}


describe('R-AUTH-4: entity references (_entities) are authorised like root fields (finding 3)', () => {
  let sys: System;
  let fixtures: Fixtures;
  let tokens: Record<Caller | 'authority', string | undefined>;

  beforeAll(async () => {
    sys = await startSystem();
    const fridolf = person('Fridolf');
    const session = async (givenName: string, authority = false) => {
      const p = person(givenName);
      return (await mintToken(sys.keys.key, { kind: 'person', personId: p.id, authority })).token;
    };
    const authority = await session('Tolvan', true);
    const admin = await session('Fridolf');
    tokens = { nobody: undefined, otherOrg: await session('Arvid'), clientLacking: await partnerToken(sys, authority, ARATRON, ['PERFORMING_UNIT']), authority };
    const gql = (q: string, v: Record<string, unknown>, t = admin) => gqlRequest(sys.gatewayUrl, q, v, t);
    const today = stockholmDate();
    const proposed = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
      o: ARATRON, i: { personalNumber: freshPersonalNumber(), givenName: 'Entitet', surname: lettersName('Testsson'), email: 'entitet@test.se', roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 30) },
    });
    expect(proposed.errors).toBeUndefined();
    // The demo data has no agreements: the authority registers one for Aratron (R-AGR-1).
    const agreement = await gql(`mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { id } }`, {
      i: { organisationId: ARATRON, administrator: { personalNumber: fridolf.personalNumber, givenName: 'Fridolf', surname: 'Halldin', email: 'fridolf@aratron.se' } },
    }, authority);
    expect(agreement.errors).toBeUndefined();
    const org = await gql(`query($o: ID!) { organisation(id: $o) { agreement { id } changesToSign { id } units { id addresses { id } } } }`, { o: ARATRON }, authority);
    expect(org.errors).toBeUndefined();
    const changeSetId = org.data.organisation.changesToSign.id as string;
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON });
    expect(signed.errors).toBeUndefined();
    const orderRef = signed.data.signChanges.orderRef as string;
    await sys.phone(orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult receipt { id } } }`, { r: orderRef }), (r) => !!r.data?.signingOrder?.applyResult);
    expect(done.data.signingOrder.receipt).toBeTruthy();
    // A second proposal leaves an open DRAFT for changesToSign.
    const again = await gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, {
      o: ARATRON, i: { personalNumber: freshPersonalNumber(), givenName: 'Entitet', surname: lettersName('Andersson'), roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: today, validTo: addDays(today, 30) },
    });
    expect(again.errors).toBeUndefined();
    // R-REV-1: a review of Aratron; R-HOOK-1: a subscription of Aratron (loopback http allowed in development).
    const review = await gql(`mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id } }`, { i: { organisationId: ARATRON, deadline: addDays(today, 14), endUndecidedAtDeadline: false } }, authority);
    expect(review.errors).toBeUndefined();
    const subscription = await gql(`mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { subscription { id } } }`, { o: ARATRON, i: { url: 'http://127.0.0.1:9/entity', events: ['employment.ended'] } });
    expect(subscription.errors).toBeUndefined();
    const addressId = (org.data.organisation.units as { addresses: { id: string }[] }[]).flatMap((u) => u.addresses)[0].id;
    fixtures = { agreementId: org.data.organisation.agreement.id, changeSetId, orderRef, receiptId: done.data.signingOrder.receipt.id, addressId, fridolfId: fridolf.id, reviewId: review.data.startAccessReview.id, subscriptionId: subscription.data.subscribeToEvents.subscription.id };
  }, 120_000);

  afterAll(async () => { await sys?.stop(); });

  it('every resolvable @key entity of every subgraph has a row in the table (and no row is stale)', () => {
    expect(Object.keys(TABLE).sort()).toEqual(entityTypesFromSdl());
  });

  it('the control: the authority gets every field of every entity (the representations are real)', async () => {
    for (const key of Object.keys(TABLE)) {
      const res = await entities(sys, key, fixtures, tokens.authority);
      expect({ key, errors: res.errors }).toEqual({ key, errors: undefined });
      const entity = res.data?._entities[0];
      for (const field of topFields(TABLE[key].selection)) expect({ key, field, present: entity?.[field] != null }).toEqual({ key, field, present: true });
    }
  });

  for (const caller of CALLERS) {
    it(`finding 3: ${caller} gets no protected field of any entity`, async () => {
      for (const key of Object.keys(TABLE)) {
        const row = TABLE[key];
        const res = await entities(sys, key, fixtures, tokens[caller]);
        const entity = res.data?._entities?.[0] ?? null;
        const guarded = row.protectedFor[caller] === 'ALL' ? topFields(row.selection) : (row.protectedFor[caller] as string[]);
        const leaked = guarded.filter((field) => entity?.[field] != null);
        expect({ key, caller, leaked }).toEqual({ key, caller, leaked: [] });
        // Fields that stay readable must really answer (the refusal is not a blanket one); asked
        // alone, since a refused non-null field takes its whole entity with it.
        const open = topFields(row.selection).filter((fld) => !guarded.includes(fld));
        if (open.length) {
          const alone = (await entities(sys, key, fixtures, tokens[caller], subSelection(row.selection, open))).data?._entities?.[0];
          for (const field of open) expect({ key, caller, field, present: alone?.[field] != null }).toEqual({ key, caller, field, present: true });
        }
      }
    });
  }

  it('finding 3: log-in still returns the new session\'s own person (the gateway uses the fresh token, Person stays closed)', async () => {
    const arvid = person('Arvid');
    const started = await gqlRequest(sys.gatewayUrl, 'mutation { startLogin { orderRef } }');
    const ref = started.data.startLogin.orderRef as string;
    // BankID's completion names him as he is (R-USR-5 corrects the identity's name from it at log-in).
    await sys.phone(ref, 'complete', { personalNumber: arvid.personalNumber, givenName: arvid.givenName, surname: arvid.surname });
    const done = await gqlRequest(sys.gatewayUrl, `mutation($r: ID!) { completeLogin(orderRef: $r) { token person { id givenName email } } }`, { r: ref });
    expect(done.errors).toBeUndefined();
    expect(done.data.completeLogin.person).toMatchObject({ id: arvid.id, givenName: 'Arvid' });
    // …while the same Person asked for without a token is still refused at the subgraph.
    const bare = await gqlRequest(sys.urls.access, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { givenName } } }`, { r: [{ __typename: 'Person', id: arvid.id }] });
    expect(bare.data?._entities?.[0] ?? null).toBeNull();
  });

  it('finding 6: a member whose role has ended (Karina Asp) no longer reads colleagues through person(id) or a reference', async () => {
    const karina = person('Karina');
    const token = (await mintToken(sys.keys.key, { kind: 'person', personId: karina.id })).token;
    const root = await gqlRequest(sys.gatewayUrl, `query($id: ID!) { person(id: $id) { givenName email } }`, { id: fixtures.fridolfId }, token);
    expect(root.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ref = await gqlRequest(sys.urls.access, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { givenName email } } }`, { r: [{ __typename: 'Person', id: fixtures.fridolfId }] }, token);
    expect(ref.data?._entities?.[0] ?? null).toBeNull();
    // She still sees herself.
    const me = await gqlRequest(sys.gatewayUrl, `{ me { givenName } }`, {}, token);
    expect(me.data?.me?.givenName).toBe('Karina');
  });

  it('finding 3: subgraphs bind 127.0.0.1 unless HOST says otherwise', () => {
    expect(parseEnv(commonEnvShape, {}).HOST).toBe('127.0.0.1');
    expect(parseEnv(commonEnvShape, { HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });
});
