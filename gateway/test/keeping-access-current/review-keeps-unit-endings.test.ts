import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { startSystem, type System } from '../support/system';
import { poll } from '../support/poll';

/**
 * R-END-1 with R-REV-1: a planned ending of an employment at a unit (endEmployment on one unit,
 * applied at once, R-SIGN-8) stands when a later signed change to the same person is applied.
 * A signed change carries roles and units but not the units' end dates, so applying it must not
 * silently give back the unit the ending takes away.
 */
const person = (givenName: string) => DEMO.people.find((p) => p.givenName === givenName)!;
const fridolf = person('Fridolf');
const agda = person('Agda');
const ARATRON = DEMO.organisations.aratron.id;
const STOD = DEMO.units.aratronStod.id;
const today = stockholmDate();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Gql = (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;

describe('R-END-1: a signed change keeps the end date of an employment at a unit', () => {
  let sys: System;
  let gql: Gql;
  let db: Client;
  let token: string;

  beforeAll(async () => {
    sys = await startSystem();
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
    token = (await mintToken(sys.keys.key, { kind: 'person', personId: fridolf.id })).token;
  });
  afterAll(async () => {
    await db?.end();
    await sys?.stop();
  });

  const unitEnd = () => db.query(`SELECT mu.valid_to::text AS v FROM access.membership_unit mu JOIN access.membership m ON m.id = mu.membership_id
    WHERE m.person_id = $1 AND m.organisation_id = $2 AND mu.unit_id = $3`, [agda.id, ARATRON, STOD]).then((r) => r.rows);
  const indexedUntil = () => db.query(`SELECT DISTINCT valid_to::text AS v FROM access.permission_grant WHERE person_id = $1 AND organisation_id = $2`, [agda.id, ARATRON]).then((r) => r.rows);

  it('a review\'s END of Agda\'s role, signed with BankID, leaves her employment at Stöd ending on its own date', async () => {
    // Agda's employment at Stöd ends in 20 days, as ending her there leaves it (endEmployment on one unit).
    const employmentEnds = addDays(today, 20);
    await db.query(`UPDATE access.membership_unit mu SET valid_to = $4::date FROM access.membership m
      WHERE m.id = mu.membership_id AND m.person_id = $1 AND m.organisation_id = $2 AND mu.unit_id = $3`, [agda.id, ARATRON, STOD, employmentEnds]);
    expect(await unitEnd()).toEqual([{ v: employmentEnds }]);

    const started = await gql(`mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id } }`,
      { i: { organisationId: ARATRON, deadline: addDays(today, 14), endUndecidedAtDeadline: false } }, token);
    expect(started.errors).toBeUndefined();
    const reviewId = started.data.startAccessReview.id;
    const items = await gql(`query($id: ID!) { accessReview(id: $id) { items(first: 100) { edges { node { id person { id } } } } } }`, { id: reviewId }, token);
    const agdaItem = items.data.accessReview.items.edges.find((e: { node: { person: { id: string } } }) => e.node.person.id === agda.id).node.id;
    // Her role ends later than her employment at Stöd does.
    const roleEnds = addDays(today, 40);
    const decided = await gql(`mutation($r: ID!, $d: [ReviewDecisionInput!]!) { decideReviewItems(reviewId: $r, decisions: $d) { id } }`,
      { r: reviewId, d: [{ itemId: agdaItem, decision: 'END', endDate: roleEnds }] }, token);
    expect(decided.errors).toBeUndefined();

    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON }, token);
    expect(signed.errors).toBeUndefined();
    const orderRef = signed.data.signChanges.orderRef;
    await sys.phone(orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult applyError } }`, { r: orderRef }, token), (r) => !!r.data?.signingOrder?.applyResult);
    expect(done.data.signingOrder).toEqual({ applyResult: 'APPLIED', applyError: null });

    // The role now ends on the reviewed date, and Stöd still ends on its own, earlier, date.
    const roles = await gql(`query($p: ID!) { person(id: $p) { memberships { roles { role { code } validTo } employments { unit { id } validTo } } } }`, { p: agda.id }, token);
    expect(roles.errors).toBeUndefined();
    expect(roles.data.person.memberships[0].roles).toEqual([{ role: { code: 'READER' }, validTo: roleEnds }]);
    expect(await unitEnd()).toEqual([{ v: employmentEnds }]);
    expect(roles.data.person.memberships[0].employments).toEqual([{ unit: { id: STOD }, validTo: employmentEnds }]);
    // R-SCOPE-4: so does the permission index: nothing of hers at Aratron outlives the employment.
    expect(await indexedUntil()).toEqual([{ v: employmentEnds }]);
    const check = `query($p: ID!, $o: ID!, $u: ID!, $on: Date!) { checkAccess(personId: $p, organisationId: $o, unitId: $u, function: "DOCUMENTS", access: READ, on: $on) { allowed } }`;
    const checkOn = async (on: string) => {
      const res = await gql(check, { p: agda.id, o: ARATRON, u: STOD, on }, token);
      expect(res.errors).toBeUndefined();
      return res.data.checkAccess.allowed;
    };
    expect(await checkOn(employmentEnds)).toBe(true);
    expect(await checkOn(addDays(today, 30))).toBe(false);
  });
});
