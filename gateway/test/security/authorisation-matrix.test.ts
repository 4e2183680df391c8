import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest, testKeys } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import {
  ACTORS, ARATRON, ARATRON_UNIT, DOROTEA, VUX, actorTokens, partnerToken, fresh, freshBankgiro, freshOrgNumber, freshPersonalNumber, person, type ActorKey, type Gql,
} from './actors';
import { poll } from '../support/poll';

/**
 * The authorisation matrix (R-AUTH-4). Every Query and Mutation field of the composed supergraph
 * is called through the gateway as each actor, and the outcome is compared with ONE table. A
 * field of the supergraph that is missing from the table fails the first test, so no operation
 * ships unguarded. Mutations whose happy path changes state get fresh inputs per actor (made by
 * the authority in `vars`), so every allowed actor really performs the change.
 *
 * Outcomes: 'ok' (no error, the field answered), or the error code the FIRST error must carry.
 * The mutations that take only ids are refused once more in hostile-input-ids.test.ts, there with
 * unknown and malformed ids, every table hashed before and after, and the audit event of the success.
 */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND';
type Expect = Record<ActorKey, Outcome>;
interface Env { gql: Gql; admin: string; today: string; shared: Shared }
interface Shared { signOrderRef: string; receiptId: string; receiptToken: string }
interface Row {
  /** The operation; it must select the field the row is named after (checked). */
  op: string;
  vars?: (actor: ActorKey, env: Env) => Record<string, unknown> | Promise<Record<string, unknown>>;
  expect: Expect;
  /** Why the expectation is what it is (rule ids). */
  why: string;
}

const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
/** Anyone signed in; nobody is UNAUTHENTICATED. */
const signedIn: Expect = { nobody: U, otherOrg: 'ok', reader: 'ok', serviceAdmin: 'ok', permissionAdmin: 'ok', authority: 'ok', client: 'ok' };
/** Open by design (log-in, public receipt verification). */
const open: Expect = { nobody: 'ok', otherOrg: 'ok', reader: 'ok', serviceAdmin: 'ok', permissionAdmin: 'ok', authority: 'ok', client: 'ok' };
/** R-ROLE-3: MANAGE_USERS in Aratron (its permission administrators) and the authority. The client lacks MANAGE_USERS. */
const manageUsers: Expect = { nobody: U, otherOrg: F, reader: F, serviceAdmin: F, permissionAdmin: 'ok', authority: 'ok', client: F };
/** R-AGR-2, R-ORG-2: the authority alone. */
const authorityOnly: Expect = { nobody: U, otherOrg: F, reader: F, serviceAdmin: F, permissionAdmin: F, authority: 'ok', client: F };
/** R-ROLE-2a: a function SERVICE_ADMIN and PERMISSION_ADMIN update, the reader only reads; the client holds it. */
const orgUpdate: Expect = { nobody: U, otherOrg: F, reader: F, serviceAdmin: 'ok', permissionAdmin: 'ok', authority: 'ok', client: 'ok' };
/** As orgUpdate, for ACCOUNT_INFO, which the partner system was NOT granted. */
const accountUpdate: Expect = { ...orgUpdate, client: F };
/** Only the signer (Fridolf, the permission administrator) and the authority follow a sign order or read its receipt. */
const signerOnly: Expect = { nobody: U, otherOrg: F, reader: F, serviceAdmin: F, permissionAdmin: 'ok', authority: 'ok', client: F };
/** R-END-5: only responsible roles (none in Aratron; Vux's Vera) and the authority end staff. */
const endStaff: Expect = { nobody: U, otherOrg: F, reader: F, serviceAdmin: F, permissionAdmin: F, authority: 'ok', client: F };

const laban = person('Laban');
const karina = person('Karina');
const anselm = person('Anselm');
const agda = person('Agda');
const tage = person('Tage');

async function must(env: Env, query: string, variables: Record<string, unknown>): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await env.gql(query, variables, env.admin);
  if (res.errors) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}
