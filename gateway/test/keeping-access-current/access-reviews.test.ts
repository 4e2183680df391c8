import { Client } from 'pg';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { createOutboxRelay } from '@behorig/kit/outbox';
import { createReceiptVerifier } from '@behorig/kit/receipt';
import { closeDueReviews } from '@behorig/access/src/modules/reviews/reviews.service';
import { startSystem, type System } from '../support/system';
import { poll } from '../support/poll';

/**
 * R-REV-1 access reviews through the gateway with the BankID simulator: start (authority or the
 * organisation's permission administrators), progress, KEEP/END decisions into the changes to
 * sign, BankID signature and apply, the deadline; and R-NOTE-1 notices. Every mutation: the happy
 * path, FORBIDDEN for another organisation, BAD_USER_INPUT with nothing changed, its audit event.
 */
const person = (givenName: string) => DEMO.people.find((p) => p.givenName === givenName)!;
const fridolf = person('Fridolf');
const agda = person('Agda');
const laban = person('Laban');
const ARATRON = DEMO.organisations.aratron.id;
const today = stockholmDate();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Gql = (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;

describe('R-REV-1 access reviews and R-NOTE-1 notices through the gateway', () => {
  let sys: System;
  let gql: Gql;
  let db: Client;
  const tokens: Record<string, string> = {};
  let reviewId: string;
  let otherReviewId: string;

  const startReview = (token: string, input: Record<string, unknown>) =>
    gql(`mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id deadline status endUndecidedAtDeadline organisation { id } items { totalCount } } }`, { i: input }, token);
  const items = async (id: string, decided?: boolean) => {
    const res = await gql(`query($id: ID!, $d: Boolean) { accessReview(id: $id) { items(decided: $d, first: 100) { totalCount edges { node { id decision endDate person { id givenName } assignment { role { code } validFrom validTo } } } } } }`, { id, d: decided ?? null }, tokens.fridolf);
    expect(res.errors).toBeUndefined();
    return res.data.accessReview.items as { totalCount: number; edges: { node: { id: string; decision: string | null; endDate: string | null; person: { id: string; givenName: string }; assignment: { role: { code: string }; validFrom: string; validTo: string | null } } }[] };
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  const events = (action: string) => db.query(`SELECT actor, organisation_id, target, before, after FROM access.outbox_event WHERE action = $1 ORDER BY id`, [action]).then((r) => r.rows);

  beforeAll(async () => {
    sys = await startSystem();
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
    const mint = async (givenName: string, authority = false) => (await mintToken(sys.keys.key, { kind: 'person', personId: person(givenName).id, authority })).token;
    tokens.fridolf = await mint('Fridolf');
    tokens.arvid = await mint('Arvid');
    tokens.agda = await mint('Agda');
    tokens.authority = await mint('Tolvan', true);
  });
  afterAll(async () => {
    await db?.end();
    await sys?.stop();
  });

  it('R-REV-1: a permission administrator starts a review: a snapshot of the active assignments, with its audit event', async () => {
    const active = await count(`SELECT count(*) AS n FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id
      WHERE m.organisation_id = $1 AND ra.valid_from <= $2::date AND (ra.valid_to IS NULL OR ra.valid_to >= $2::date)`, [ARATRON, today]);
    const res = await startReview(tokens.fridolf, { organisationId: ARATRON, deadline: addDays(today, 14), endUndecidedAtDeadline: false });
    expect(res.errors).toBeUndefined();
    expect(res.data.startAccessReview).toMatchObject({ deadline: addDays(today, 14), status: 'OPEN', endUndecidedAtDeadline: false, organisation: { id: ARATRON }, items: { totalCount: active } });
    reviewId = res.data.startAccessReview.id;
    // Karina Asp's role ended in September: not active, not in the review.
    const all = await items(reviewId);
    expect(all.edges.map((e) => e.node.person.givenName)).not.toContain('Karina');
    expect(all.edges.find((e) => e.node.person.id === agda.id)?.node.assignment).toEqual({ role: { code: 'READER' }, validFrom: '2013-11-11', validTo: '2027-12-31' });
    const [event] = await events('access.review.started');
    expect(event).toMatchObject({ actor: `person:${fridolf.id}`, organisation_id: ARATRON, target: `access_review:${reviewId}`, after: { reviewId, items: active, endUndecidedAtDeadline: false } });
    const listed = await gql(`query($o: ID!) { organisation(id: $o) { accessReviews { id status } } }`, { o: ARATRON }, tokens.fridolf);
    expect(listed.data.organisation.accessReviews).toEqual([{ id: reviewId, status: 'OPEN' }]);
  });

  it('R-REV-1: the authority starts one too; another organisation\'s administrator and a reader are FORBIDDEN, nothing is written', async () => {
    const before = await count(`SELECT count(*) AS n FROM access.access_review`);
    for (const token of [tokens.arvid, tokens.agda]) {
      const res = await startReview(token, { organisationId: ARATRON, deadline: addDays(today, 14), endUndecidedAtDeadline: false });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await count(`SELECT count(*) AS n FROM access.access_review`)).toBe(before);
    const byAuthority = await startReview(tokens.authority, { organisationId: ARATRON, deadline: addDays(today, 7), endUndecidedAtDeadline: false });
    expect(byAuthority.errors).toBeUndefined();
    otherReviewId = byAuthority.data.startAccessReview.id;
    const read = await gql(`query($id: ID!) { accessReview(id: $id) { id } }`, { id: reviewId }, tokens.arvid);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(read.data?.accessReview ?? null).toBeNull();
  });

  it('R-REV-1: a deadline in the past is BAD_USER_INPUT and nothing is written', async () => {
    const before = await count(`SELECT count(*) AS n FROM access.access_review`);
    const res = await startReview(tokens.fridolf, { organisationId: ARATRON, deadline: addDays(today, -1), endUndecidedAtDeadline: true });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_DEADLINE_PASSED', field: 'input.deadline' });
    expect(await count(`SELECT count(*) AS n FROM access.access_review`)).toBe(before);
  });

  const decide = (token: string, id: string, decisions: unknown[]) =>
    gql(`mutation($r: ID!, $d: [ReviewDecisionInput!]!) { decideReviewItems(reviewId: $r, decisions: $d) { id status changes { kind person { personId } validTo } signingText } }`, { r: id, d: decisions }, token);

  it('R-REV-1: END without a date and an item of another review are BAD_USER_INPUT; another organisation is FORBIDDEN; nothing changes', async () => {
    const all = await items(reviewId);
    const agdaItem = all.edges.find((e) => e.node.person.id === agda.id)!.node.id;
    const foreign = (await gql(`query($id: ID!) { accessReview(id: $id) { items(first: 1) { edges { node { id } } } } }`, { id: otherReviewId }, tokens.fridolf)).data.accessReview.items.edges[0].node.id;
    const snapshot = async () => (await db.query(`SELECT (SELECT count(*) FROM access.access_review_item WHERE decision IS NOT NULL) AS decided, (SELECT count(*) FROM access.pending_change) AS pending,
      (SELECT count(*) FROM access.outbox_event WHERE action = 'access.review.decided') AS events`)).rows[0];
    const before = await snapshot();
    const noDate = await decide(tokens.fridolf, reviewId, [{ itemId: agdaItem, decision: 'END' }]);
    expect(noDate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_END_DATE_REQUIRED', field: 'decisions[0].endDate' });
    const other = await decide(tokens.fridolf, reviewId, [{ itemId: agdaItem, decision: 'KEEP' }, { itemId: foreign, decision: 'KEEP' }]);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_ITEM_NOT_IN_REVIEW', field: 'decisions[1].itemId' });
    const forbidden = await decide(tokens.arvid, reviewId, [{ itemId: agdaItem, decision: 'KEEP' }]);
    expect(forbidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot()).toEqual(before);
  });

  it('R-REV-1: KEEP and END become the changes to sign; progress shows what is left; audit event', async () => {
    const all = await items(reviewId);
    const agdaItem = all.edges.find((e) => e.node.person.id === agda.id)!.node.id;
    const labanItem = all.edges.find((e) => e.node.person.id === laban.id)!.node.id;
    const end = addDays(today, 10);
    const res = await decide(tokens.fridolf, reviewId, [{ itemId: agdaItem, decision: 'END', endDate: end }, { itemId: labanItem, decision: 'KEEP' }]);
    expect(res.errors).toBeUndefined();
    expect(res.data.decideReviewItems).toMatchObject({ status: 'DRAFT', changes: [{ kind: 'CHANGED', person: { personId: agda.id }, validTo: end }] });
    // R-SIGN-6: the signer sees the role with its new period.
    expect(res.data.decideReviewItems.signingText).toContain(`Agda Andersson, Läsare 2013-11-11 – ${end}`);
    expect((await items(reviewId, false)).totalCount).toBe(all.totalCount - 2);
    const decided = await items(reviewId, true);
    expect(decided.edges.map((e) => [e.node.person.givenName, e.node.decision, e.node.endDate]).sort()).toEqual([['Agda', 'END', end], ['Laban', 'KEEP', null]]);
    const [event] = await events('access.review.decided');
    expect(event).toMatchObject({ actor: `person:${fridolf.id}`, organisation_id: ARATRON, target: `access_review:${reviewId}`, after: { reviewId, changes: 1 } });
    // Nothing is applied before the signature.
    expect(await count(`SELECT count(*) AS n FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = $1 AND ra.valid_to = $2::date`, [agda.id, end])).toBe(0);
  });

  it('R-REV-1 with R-SIGN-2…4: signed with BankID, the END is applied exactly once and Agda\'s role ends on the date', async () => {
    const end = addDays(today, 10);
    const signed = await gql(`mutation($o: ID!) { signChanges(organisationId: $o) { orderRef } }`, { o: ARATRON }, tokens.fridolf);
    expect(signed.errors).toBeUndefined();
    const orderRef = signed.data.signChanges.orderRef;
    await sys.phone(orderRef, 'complete', { personalNumber: fridolf.personalNumber });
    const done = await poll(() => gql(`query($r: ID!) { signingOrder(orderRef: $r) { applyResult applyError } }`, { r: orderRef }, tokens.fridolf), (r) => !!r.data?.signingOrder?.applyResult);
    expect(done.data.signingOrder).toEqual({ applyResult: 'APPLIED', applyError: null });
    const roles = await gql(`query($p: ID!) { person(id: $p) { memberships { roles { role { code } validFrom validTo } } } }`, { p: agda.id }, tokens.fridolf);
    expect(roles.data.person.memberships[0].roles).toEqual([{ role: { code: 'READER' }, validFrom: '2013-11-11', validTo: end }]);
    const applied = await events('access.staff.changed');
    expect(applied.filter((e) => e.target === `person:${agda.id}`)).toHaveLength(1);
  });

  it('R-NOTE-1: the administrators see Agda ending soon; another organisation is FORBIDDEN; a bad window is BAD_USER_INPUT', async () => {
    const q = `query($o: ID!, $d: Int) { organisation(id: $o) { notices(endingWithinDays: $d) { kind person { id } validTo message organisation { id } } } }`;
    const res = await gql(q, { o: ARATRON, d: 30 }, tokens.fridolf);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation.notices).toContainEqual({ kind: 'ENDING_SOON', person: { id: agda.id }, validTo: addDays(today, 10), message: `Agda Andersson: Läsare (${addDays(today, 10)}) upphör snart.`, organisation: { id: ARATRON } });
    const short = await gql(q, { o: ARATRON, d: 5 }, tokens.fridolf);
    expect(short.data.organisation.notices.filter((n: { kind: string }) => n.kind === 'ENDING_SOON')).toEqual([]);
    const other = await gql(q, { o: ARATRON, d: 30 }, tokens.arvid);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(q, { o: ARATRON, d: 400 }, tokens.fridolf);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTICE_DAYS_OUT_OF_RANGE' });
  });

  it('R-NOTE-1 with R-AGR-2: only the authority sees an agreement not activated by its activate-by day', async () => {
    const org = await gql(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { orgNumber: '556677-8899', name: 'Sentaktiverad AB', kind: 'SUPPLIER' } }, tokens.authority);
    expect(org.errors).toBeUndefined();
    const orgId = org.data.createOrganisation.id;
    const agreement = await gql(`mutation($i: RegisterAgreementInput!) { registerAgreement(input: $i) { activateBy } }`, {
      i: { organisationId: orgId, receivedOn: addDays(today, -20), administrator: { personalNumber: '197001011233', givenName: 'Sen', surname: 'Aktiverare' } },
    }, tokens.authority);
    expect(agreement.errors).toBeUndefined();
    const res = await gql(`query($o: ID!) { organisation(id: $o) { notices { kind validTo } } }`, { o: orgId }, tokens.authority);
    expect(res.data.organisation.notices).toEqual([{ kind: 'ACTIVATION_OVERDUE', validTo: agreement.data.registerAgreement.activateBy }]);
  });

  it('R-REV-1 at the deadline: undecided items end through a change set the authority\'s service seals, exactly once on two replicas; the review closes with a notice', async () => {
    const started = await startReview(tokens.fridolf, { organisationId: ARATRON, deadline: today, endUndecidedAtDeadline: true });
    expect(started.errors).toBeUndefined();
    const id = started.data.startAccessReview.id;
    const all = await items(id);
    const labanItem = all.edges.find((e) => e.node.person.id === laban.id)!.node.id;
    expect((await decide(tokens.fridolf, id, [{ itemId: labanItem, decision: 'KEEP' }])).errors).toBeUndefined();
    const { deps } = sys.services.access;
    const deadlineDeps = { signing: deps.signing, verifyReceipt: deps.verifyReceipt, vault: deps.vault };
    // Not due on its deadline day …
    expect(await closeDueReviews(sys.services.access.orm.em, today, deadlineDeps)).toEqual({ closed: 0, ended: 0 });
    // … but the day after. The job runs on every replica: two runs at once, then a third, close it once.
    const nonAdmins = all.edges.filter((e) => e.node.assignment.role.code !== 'PERMISSION_ADMIN' && e.node.person.id !== laban.id);
    const runs = await Promise.all([0, 1].map(() => closeDueReviews(sys.services.access.orm.em, addDays(today, 1), deadlineDeps)));
    expect(runs.reduce((n, r) => n + r.closed, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.ended, 0)).toBe(nonAdmins.length);
    expect(await closeDueReviews(sys.services.access.orm.em, addDays(today, 1), deadlineDeps)).toEqual({ closed: 0, ended: 0 });
    const review = await gql(`query($id: ID!) { accessReview(id: $id) { status } }`, { id }, tokens.fridolf);
    expect(review.data.accessReview.status).toBe('CLOSED');
    // Agda's READER now ends on the deadline; Laban (KEEP) and the administrators keep theirs.
    expect((await db.query(`SELECT ra.valid_to::text AS v FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = $1`, [agda.id])).rows).toEqual([{ v: today }]);
    expect((await db.query(`SELECT ra.valid_to::text AS v FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = $1`, [laban.id])).rows).toEqual([{ v: '2027-12-31' }]);
    expect((await db.query(`SELECT ra.valid_to FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id WHERE m.person_id = $1`, [fridolf.id])).rows).toEqual([{ valid_to: null }]);

    // One change set (the review's deadline set, docs/evidence.md), applied under one seal: a receipt of the authority's service, no person, no BankID order.
    const setIds = (await db.query(`SELECT DISTINCT change_set_id FROM access.access_review_item WHERE review_id = $1 AND ended_at_deadline`, [id])).rows.map((r) => r.change_set_id as string);
    expect(setIds).toHaveLength(1);
    const [setId] = setIds;
    const sets = (await db.query(`SELECT id, status, signing_digest, receipt_id FROM access.change_set WHERE id = $1`, [setId])).rows;
    expect(sets).toEqual([{ id: setId, status: 'APPLIED', signing_digest: expect.stringMatching(/^[0-9a-f]{64}$/), receipt_id: expect.any(String) }]);
    const receipts = (await db.query(`SELECT id, order_ref, sealed_by, signer_person_id, signer_personal_number_hash, digest, token FROM signing.receipt WHERE organisation_id = $1 AND sealed_by IS NOT NULL`, [ARATRON])).rows;
    expect(receipts.map((r) => r.id)).toEqual([sets[0].receipt_id]);
    expect(receipts).toEqual([{ id: sets[0].receipt_id, order_ref: null, sealed_by: 'authority', signer_person_id: null, signer_personal_number_hash: null, digest: sets[0].signing_digest, token: expect.any(String) }]);
    // The receipt verifies with nothing but the published JWKS, and binds exactly this set and digest.
    const jwks = (await (await fetch(`${sys.base.signing}/.well-known/jwks.json`)).json()) as { keys: never[] };
    const claims = await createReceiptVerifier({ jwks })(receipts[0].token);
    expect(claims).toMatchObject({ receiptId: receipts[0].id, sealedBy: 'authority', orderRef: null, signerPersonId: null, organisationId: ARATRON, changeSetId: setId, digest: sets[0].signing_digest });
    expect((await gql(`query($t: String!) { verifyReceipt(token: $t) }`, { t: receipts[0].token }, tokens.fridolf)).data.verifyReceipt).toBe(true);
    expect((await db.query(`SELECT count(*)::int AS n FROM access.pending_change WHERE change_set_id = $1`, [setId])).rows[0].n).toBe(new Set(nonAdmins.map((e) => e.node.person.id)).size);
    expect(await count(`SELECT count(*) AS n FROM access.access_review_item WHERE review_id = $1 AND ended_at_deadline AND change_set_id = $2`, [id, setId])).toBe(nonAdmins.length);

    // The audit events, each once: signing started → signed by the authority's service → staff changed → applied; then closed.
    const ofSet = (action: string) => events(action).then((rows) => rows.filter((e) => e.after?.changeSetId === setId || e.target === `change_set:${setId}`));
    expect(await ofSet('access.changes.signing_started')).toEqual([expect.objectContaining({ actor: 'service:access', after: expect.objectContaining({ digest: sets[0].signing_digest, method: 'SERVICE_SEAL' }) })]);
    const changed = await ofSet('access.staff.changed');
    expect(changed.filter((e) => e.target === `person:${agda.id}`)).toEqual([expect.objectContaining({
      actor: 'service:access', after: expect.objectContaining({ receiptId: receipts[0].id, sealedBy: 'authority', reviewId: id, person: { givenName: 'Agda', surname: 'Andersson' }, rolePeriods: { READER: { validFrom: '2013-11-11', validTo: today } } }),
    })]);
    expect(await ofSet('access.changes.applied')).toEqual([expect.objectContaining({ actor: 'service:access', after: expect.objectContaining({ receiptId: receipts[0].id, digest: sets[0].signing_digest }) })]);
    const [closedEvent] = (await events('access.review.closed')).filter((e) => e.after.reviewId === id);
    expect(closedEvent).toMatchObject({ actor: 'service:access', after: { endedAtDeadline: nonAdmins.length, changeSetId: setId } });

    // In the organisation's log (access's outbox relayed), in that order, the signature shown as the authority's service's seal.
    const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema: 'access', signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials('access') });
    await relay.drain();
    await relay.drain();
    await relay.stop();
    const chain = (await db.query(`SELECT action, actor, receipt_id FROM signing.audit_event WHERE organisation_id = $1 AND (target = $2 OR after->>'changeSetId' = $3) ORDER BY seq`, [ARATRON, `changeSet:${setId}`, setId])).rows;
    const order = chain.map((e) => e.action).filter((a, i, list) => list.indexOf(a) === i);
    expect(order).toEqual(['access.changes.signing_started', 'changes.signed', 'access.staff.changed', 'access.changes.applied', 'access.review.closed']);
    expect(chain.filter((e) => e.action === 'changes.signed')).toEqual([{ action: 'changes.signed', actor: 'service:authority', receipt_id: receipts[0].id }]);
    const log = await gql(`query($o: ID!) { organisation(id: $o) { auditLog(first: 5, action: "changes.signed") { edges { node { actorLabel after receipt { id sealedBy signer { id } signerName orderRef digest } } } } } }`, { o: ARATRON }, tokens.fridolf);
    expect(log.errors).toBeUndefined();
    const sealed = log.data.organisation.auditLog.edges.map((e: { node: { receipt: { id: string } | null } }) => e.node).find((n: { receipt: { id: string } | null }) => n.receipt?.id === receipts[0].id);
    expect(sealed).toMatchObject({ actorLabel: 'service:authority', receipt: { sealedBy: 'AUTHORITY_SERVICE', signer: null, signerName: 'Behörig (myndighetens tjänst)', orderRef: null, digest: sets[0].signing_digest } });
    expect(JSON.parse(sealed.after)).toMatchObject({ method: 'SERVICE_SEAL', reviewId: id });
    const verified = await gql(`query($o: ID!) { verifyAuditLog(organisationId: $o) { ok } }`, { o: ARATRON }, tokens.fridolf);
    expect(verified.data.verifyAuditLog.ok).toBe(true);

    const notices = await gql(`query($o: ID!) { organisation(id: $o) { notices { kind validTo message } } }`, { o: ARATRON }, tokens.fridolf);
    expect(notices.data.organisation.notices).toContainEqual(expect.objectContaining({ kind: 'REVIEW_UNDECIDED', validTo: today }));
    // A closed review takes no more decisions.
    const late = await decide(tokens.fridolf, id, [{ itemId: labanItem, decision: 'KEEP' }]);
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_CLOSED' });
  });

  it('docs/evidence.md service seals: only the access service may ask for one, and a malformed request is refused; nothing is written', async () => {
    const snapshot = async () => (await db.query(`SELECT (SELECT count(*)::int FROM signing.receipt) AS receipts, (SELECT count(*)::int FROM signing.audit_event) AS events, (SELECT count(*)::int FROM signing.pending_audit_event) AS pending`)).rows[0];
    const before = await snapshot();
    const body = { organisationId: ARATRON, changeSetId: '00000000-0000-4000-8000-00000000beef', digest: 'a'.repeat(64), reviewId: '00000000-0000-4000-8000-00000000beef', changes: 1 };
    const post = async (service: 'organisations' | 'gateway' | 'access' | null, b: unknown) => fetch(`${sys.base.signing}/internal/service-seals`, {
      method: 'POST', headers: service ? await sys.serviceKeys.credentials(service).headers('signing') : { 'content-type': 'application/json' }, body: JSON.stringify(b),
    });
    expect((await post(null, body)).status).toBe(401);
    expect([401, 403]).toContain((await post('organisations', body)).status);
    expect([401, 403]).toContain((await post('gateway', body)).status);
    expect((await post('access', { ...body, digest: 'not a digest' })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
