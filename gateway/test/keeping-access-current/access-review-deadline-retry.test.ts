import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { addDays, stockholmDate } from '@behorig/kit/dates';
import { DEMO } from '@behorig/kit/demo';
import { mintToken } from '@behorig/kit/auth';
import { createOutboxRelay } from '@behorig/kit/outbox';
import type { ReceiptVerifier } from '@behorig/kit/receipt';
import { gqlRequest, type GraphQLResponse } from '@behorig/kit/testing';
import { closeDueReviews, type ReviewDeadlineDeps } from '@behorig/access/src/modules/reviews/reviews.service';
import { startSystem, type System } from '../support/system';
import { poll } from '../support/poll';

/**
 * R-REV-1 at the deadline when a run fails after signing sealed its set (docs/evidence.md "Service
 * seals"): access's transaction rolls back, signing keeps the seal. The next run must still close
 * the review and end the undecided roles exactly once — whether the set's digest changed in
 * between (a person's e-mail corrected: a new set with its own seal) or not (the same seal again).
 * And R-HOOK-1: the `staff.changed` a partner receives for a deadline ending says which roles
 * ended and on which date.
 */
const person = (givenName: string) => DEMO.people.find((p) => p.givenName === givenName)!;
const agda = person('Agda');
const ARATRON = DEMO.organisations.aratron.id;
const VUX = DEMO.organisations.vux.id;
const today = stockholmDate();
const dayAfter = addDays(today, 1);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Gql = (q: string, v?: Record<string, unknown>, token?: string) => Promise<GraphQLResponse<any>>;