const newUnit = async (env: Env) => (await must(env, `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, {
  i: { organisationId: ARATRON, serviceCode: 'RUSTA_OCH_MATCHA', name: fresh('Matrisenhet'), addresses: [{ street: 'Testgatan 1', postalCode: '111 22', city: 'Stockholm' }] },
})).createUnit.id as string;
const newContact = async (env: Env) => (await must(env, `mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, {
  o: ARATRON, i: { givenName: 'Kontakt', surname: fresh('Person') },
})).createContactPerson.id as string;
const newAccount = async (env: Env) => (await must(env, `mutation($o: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $o, input: $i) { id } }`, {
  o: ARATRON, i: { type: 'BANKGIRO', number: freshBankgiro() },
})).createPaymentAccount.id as string;
const staffInput = (env: Env) => ({
  personalNumber: freshPersonalNumber(), givenName: 'Matris', surname: fresh('Testsson'), email: 'matris@test.se',
  roleCodes: ['READER'], unitIds: [ARATRON_UNIT], validFrom: env.today, validTo: addDays(env.today, 60),
});
const proposeFresh = async (env: Env, token = env.admin) => {
  const res = await env.gql(`mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id } }`, { o: ARATRON, i: staffInput(env) }, token);
  if (res.errors) throw new Error(`setup proposeStaff: ${JSON.stringify(res.errors)}`);
  return res.data.proposeStaff.id as string;
};
const newOrganisation = async (env: Env) => (await must(env, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, {
  i: { orgNumber: freshOrgNumber(), name: fresh('Matris AB'), kind: 'SUPPLIER' },
})).createOrganisation.id as string;
/** R-REV-1: a fresh review of Aratron (started by the authority) and one of its items. */
const newReviewItem = async (env: Env) => {
  const started = (await must(env, `mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id items(first: 1) { edges { node { id } } } } }`, {
    i: { organisationId: ARATRON, deadline: addDays(env.today, 14), endUndecidedAtDeadline: false },
  })).startAccessReview;
  return { reviewId: started.id as string, itemId: started.items.edges[0].node.id as string };
};
/** A loopback receiver address (development mode only, R-HOOK-1); nothing is delivered in this suite. */
const HOOK_URL = 'http://127.0.0.1:9/matris';
/** A fresh event subscription of Aratron, made by the authority. */
const newSubscription = async (env: Env) => (await must(env, `mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { subscription { id } } }`, {
  o: ARATRON, i: { url: HOOK_URL, events: ['employment.ended'] },
})).subscribeToEvents.subscription.id as string;
const administrator = () => ({ personalNumber: freshPersonalNumber(), givenName: 'Start', surname: fresh('Administratör') });

/** THE table: one row per Query and Mutation field of the supergraph. */
const MATRIX: Record<string, Row> = {
  // ── access: queries ──
  'Query.me': { op: `{ me { id } }`, expect: signedIn, why: 'anyone signed in reads themself (null for a client)' },
  'Query.person': { op: `query($id: ID!) { person(id: $id) { id givenName } }`, vars: () => ({ id: agda.id }), expect: { ...signedIn, otherOrg: F, client: F }, why: 'people are visible within shared organisations; a partner client only with MANAGE_USERS (R-AUTH-3; this one has CONTACT_PERSON, PERFORMING_UNIT)' },
  'Query.personByNumber': { op: `query($o: ID!, $p: String!) { personByNumber(organisationId: $o, personalNumber: $p) { id } }`, vars: () => ({ o: ARATRON, p: agda.personalNumber }), expect: manageUsers, why: 'R-USR-1, R-ROLE-3: look-up by number only for user managers' },
  'Query.roles': { op: `{ roles { code } }`, expect: signedIn, why: 'the role catalogue (R-ROLE-2) is readable by anyone signed in' },
  'Query.permissionScopes': { op: `query($p: ID!) { permissionScopes(personId: $p) { role { code } } }`, vars: () => ({ p: laban.id }), expect: manageUsers, why: 'R-SCOPE-1: self, MANAGE_USERS READ in the organisation, or the authority' },
  'Query.checkAccess': { op: `query($p: ID!, $o: ID!) { checkAccess(personId: $p, organisationId: $o, function: "DOCUMENTS", access: READ) { allowed } }`, vars: () => ({ p: laban.id, o: ARATRON }), expect: manageUsers, why: 'R-SCOPE-2 about someone else: user managers and the authority' },
  'Query.whoCan': { op: `query($o: ID!) { whoCan(organisationId: $o, function: "DOCUMENTS", access: READ) { totalCount } }`, vars: () => ({ o: ARATRON }), expect: manageUsers, why: 'R-SCOPE-3: user managers of the organisation and the authority' },
  'Query.myAccess': { op: `query($o: ID!) { myAccess(organisationId: $o, function: "DOCUMENTS", access: READ) { allowed } }`, vars: () => ({ o: ARATRON }), expect: signedIn, why: 'R-SCOPE-2 about oneself' },
  'Query.endEmploymentPreview': { op: `query($i: EndEmploymentInput!) { endEmploymentPreview(input: $i) { endDate } }`, vars: (_a, env) => ({ i: { organisationId: VUX, personId: tage.id, endDate: addDays(env.today, 30), unitId: DEMO.units.vuxKista.id, schoolFormCode: 'SFI' } }), expect: endStaff, why: 'R-END-5' },
  // ── organisations: queries ──
  'Query.organisation': { op: `query($id: ID!) { organisation(id: $id) { id name } }`, vars: () => ({ id: ARATRON }), expect: signedIn, why: 'basic organisation fields are shown next to memberships' },
  'Query.organisationByNumber': { op: `query($n: String!) { organisationByNumber(orgNumber: $n) { id } }`, vars: () => ({ n: DEMO.organisations.aratron.orgNumber }), expect: signedIn, why: 'as organisation' },
  'Query.organisations': { op: `{ organisations(first: 2) { totalCount } }`, expect: signedIn, why: 'as organisation' },
  'Query.services': { op: `{ services { code } }`, expect: signedIn, why: 'R-ORG-2: the catalogue is read by everyone' },
  'Query.accessReview': { op: `query($id: ID!) { accessReview(id: $id) { id status } }`, vars: async (_a, env) => ({ id: (await newReviewItem(env)).reviewId }), expect: manageUsers, why: 'R-REV-1: the organisation\'s user managers and the authority' },
  'Query.schoolForms': { op: `{ schoolForms { code } }`, expect: signedIn, why: 'the catalogue' },
  // ── signing: queries ──
  'Query.signingOrder': { op: `query($r: ID!) { signingOrder(orderRef: $r) { orderRef status } }`, vars: (_a, env) => ({ r: env.shared.signOrderRef }), expect: signerOnly, why: 'R-SIGN-2: a sign order is followed by its signer (and the authority)' },
  'Query.verifyReceipt': { op: `query($t: String!) { verifyReceipt(token: $t) }`, vars: (_a, env) => ({ t: env.shared.receiptToken }), expect: open, why: 'R-SIGN-3: anyone can verify a receipt' },
  'Query.verifyAuditLog': { op: `query($o: ID!) { verifyAuditLog(organisationId: $o) { ok } }`, vars: () => ({ o: ARATRON }), expect: manageUsers, why: 'R-AUDIT-3: administrators and the authority' },
  'Query.receipt': { op: `query($id: ID!) { receipt(id: $id) { id digest } }`, vars: (_a, env) => ({ id: env.shared.receiptId }), expect: signerOnly, why: 'R-SIGN-3: the signer and the authority read a receipt' },
  // ── access: mutations ──
  'Mutation.registerAgreement': {
    op: `mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { id status } }`,
    vars: async (a, env) => ({ i: { organisationId: a === 'authority' ? await newOrganisation(env) : ARATRON, administrator: administrator() } }),
    expect: authorityOnly, why: 'R-AGR-2',
  },
  'Mutation.activateAgreement': {
    op: `mutation($id: ID!) { activateAgreement(id: $id) { id status } }`,
    vars: async (_a, env) => ({ id: (await must(env, `mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { id } }`, { i: { organisationId: await newOrganisation(env), administrator: administrator() } })).registerAgreement.id }),
    expect: authorityOnly, why: 'R-AGR-2',
  },
  'Mutation.proposeStaff': { op: `mutation($o: ID!, $i: StaffInput!) { proposeStaff(organisationId: $o, input: $i) { id kind } }`, vars: (_a, env) => ({ o: ARATRON, i: staffInput(env) }), expect: manageUsers, why: 'R-ROLE-3, R-SIGN-1' },
  'Mutation.proposeStaffChange': { op: `mutation($o: ID!, $p: ID!, $i: StaffChangeInput!) { proposeStaffChange(organisationId: $o, personId: $p, input: $i) { id kind } }`, vars: (a) => ({ o: ARATRON, p: a === 'authority' ? anselm.id : laban.id, i: { email: `${a}@matris.se` } }), expect: manageUsers, why: 'R-ROLE-3' },
  'Mutation.proposeStaffRemoval': { op: `mutation($o: ID!, $p: ID!) { proposeStaffRemoval(organisationId: $o, personId: $p) { id kind } }`, vars: (a) => ({ o: ARATRON, p: a === 'authority' ? laban.id : karina.id }), expect: manageUsers, why: 'R-ROLE-3' },
  'Mutation.discardPendingChange': { op: `mutation($id: ID!) { discardPendingChange(id: $id) { id } }`, vars: async (_a, env) => ({ id: await proposeFresh(env) }), expect: manageUsers, why: 'R-SIGN-1: drafts are edited by user managers' },
  'Mutation.signChanges': { op: `mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, vars: async (_a, env) => { await proposeFresh(env); return { o: ARATRON }; }, expect: { ...manageUsers, authority: F }, why: 'R-SIGN-2 (a partner system cannot sign: no BankID); R-ROLE-3: only an administrator of the organisation signs, the authority cannot sign for it' },
  'Mutation.changeAuthorisationPeriod': { op: `mutation($o: ID!, $p: [ID!]!, $t: Date!) { changeAuthorisationPeriod(organisationId: $o, personIds: $p, validTo: $t) { id } }`, vars: (_a, env) => ({ o: ARATRON, p: [agda.id], t: addDays(env.today, 200) }), expect: manageUsers, why: 'R-PERIOD-4, R-ROLE-3' },
  'Mutation.endEmployment': { op: `mutation($i: EndEmploymentInput!) { endEmployment(input: $i) { endDate } }`, vars: (_a, env) => ({ i: { organisationId: VUX, personId: tage.id, endDate: addDays(env.today, 30), unitId: DEMO.units.vuxKista.id, schoolFormCode: 'SFI' } }), expect: endStaff, why: 'R-END-5' },
  'Mutation.startAccessReview': { op: `mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id } }`, vars: (_a, env) => ({ i: { organisationId: ARATRON, deadline: addDays(env.today, 14), endUndecidedAtDeadline: false } }), expect: manageUsers, why: 'R-REV-1: the authority or the organisation\'s permission administrators (not partner systems)' },
  'Mutation.decideReviewItems': { op: `mutation($r: ID!, $d: [ReviewDecisionInput!]!) { decideReviewItems(reviewId: $r, decisions: $d) { id } }`, vars: async (_a, env) => { const { reviewId, itemId } = await newReviewItem(env); return { r: reviewId, d: [{ itemId, decision: 'KEEP' }] }; }, expect: manageUsers, why: 'R-REV-1: the organisation\'s permission administrators (and the authority) decide' },
  // ── organisations: mutations ──
  'Mutation.createOrganisation': { op: `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, vars: () => ({ i: { orgNumber: freshOrgNumber(), name: fresh('Ny AB'), kind: 'SUPPLIER' } }), expect: authorityOnly, why: 'CONTRACT: authority only' },
  'Mutation.changeOrganisation': { op: `mutation($id: ID!, $i: ChangeOrganisationInput!) { changeOrganisation(id: $id, input: $i) { id } }`, vars: () => ({ id: ARATRON, i: { phone: '08-123 456 00' } }), expect: orgUpdate, why: 'R-ROLE-2a CONTACT_PERSON UPDATE' },
  'Mutation.createService': { op: `mutation($i: CreateServiceInput!) { createService(input: $i) { code } }`, vars: () => ({ i: { code: `MATRIS_${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'Matristjänst' } }), expect: authorityOnly, why: 'R-ORG-2' },
  'Mutation.changeService': { op: `mutation { changeService(code: "RUSTA_OCH_MATCHA", name: "Rusta och matcha") { code } }`, expect: authorityOnly, why: 'R-ORG-2' },
  'Mutation.createUnit': { op: `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, vars: () => ({ i: { organisationId: ARATRON, serviceCode: 'RUSTA_OCH_MATCHA', name: fresh('Ny enhet'), addresses: [{ street: 'Testgatan 2', postalCode: '111 22', city: 'Stockholm' }] } }), expect: orgUpdate, why: 'R-ORG-3, PERFORMING_UNIT UPDATE' },
  'Mutation.renameUnit': { op: `mutation($id: ID!, $n: String!) { renameUnit(id: $id, name: $n) { id } }`, vars: async (_a, env) => ({ id: await newUnit(env), n: fresh('Omdöpt') }), expect: orgUpdate, why: 'PERFORMING_UNIT UPDATE' },
  'Mutation.addAddress': { op: `mutation($u: ID!, $i: AddressInput!) { addAddress(unitId: $u, input: $i) { id } }`, vars: async (_a, env) => ({ u: await newUnit(env), i: { street: 'Extragatan 3', postalCode: '753 21', city: 'Uppsala' } }), expect: orgUpdate, why: 'PERFORMING_UNIT UPDATE' },
  'Mutation.removeAddress': {
    op: `mutation($id: ID!) { removeAddress(id: $id) { id } }`,
    vars: async (_a, env) => ({ id: (await must(env, `mutation($u: ID!, $i: AddressInput!) { addAddress(unitId: $u, input: $i) { id } }`, { u: await newUnit(env), i: { street: 'Bortgatan 4', postalCode: '753 21', city: 'Uppsala' } })).addAddress.id }),
    expect: orgUpdate, why: 'PERFORMING_UNIT UPDATE',
  },
  'Mutation.closeUnit': { op: `mutation($id: ID!) { closeUnit(id: $id) { id } }`, vars: async (_a, env) => ({ id: await newUnit(env) }), expect: orgUpdate, why: 'PERFORMING_UNIT UPDATE' },
  'Mutation.createContactPerson': { op: `mutation($o: ID!, $i: ContactPersonInput!) { createContactPerson(organisationId: $o, input: $i) { id } }`, vars: () => ({ o: ARATRON, i: { givenName: 'Ny', surname: fresh('Kontakt') } }), expect: orgUpdate, why: 'CONTACT_PERSON UPDATE' },
  'Mutation.changeContactPerson': { op: `mutation($id: ID!, $i: ContactPersonChangeInput!) { changeContactPerson(id: $id, input: $i) { id } }`, vars: async (_a, env) => ({ id: await newContact(env), i: { surname: fresh('Ändrad') } }), expect: orgUpdate, why: 'CONTACT_PERSON UPDATE' },
  'Mutation.removeContactPerson': { op: `mutation($id: ID!) { removeContactPerson(id: $id) { id } }`, vars: async (_a, env) => ({ id: await newContact(env) }), expect: orgUpdate, why: 'CONTACT_PERSON UPDATE' },
  'Mutation.createPaymentAccount': { op: `mutation($o: ID!, $i: PaymentAccountInput!) { createPaymentAccount(organisationId: $o, input: $i) { id } }`, vars: () => ({ o: ARATRON, i: { type: 'BANKGIRO', number: freshBankgiro() } }), expect: accountUpdate, why: 'ACCOUNT_INFO UPDATE' },
  'Mutation.changePaymentAccount': { op: `mutation($id: ID!, $i: PaymentAccountChangeInput!) { changePaymentAccount(id: $id, input: $i) { id } }`, vars: async (_a, env) => ({ id: await newAccount(env), i: { number: freshBankgiro() } }), expect: accountUpdate, why: 'ACCOUNT_INFO UPDATE' },
  'Mutation.removePaymentAccount': { op: `mutation($id: ID!) { removePaymentAccount(id: $id) { id } }`, vars: async (_a, env) => ({ id: await newAccount(env) }), expect: accountUpdate, why: 'ACCOUNT_INFO UPDATE' },
  'Mutation.reviewPaymentAccount': { op: `mutation($id: ID!) { reviewPaymentAccount(id: $id, status: REVIEWED) { id } }`, vars: async (_a, env) => ({ id: await newAccount(env) }), expect: authorityOnly, why: 'the authority reviews accounts (R-ORG-1)' },
  // ── signing: mutations ──
  'Mutation.startLogin': { op: `mutation { startLogin { orderRef } }`, expect: open, why: 'R-AUTH-1: log-in needs no token' },
  'Mutation.completeLogin': {
    op: `mutation($r: ID!) { completeLogin(orderRef: $r) { token } }`,
    vars: async (_a, env) => {
      const ref = (await env.gql(`mutation { startLogin { orderRef } }`)).data.startLogin.orderRef;
      await sysRef.phone(ref, 'complete', { personalNumber: agda.personalNumber });
      return { r: ref };
    },
    expect: open, why: 'R-AUTH-1: whoever holds the orderRef of a completed log-in gets that session',
  },
  'Mutation.cancelOrder': { op: `mutation($r: ID!) { cancelOrder(orderRef: $r) { orderRef } }`, vars: (_a, env) => ({ r: env.shared.signOrderRef }), expect: signerOnly, why: 'only the signer cancels a sign order' },
  'Mutation.registerApiClient': { op: `mutation($o: ID!, $f: [String!]!) { registerApiClient(organisationId: $o, name: "Matrisklient", functions: $f) { client { id } } }`, vars: () => ({ o: ARATRON, f: ['DOCUMENTS'] }), expect: manageUsers, why: 'R-AUTH-2: permission administrators manage partner systems' },
  'Mutation.revokeApiClient': {
    op: `mutation($c: ID!) { revokeApiClient(clientId: $c) { id } }`,
    vars: async (_a, env) => ({ c: (await must(env, `mutation($o: ID!) { registerApiClient(organisationId: $o, name: "Återkallas", functions: ["DOCUMENTS"]) { client { id } } }`, { o: ARATRON })).registerApiClient.client.id }),
    expect: manageUsers, why: 'R-AUTH-2',
  },
  // ── signing: event subscriptions (R-HOOK-1; a loopback http address is allowed in development) ──
  'Mutation.subscribeToEvents': {
    op: `mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { subscription { id } } }`,
    vars: () => ({ o: ARATRON, i: { url: HOOK_URL, events: ['employment.ended'] } }),
    expect: manageUsers, why: 'permission administrators (MANAGE_USERS UPDATE) of the organisation, its partner systems holding MANAGE_USERS, and the authority',
  },
  'Mutation.unsubscribeFromEvents': {
    op: `mutation($id: ID!) { unsubscribeFromEvents(id: $id) { id } }`,
    vars: async (_a, env) => ({ id: await newSubscription(env) }),
    expect: manageUsers, why: 'as subscribeToEvents: MANAGE_USERS UPDATE in the subscription\'s organisation',
  },
};

let sysRef: System;

function supergraphRootFields(): string[] {
  const sdl = readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
  const fields: string[] = [];
  for (const d of parse(sdl).definitions) {
    if ((d.kind === 'ObjectTypeDefinition' || d.kind === 'ObjectTypeExtension') && (d.name.value === 'Query' || d.name.value === 'Mutation')) {
      for (const f of (d as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) fields.push(`${d.name.value}.${f.name.value}`);
    }
  }
  return fields.sort();
}


describe('Authorisation matrix: every Query and Mutation field × every kind of actor', () => {
  let tokens: Record<ActorKey, string | undefined>;
  let env: Env;

  beforeAll(async () => {
    sysRef = await startSystem();
    tokens = await actorTokens(sysRef);
    const gql: Gql = (q, v, t) => gqlRequest(sysRef.gatewayUrl, q, v, t);
    const today = stockholmDate();
    env = { gql, admin: tokens.authority!, today, shared: undefined as unknown as Shared };
    // A signed and applied change set of Aratron, signed by Fridolf: its order and receipt are the
    // objects that only the signer (and the authority) may follow and read.
    const fridolf = person('Fridolf');
    await proposeFresh(env, tokens.permissionAdmin);
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON }, tokens.permissionAdmin);
    if (signed.errors) throw new Error(JSON.stringify(signed.errors));
    const signOrderRef = signed.data.signChanges.orderRef as string;
    await sysRef.phone(signOrderRef, 'complete', { personalNumber: fridolf.personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult receipt { id token } } }`, { r: signOrderRef }, tokens.permissionAdmin), (r) => !!r.data?.signingOrder?.applyResult);
    expect(done.data.signingOrder.applyResult).toBe('APPLIED');
    env.shared = { signOrderRef, receiptId: done.data.signingOrder.receipt.id, receiptToken: done.data.signingOrder.receipt.token };
  });
  afterAll(async () => { await sysRef?.stop(); });

  it('the table covers every Query and Mutation field of schema/supergraph.graphql, and nothing else', () => {
    const inSchema = supergraphRootFields();
    const inTable = Object.keys(MATRIX).sort();
    expect(inSchema.filter((f) => !inTable.includes(f))).toEqual([]); // a new operation must be added to the table
    expect(inTable.filter((f) => !inSchema.includes(f))).toEqual([]);
    for (const [key, row] of Object.entries(MATRIX)) {
      const [type, field] = key.split('.');
      const opDef = parse(row.op).definitions[0];
      expect({ key, kind: opDef.kind === 'OperationDefinition' ? opDef.operation : null }).toEqual({ key, kind: type === 'Query' ? 'query' : 'mutation' });
      expect({ key, selects: opDef.kind === 'OperationDefinition' && opDef.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === field) }).toEqual({ key, selects: true });
      expect(Object.keys(row.expect).sort()).toEqual([...ACTORS].sort());
    }
  });

  const fieldOf = (key: string) => key.split('.')[1];

  let calls = 0;
  // One test per field: the outcome for all seven actors, compared at once so a failure lists every mismatch.
  it.each(Object.keys(MATRIX))('%s answers each actor as the table says', async (key) => {
    const row = MATRIX[key];
    const mismatches: string[] = [];
    // Refused actors first, so an allowed actor's change cannot hide a refusal.
    const order = [...ACTORS].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));
    for (const actor of order) {
      const variables = row.vars ? await row.vars(actor, env) : undefined;
      const res = await env.gql(row.op, variables, tokens[actor]);
      calls++;
      const got: string = res.errors?.length ? String(res.errors[0].extensions?.code) : res.data?.[fieldOf(key)] !== undefined ? 'ok' : 'no data';
      const expected = row.expect[actor];
      // A refusal must not also hand out the data.
      const leaked = expected !== 'ok' && res.data?.[fieldOf(key)] != null;
      if (got !== expected || leaked) mismatches.push(`${key} as ${actor}: expected ${expected}, got ${got}${leaked ? ' WITH DATA' : ''} ${res.errors ? `(${res.errors[0].message})` : ''}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('ran every field as every actor', () => {
    expect(calls).toBe(Object.keys(MATRIX).length * ACTORS.length);
  });

  it('R-ROLE-3: nobody but the authority grants a partner system a function they do not hold themselves; nothing is registered', async () => {
    const count = async () => {
      const db = new Client({ connectionString: sysRef.db.url });
      await db.connect();
      try {
        const { rows } = await db.query(`SELECT (SELECT count(*) FROM signing.api_client)::int AS clients, (SELECT count(*) FROM signing.audit_event WHERE action = 'apiClient.registered')::int AS events`);
        return rows[0] as { clients: number; events: number };
      } finally { await db.end(); }
    };
    const register = (fns: string[], token: string | undefined) =>
      env.gql(`mutation($o: ID!, $f: [String!]!) { registerApiClient(organisationId: $o, name: "Eskalering", functions: $f) { client { id } } }`, { o: ARATRON, f: fns }, token);
    const userManagerClient = await partnerToken(sysRef, env.admin, ARATRON, ['MANAGE_USERS']);
    const before = await count();
    // A partner system holding only MANAGE_USERS tries to mint itself account rights.
    expect((await register(['MANAGE_USERS', 'ACCOUNT_INFO'], userManagerClient)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Fridolf (KA Webb PERMISSION_ADMIN) holds no Skolplattformen function such as END_STAFF or GRADES.
    expect((await register(['END_STAFF'], tokens.permissionAdmin)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toEqual(before);
    // What they do hold, they may hand on; the authority may grant anything.
    expect((await register(['MANAGE_USERS'], userManagerClient)).errors).toBeUndefined();
    expect((await register(['DOCUMENTS', 'CONTACT_PERSON'], tokens.permissionAdmin)).errors).toBeUndefined();
    expect((await register(['END_STAFF'], env.admin)).errors).toBeUndefined();
  });

  /**
   * Guarded fields below the root: the parts of an organisation or a person that only some actors
   * may read (R-USR-1, R-AUDIT-3, R-ROLE-2a READ levels). 'shown' / 'hidden' = answered without an
   * error with a value / with null (the field is withheld, not refused).
   */
  type FieldOutcome = Outcome | 'shown' | 'hidden';
  const readOrg = (fn: 'CONTACT_PERSON' | 'ACCOUNT_INFO'): Record<ActorKey, FieldOutcome> =>
    ({ nobody: U, otherOrg: F, reader: 'ok', serviceAdmin: 'ok', permissionAdmin: 'ok', authority: 'ok', client: fn === 'CONTACT_PERSON' ? 'ok' : F });
  const FIELDS: Record<string, { op: string; path: string[]; expect: Record<ActorKey, FieldOutcome>; why: string }> = {
    'Organisation.phone': { op: `{ organisation(id: "${ARATRON}") { phone } }`, path: ['organisation', 'phone'], expect: readOrg('CONTACT_PERSON'), why: 'contact details: CONTACT_PERSON READ' },
    'Organisation.contactPersons': { op: `{ organisation(id: "${ARATRON}") { contactPersons { id } } }`, path: ['organisation', 'contactPersons'], expect: readOrg('CONTACT_PERSON'), why: 'CONTACT_PERSON READ' },
    'Organisation.paymentAccounts': { op: `{ organisation(id: "${ARATRON}") { paymentAccounts { id } } }`, path: ['organisation', 'paymentAccounts'], expect: readOrg('ACCOUNT_INFO'), why: 'ACCOUNT_INFO READ (not granted to the partner system)' },
    'Organisation.staff': { op: `{ organisation(id: "${ARATRON}") { staff(first: 1) { totalCount } } }`, path: ['organisation', 'staff'], expect: manageUsers, why: 'R-USR-1, R-ROLE-3: the staff list is for user managers' },
    'Organisation.changesToSign': { op: `{ organisation(id: "${ARATRON}") { changesToSign { id } } }`, path: ['organisation', 'changesToSign'], expect: manageUsers, why: 'R-SIGN-1' },
    'Organisation.auditLog': { op: `{ organisation(id: "${ARATRON}") { auditLog(first: 1) { totalCount } } }`, path: ['organisation', 'auditLog'], expect: manageUsers, why: 'R-AUDIT-3' },
    'Organisation.apiClients': { op: `{ organisation(id: "${ARATRON}") { apiClients { id } } }`, path: ['organisation', 'apiClients'], expect: manageUsers, why: 'R-AUTH-2' },
    'Person.personalNumber': { op: `{ person(id: "${laban.id}") { personalNumber } }`, path: ['person', 'personalNumber'], expect: { nobody: U, otherOrg: F, reader: 'hidden', serviceAdmin: 'hidden', permissionAdmin: 'shown', authority: 'shown', client: F }, why: 'R-USR-1: the full number only to those who manage the person; the client without MANAGE_USERS sees no person (R-AUTH-3)' },
    'Person.memberships': { op: `{ person(id: "${laban.id}") { memberships { organisation { id } } } }`, path: ['person', 'memberships'], expect: { ...signedIn, otherOrg: F, client: F }, why: 'people are visible within shared organisations; not to a client without MANAGE_USERS (R-AUTH-3)' },
    'Person.permissionScopes': { op: `{ person(id: "${laban.id}") { permissionScopes { role { code } } } }`, path: ['person', 'permissionScopes'], expect: manageUsers, why: 'R-SCOPE-1' },
    'Person.receipts': { op: `{ person(id: "${person('Fridolf').id}") { receipts(first: 1) { totalCount } } }`, path: ['person', 'receipts'], expect: signerOnly, why: 'R-SIGN-3: one\'s own receipts (and the authority)' },
  };
  it.each(Object.keys(FIELDS))('guarded field %s answers each actor as the table says', async (key) => {
    const row = FIELDS[key];
    const mismatches: string[] = [];
    for (const actor of ACTORS) {
      const res = await env.gql(row.op, undefined, tokens[actor]);
      let value: unknown = res.data;
      for (const p of row.path) value = (value as Record<string, unknown> | null | undefined)?.[p];
      const got = res.errors?.length ? String(res.errors[0].extensions?.code) : value === undefined ? 'no data' : value === null ? 'hidden' : 'shown';
      const expected = row.expect[actor];
      const ok = expected === 'ok' ? got === 'shown' || got === 'hidden' : got === expected;
      // A refusal must not hand out the value either.
      if (!ok || (res.errors?.length && value != null)) mismatches.push(`${key} as ${actor}: expected ${expected}, got ${got}`);
    }
    expect(mismatches).toEqual([]);
  });

  describe('bad tokens are UNAUTHENTICATED on every kind of operation, through the gateway and at each subgraph', () => {
    const ops: { name: string; query: string; variables?: Record<string, unknown> }[] = [
      { name: 'me', query: `{ me { id } }` },
      { name: 'organisations', query: `{ organisations(first: 1) { totalCount } }` },
      { name: 'proposeStaff', query: `mutation($o: ID!) { proposeStaffRemoval(organisationId: $o, personId: "${laban.id}") { id } }`, variables: { o: ARATRON } },
      { name: 'startLogin (public, but a bad token is still refused)', query: `mutation { startLogin { orderRef } }` },
    ];
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = () => Math.floor(Date.now() / 1000);
    const authorityClaims = () => ({ knd: 'person', pid: DEMO.people[0].id, auth: true, iss: 'behorig-signing', aud: 'behorig', sub: 'person:x', iat: now(), exp: now() + 600 });
    const badTokens: Record<string, () => Promise<string>> = {
      expired: async () => (await mintToken(sysRef.keys.key, { kind: 'person', personId: DEMO.people[0].id, authority: true }, -120)).token,
      'forged (another ES256 key)': async () => (await testKeys()).token({ personalNumber: '191212121212', authority: true }),
      'unsigned (alg: none)': async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(authorityClaims())}.`,
      'HS256 with the public key as secret': async () => new SignJWT(authorityClaims()).setProtectedHeader({ alg: 'HS256', kid: sysRef.keys.key.kid }).sign(new TextEncoder().encode(JSON.stringify(sysRef.keys.key.publicJwk))),
      'a reader\'s real token with its payload edited to authority': async () => {
        const [h, p, s] = tokens.reader!.split('.');
        const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
        return `${h}.${b64({ ...payload, auth: true })}.${s}`;
      },
      'wrong audience': async () => new SignJWT({ ...authorityClaims(), aud: 'behorig-receipt' }).setProtectedHeader({ alg: 'ES256', kid: sysRef.keys.key.kid }).sign(sysRef.keys.key.privateKey),
      'garbage': async () => 'not.a.jwt',
    };
    it.each(Object.keys(badTokens))('%s', async (kind) => {
      const token = await badTokens[kind]();
      const targets = [sysRef.gatewayUrl, sysRef.urls.organisations, sysRef.urls.access, sysRef.urls.signing];
      for (const url of targets) {
        for (const op of ops) {
          // Each subgraph only knows its own fields: send it one of them.
          const query = url === sysRef.urls.organisations ? ops[1].query : url === sysRef.urls.signing ? ops[3].query : url === sysRef.urls.access ? ops[0].query : op.query;
          const res = await gqlRequest(url, query, url === sysRef.gatewayUrl ? op.variables : undefined, token);
          expect({ url, op: op.name, code: res.errors?.[0].extensions?.code, data: res.data ?? null }).toEqual({ url, op: op.name, code: 'UNAUTHENTICATED', data: null });
        }
      }
    });
  });
});

void DOROTEA;