describe('R-REV-1 deadline after a failed apply, and R-HOOK-1 for deadline endings', () => {
  let sys: System;
  let gql: Gql;
  let db: Client;
  const tokens: Record<string, string> = {};
  const got: { headers: Record<string, string>; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { got.push({ headers: req.headers as Record<string, string>, body }); res.writeHead(204).end(); });
  });
  let hookUrl: string;
  let secret: string;
  /** The first test's sets: the one sealed but never applied (its run rolled back) and the one applied. */
  const aratronSets = { orphan: '', applied: '' };

  beforeAll(async () => {
    sys = await startSystem({}, { signing: { webhookFirstRetryMs: 500, jobPollMs: 100 } });
    gql = (q, v, t) => gqlRequest(sys.gatewayUrl, q, v, t);
    db = new Client({ connectionString: sys.db.url });
    await db.connect();
    tokens.fridolf = (await mintToken(sys.keys.key, { kind: 'person', personId: person('Fridolf').id })).token;
    tokens.authority = (await mintToken(sys.keys.key, { kind: 'person', personId: person('Tolvan').id, authority: true })).token;
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/behorig`;
  });
  afterAll(async () => {
    receiver.close();
    await db?.end();
    await sys?.stop();
  });

  const startReview = async (token: string, organisationId: string) => {
    const res = await gql(`mutation($i: StartAccessReviewInput!) { startAccessReview(input: $i) { id items(first: 100) { edges { node { person { id } assignment { role { code isPermissionAdmin } validTo } } } } } }`,
      { i: { organisationId, deadline: today, endUndecidedAtDeadline: true } }, token);
    expect(res.errors).toBeUndefined();
    const review = res.data.startAccessReview as { id: string; items: { edges: { node: { person: { id: string }; assignment: { role: { code: string; isPermissionAdmin: boolean }; validTo: string | null } } }[] } };
    return { id: review.id, toEnd: review.items.edges.map((e) => e.node).filter((n) => !n.assignment.role.isPermissionAdmin) };
  };
  /** The real deadline dependencies, with a receipt check that fails the first time (after signing sealed), as a JWKS fetch can. */
  const failingOnce = () => {
    const { deps } = sys.services.access;
    let failures = 1;
    const verifyReceipt: ReceiptVerifier = async (token) => {
      if (failures-- > 0) throw new Error('the JWKS cannot be fetched');
      return deps.verifyReceipt(token);
    };
    const answers: { alreadySealed: boolean; changeSetId: string }[] = [];
    const signing: ReviewDeadlineDeps['signing'] = {
      sealServiceChangeSet: async (req) => {
        const seal = await deps.signing.sealServiceChangeSet(req);
        answers.push({ alreadySealed: seal.alreadySealed, changeSetId: req.changeSetId });
        return seal;
      },
    };
    return { deadlineDeps: { signing, verifyReceipt, vault: deps.vault }, answers };
  };
  /** The authority's seals for an organisation (each test's review is the only one sealed for its organisation). */
  const seals = (organisationId: string) => db.query(`SELECT change_set_id, digest FROM signing.receipt WHERE sealed_by = 'authority' AND organisation_id = $1 ORDER BY signed_at`, [organisationId])
    .then((r) => r.rows as { change_set_id: string; digest: string }[]);
  const appliedSets = (reviewId: string) => db.query(`SELECT DISTINCT cs.id, cs.signing_digest, cs.receipt_id FROM access.change_set cs JOIN access.access_review_item i ON i.change_set_id = cs.id
      WHERE i.review_id = $1 AND i.ended_at_deadline AND cs.status = 'APPLIED'`, [reviewId]).then((r) => r.rows as { id: string; signing_digest: string; receipt_id: string }[]);
  const status = async (id: string) => (await gql(`query($id: ID!) { accessReview(id: $id) { status } }`, { id }, tokens.authority)).data.accessReview.status;
  const accessEvents = (action: string) => db.query(`SELECT target, after FROM access.outbox_event WHERE action = $1 ORDER BY id`, [action]).then((r) => r.rows as { target: string; after: Record<string, unknown> }[]);

  it('R-HOOK-1: Aratron\'s permission administrator subscribes a loopback receiver to staff.changed', async () => {
    const res = await gql(`mutation($o: ID!, $i: EventSubscriptionInput!) { subscribeToEvents(organisationId: $o, input: $i) { secret subscription { events active } } }`,
      { o: ARATRON, i: { url: hookUrl, events: ['staff.changed'] } }, tokens.fridolf);
    expect(res.errors).toBeUndefined();
    expect(res.data.subscribeToEvents.subscription).toEqual({ events: ['staff.changed'], active: true });
    secret = res.data.subscribeToEvents.secret;
  });

  it('R-REV-1: a run fails after the seal, Agda\'s e-mail is corrected (a new digest); the next run closes the review and ends the roles exactly once under a seal of the set it applies', async () => {
    const { id, toEnd } = await startReview(tokens.fridolf, ARATRON);
    expect(toEnd.length).toBeGreaterThan(0);
    const { deadlineDeps, answers } = failingOnce();
    await expect(closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).rejects.toThrow('the JWKS cannot be fetched');
    // Access rolled back: the review is open, nothing ended; signing kept the seal it made.
    expect(await status(id)).toBe('OPEN');
    expect(await appliedSets(id)).toEqual([]);
    const [orphan, ...more] = await seals(ARATRON);
    expect(more).toEqual([]);
    expect(answers).toEqual([{ alreadySealed: false, changeSetId: orphan.change_set_id }]);

    await db.query(`UPDATE access.membership SET email = 'agda.andersson@aratron.example' WHERE person_id = $1 AND organisation_id = $2`, [agda.id, ARATRON]);
    expect(await closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).toEqual({ closed: 1, ended: toEnd.length });
    expect(await closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).toEqual({ closed: 0, ended: 0 });
    expect(await status(id)).toBe('CLOSED');

    // One set applied, a new one (another id, another digest), under its own fresh seal; the first seal stays unapplied.
    const applied = await appliedSets(id);
    expect(applied).toHaveLength(1);
    expect(applied[0].id).not.toBe(orphan.change_set_id);
    Object.assign(aratronSets, { orphan: orphan.change_set_id, applied: applied[0].id });
    expect(applied[0].signing_digest).not.toBe(orphan.digest);
    expect(answers).toEqual([{ alreadySealed: false, changeSetId: orphan.change_set_id }, { alreadySealed: false, changeSetId: applied[0].id }]);
    expect((await seals(ARATRON)).map((s) => s.change_set_id).sort()).toEqual([orphan.change_set_id, applied[0].id].sort());
    expect((await db.query(`SELECT count(*)::int AS n FROM access.change_set WHERE id = $1`, [orphan.change_set_id])).rows[0].n).toBe(0);
    expect((await db.query(`SELECT digest FROM signing.receipt WHERE id = $1`, [applied[0].receipt_id])).rows).toEqual([{ digest: applied[0].signing_digest }]);

    // Each role ended on the deadline exactly once.
    for (const item of toEnd) {
      const rows = (await db.query(`SELECT ra.valid_to::text AS v FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id
        WHERE m.person_id = $1 AND m.organisation_id = $2 AND ra.role_code = $3`, [item.person.id, ARATRON, item.assignment.role.code])).rows;
      expect(rows).toEqual([{ v: today }]);
    }
    const ofSet = (rows: { target: string; after: Record<string, unknown> }[]) => rows.filter((e) => e.after.changeSetId === applied[0].id);
    expect(ofSet(await accessEvents('access.changes.signing_started'))).toEqual([expect.objectContaining({ after: expect.objectContaining({ digest: applied[0].signing_digest, reviewId: id }) })]);
    expect(ofSet(await accessEvents('access.staff.changed'))).toHaveLength(new Set(toEnd.map((i) => i.person.id)).size);
    expect(ofSet(await accessEvents('access.changes.applied'))).toEqual([expect.objectContaining({ after: expect.objectContaining({ receiptId: applied[0].receipt_id, digest: applied[0].signing_digest }) })]);
    // Nothing of the rolled-back run is in access's log.
    expect((await accessEvents('access.changes.signing_started')).filter((e) => e.after.changeSetId === orphan.change_set_id)).toEqual([]);
    // The closing event names the set actually applied.
    expect((await accessEvents('access.review.closed')).filter((e) => e.after.reviewId === id)).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ changeSetId: applied[0].id, endedAtDeadline: toEnd.length }) }),
    ]);
  });

  it('R-HOOK-1: each deadline ending reaches the partner as staff.changed naming the roles that ended and on which date, never a personal number', async () => {
    const relay = createOutboxRelay({ databaseUrl: sys.db.url, schema: 'access', signingUrl: sys.base.signing, credentials: sys.serviceKeys.credentials('access') });
    await relay.drain();
    await relay.drain();
    await relay.stop();
    // In the organisation's log the applied set reads signing started → signed → staff changed → applied → closed (R-AUDIT-4).
    const chain = async (setId: string) => (await db.query(`SELECT action FROM signing.audit_event WHERE organisation_id = $1 AND (target IN ($2, $3) OR after->>'changeSetId' = $4) ORDER BY seq`,
      [ARATRON, `changeSet:${setId}`, `change_set:${setId}`, setId])).rows.map((r) => r.action as string).filter((a, i, list) => list.indexOf(a) === i);
    expect(await chain(aratronSets.applied)).toEqual(['access.changes.signing_started', 'changes.signed', 'access.staff.changed', 'access.changes.applied', 'access.review.closed']);
    // The seal of the rolled-back run stays signing's evidence of a set that was sealed and never applied: its `changes.signed`
    // waits for a signing_started that never comes (appended on its own later), and nothing of access follows it.
    const orphanSigned = await db.query(`SELECT 1 FROM signing.pending_audit_event WHERE change_set_id = $1 UNION ALL
      SELECT 1 FROM signing.audit_event WHERE target = $2 AND action = 'changes.signed'`, [aratronSets.orphan, `changeSet:${aratronSets.orphan}`]);
    expect(orphanSigned.rows).toHaveLength(1);
    expect((await chain(aratronSets.orphan)).filter((a) => a.startsWith('access.'))).toEqual([]);
    const ended = (await accessEvents('access.staff.changed')).filter((e) => e.after.sealedBy === 'authority');
    await poll(async () => got.length, (n) => n >= ended.length, 30_000);
    expect(got).toHaveLength(ended.length);
    const payloads = got.map((g) => new Webhook(secret).verify(g.body, g.headers) as { type: string; data: Record<string, unknown> });
    const forAgda = payloads.filter((p) => p.data.personId === agda.id);
    expect(forAgda).toHaveLength(1);
    expect(forAgda[0]).toMatchObject({
      type: 'staff.changed',
      data: {
        organisationId: ARATRON, person: { id: agda.id, givenName: 'Agda', surname: 'Andersson' }, roles: ['READER'],
        reason: 'ACCESS_REVIEW_DEADLINE', reviewId: expect.any(String), receiptId: expect.any(String),
        ended: [{ role: 'READER', validTo: today, previousValidTo: '2027-12-31' }],
        periods: [{ role: 'READER', validFrom: '2013-11-11', validTo: today }],
      },
    });
    for (const p of payloads) {
      expect(p.type).toBe('staff.changed');
      expect((p.data.ended as { role: string; validTo: string }[]).length).toBeGreaterThan(0);
      for (const e of p.data.ended as { role: string; validTo: string }[]) expect(e.validTo).toBe(today);
    }
    for (const p of DEMO.people) {
      const n = p.personalNumber;
      for (const g of got) for (const form of [n, n.slice(2), `${n.slice(0, 8)}-${n.slice(8)}`]) expect(g.body).not.toContain(form);
    }
  });

  it('R-REV-1: a run fails after the seal and nothing changes; the next run gets the same seal (alreadySealed) and applies the set exactly once', async () => {
    const { id, toEnd } = await startReview(tokens.authority, VUX);
    expect(toEnd.length).toBeGreaterThan(0);
    const { deadlineDeps, answers } = failingOnce();
    await expect(closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).rejects.toThrow('the JWKS cannot be fetched');
    expect(await status(id)).toBe('OPEN');
    expect(await closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).toEqual({ closed: 1, ended: toEnd.length });
    expect(await closeDueReviews(sys.services.access.orm.em, dayAfter, deadlineDeps)).toEqual({ closed: 0, ended: 0 });
    expect(await status(id)).toBe('CLOSED');
    const applied = await appliedSets(id);
    expect(applied).toHaveLength(1);
    expect(answers).toEqual([{ alreadySealed: false, changeSetId: applied[0].id }, { alreadySealed: true, changeSetId: applied[0].id }]);
    expect(await seals(VUX)).toEqual([{ change_set_id: applied[0].id, digest: applied[0].signing_digest }]);
    for (const item of toEnd) {
      const rows = (await db.query(`SELECT ra.valid_to::text AS v FROM access.role_assignment ra JOIN access.membership m ON m.id = ra.membership_id
        WHERE m.person_id = $1 AND m.organisation_id = $2 AND ra.role_code = $3`, [item.person.id, VUX, item.assignment.role.code])).rows;
      expect(rows).toEqual([{ v: today }]);
    }
    expect((await accessEvents('access.changes.applied')).filter((e) => e.after.changeSetId === applied[0].id)).toHaveLength(1);
    expect((await accessEvents('access.review.closed')).filter((e) => e.after.reviewId === id)).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ changeSetId: applied[0].id, endedAtDeadline: toEnd.length }) }),
    ]);
  });
});
