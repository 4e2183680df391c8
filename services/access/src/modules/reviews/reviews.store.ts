import { randomUUID } from 'node:crypto';
import { defineTable, type Db } from '@behorig/kit/db';
import type { ReviewDecision, ReviewItemFacts } from './rules/access-review.rules';

/**
 * All SQL of access reviews (R-REV-1). Rows are mapped here to typed row objects; the service and
 * the resolvers never see SQL. Every function takes the EntityManager (or transaction) to run in.
 */

/** The tables' columns (migration 008), checked against the database by test/schema-agreement.test.ts. */
export const ACCESS_REVIEW = defineTable('access.access_review', ['id', 'organisation_id', 'deadline', 'end_undecided_at_deadline', 'status', 'started_by', 'created_at', 'closed_at']);
export const ACCESS_REVIEW_ITEM = defineTable('access.access_review_item', [
  'id', 'review_id', 'person_id', 'membership_id', 'assignment_id', 'role_code', 'valid_from', 'valid_to',
  'decision', 'end_date', 'decided_by', 'decided_at', 'change_set_id', 'ended_at_deadline',
]);

export interface AccessReviewRow {
  id: string;
  organisationId: string;
  deadline: string;
  endUndecidedAtDeadline: boolean;
  status: 'OPEN' | 'CLOSED';
  startedBy: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface AccessReviewItemRow extends ReviewItemFacts {
  membershipId: string;
  assignmentId: string;
  changeSetId: string | null;
  endedAtDeadline: boolean;
}

export interface AccessReviewItemConnectionRow {
  edges: { cursor: string; node: AccessReviewItemRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const REVIEW_COLUMNS = `id, organisation_id, deadline::text AS deadline, end_undecided_at_deadline, status, started_by, created_at, closed_at`;
const ITEM_COLUMNS = `i.id, i.review_id, i.person_id, i.membership_id, i.assignment_id, i.role_code, i.valid_from::text AS valid_from, i.valid_to::text AS valid_to,
  r.is_permission_admin, i.decision, i.end_date::text AS end_date, i.change_set_id, i.ended_at_deadline`;

interface ReviewRecord { id: string; organisation_id: string; deadline: string; end_undecided_at_deadline: boolean; status: 'OPEN' | 'CLOSED'; started_by: string; created_at: Date; closed_at: Date | null }
interface ItemRecord {
  id: string; review_id: string; person_id: string; membership_id: string; assignment_id: string; role_code: string; valid_from: string; valid_to: string | null;
  is_permission_admin: boolean; decision: ReviewDecision | null; end_date: string | null; change_set_id: string | null; ended_at_deadline: boolean;
}

const toReview = (r: ReviewRecord): AccessReviewRow => ({
  id: r.id, organisationId: r.organisation_id, deadline: r.deadline, endUndecidedAtDeadline: r.end_undecided_at_deadline,
  status: r.status, startedBy: r.started_by, createdAt: r.created_at, closedAt: r.closed_at,
});
const toItem = (r: ItemRecord): AccessReviewItemRow => ({
  id: r.id, reviewId: r.review_id, personId: r.person_id, membershipId: r.membership_id, assignmentId: r.assignment_id, roleCode: r.role_code,
  validFrom: r.valid_from, validTo: r.valid_to, isPermissionAdmin: r.is_permission_admin, decision: r.decision, endDate: r.end_date,
  changeSetId: r.change_set_id, endedAtDeadline: r.ended_at_deadline,
});

export async function reviewById(db: Db, id: string, lock = false): Promise<AccessReviewRow | null> {
  const [row] = await db.execute<ReviewRecord[]>(`SELECT ${REVIEW_COLUMNS} FROM access.access_review WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toReview(row) : null;
}

/** One statement for a batch of organisations (DataLoader), newest first. */
export async function reviewsByOrganisations(db: Db, organisationIds: readonly string[]): Promise<AccessReviewRow[]> {
  const rows = await db.execute<ReviewRecord[]>(
    `SELECT ${REVIEW_COLUMNS} FROM access.access_review WHERE organisation_id = ANY(?::uuid[]) ORDER BY created_at DESC, id`, [`{${organisationIds.join(',')}}`]);
  return rows.map(toReview);
}

/**
 * R-REV-1: the review and its snapshot in the caller's transaction: every role assignment of the
 * organisation active on `today` (and not yet started ones are not in it) becomes one item.
 * Returns the number of items.
 */
export async function insertReviewWithSnapshot(tx: Db, review: { id: string; organisationId: string; deadline: string; endUndecidedAtDeadline: boolean; startedBy: string }, today: string): Promise<number> {
  await tx.execute(
    `INSERT INTO access.access_review (id, organisation_id, deadline, end_undecided_at_deadline, started_by) VALUES (?, ?, ?, ?, ?)`,
    [review.id, review.organisationId, review.deadline, review.endUndecidedAtDeadline, review.startedBy]);
  const inserted = await tx.execute<{ id: string }[]>(
    `INSERT INTO access.access_review_item (id, review_id, person_id, membership_id, assignment_id, role_code, valid_from, valid_to)
     SELECT gen_random_uuid(), ?, m.person_id, m.id, ra.id, ra.role_code, ra.valid_from, ra.valid_to
       FROM access.membership m JOIN access.role_assignment ra ON ra.membership_id = m.id
      WHERE m.organisation_id = ? AND ra.valid_from <= ?::date AND (ra.valid_to IS NULL OR ra.valid_to >= ?::date)
     RETURNING id`,
    [review.id, review.organisationId, today, today]);
  return inserted.length;
}

/** A page of a review's items, by surname then role (one statement with its total). */
export async function itemsPage(db: Db, reviewId: string, decided: boolean | null | undefined, limit: number, offset: number): Promise<{ rows: AccessReviewItemRow[]; total: number }> {
  const filter = decided === true ? ' AND i.decision IS NOT NULL' : decided === false ? ' AND i.decision IS NULL' : '';
  const rows = await db.execute<(ItemRecord & { total_count: string })[]>(
    `SELECT ${ITEM_COLUMNS}, count(*) OVER () AS total_count
       FROM access.access_review_item i JOIN access.role r ON r.code = i.role_code JOIN access.person p ON p.id = i.person_id
      WHERE i.review_id = ?${filter}
      ORDER BY p.surname, p.given_name, i.person_id, r.sort_order, i.id LIMIT ? OFFSET ?`,
    [reviewId, limit, offset]);
  let total = rows.length > 0 ? Number(rows[0].total_count) : 0;
  if (rows.length === 0 && offset > 0) {
    const [c] = await db.execute<{ n: string }[]>(`SELECT count(*) AS n FROM access.access_review_item i WHERE i.review_id = ?${filter}`, [reviewId]);
    total = Number(c.n);
  }
  return { rows: rows.map(toItem), total };
}

/** Items by id, whatever review they belong to (the rules refuse those of another review). */
export async function itemsByIds(db: Db, ids: readonly string[]): Promise<AccessReviewItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.execute<ItemRecord[]>(
    `SELECT ${ITEM_COLUMNS} FROM access.access_review_item i JOIN access.role r ON r.code = i.role_code WHERE i.id = ANY(?::uuid[])`, [`{${ids.join(',')}}`]);
  return rows.map(toItem);
}

/** Every item of the review for the given people (their whole reviewed state in the organisation). */
export async function itemsOfPeople(db: Db, reviewId: string, personIds: readonly string[]): Promise<AccessReviewItemRow[]> {
  const rows = await db.execute<ItemRecord[]>(
    `SELECT ${ITEM_COLUMNS} FROM access.access_review_item i JOIN access.role r ON r.code = i.role_code
      WHERE i.review_id = ? AND i.person_id = ANY(?::uuid[]) ORDER BY i.id`, [reviewId, `{${personIds.join(',')}}`]);
  return rows.map(toItem);
}

export async function allItems(db: Db, reviewId: string): Promise<AccessReviewItemRow[]> {
  const rows = await db.execute<ItemRecord[]>(
    `SELECT ${ITEM_COLUMNS} FROM access.access_review_item i JOIN access.role r ON r.code = i.role_code WHERE i.review_id = ? ORDER BY i.id`, [reviewId]);
  return rows.map(toItem);
}

export async function recordDecision(tx: Db, itemId: string, decision: ReviewDecision, endDate: string | null, decidedBy: string, changeSetId: string | null): Promise<void> {
  await tx.execute(
    `UPDATE access.access_review_item SET decision = ?, end_date = ?, decided_by = ?, decided_at = now(), change_set_id = ? WHERE id = ?`,
    [decision, endDate, decidedBy, changeSetId, itemId]);
}

/** R-REV-1 at the deadline: the open reviews whose deadline day has passed, locked for this transaction (other replicas skip them). */
export async function claimDueReviews(tx: Db, today: string, limit: number, skip: readonly string[] = []): Promise<AccessReviewRow[]> {
  const rows = await tx.execute<ReviewRecord[]>(
    `SELECT ${REVIEW_COLUMNS} FROM access.access_review WHERE status = 'OPEN' AND deadline < ?::date AND NOT (id = ANY(?::uuid[]))
      ORDER BY deadline, id LIMIT ? FOR UPDATE SKIP LOCKED`, [today, `{${skip.join(',')}}`, limit]);
  return rows.map(toReview);
}

export async function closeReview(tx: Db, reviewId: string): Promise<void> {
  await tx.execute(`UPDATE access.access_review SET status = 'CLOSED', closed_at = now() WHERE id = ?`, [reviewId]);
}

/** People's current role assignments in the organisation (an applied change replaces row ids, so by membership and role). */
export async function currentRolesOf(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, { membershipId: string; roles: { roleCode: string; validFrom: string; validTo: string | null }[] }>> {
  const rows = await db.execute<{ person_id: string; membership_id: string; role_code: string; valid_from: string; valid_to: string | null }[]>(
    `SELECT m.person_id, m.id AS membership_id, ra.role_code, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
       FROM access.membership m JOIN access.role_assignment ra ON ra.membership_id = m.id
      WHERE m.organisation_id = ? AND m.person_id = ANY(?::uuid[]) ORDER BY ra.role_code FOR UPDATE OF ra`, [organisationId, `{${personIds.join(',')}}`]);
  const out = new Map<string, { membershipId: string; roles: { roleCode: string; validFrom: string; validTo: string | null }[] }>();
  for (const r of rows) {
    const entry = out.get(r.person_id) ?? { membershipId: r.membership_id, roles: [] };
    entry.roles.push({ roleCode: r.role_code, validFrom: r.valid_from, validTo: r.valid_to });
    out.set(r.person_id, entry);
  }
  return out;
}

/** R-REV-1 at the deadline: one role of a membership ends on the given day (the sealed set's change, applied). */
export async function endRoleOn(tx: Db, membershipId: string, roleCode: string, validTo: string): Promise<void> {
  await tx.execute(`UPDATE access.role_assignment SET valid_to = ? WHERE membership_id = ? AND role_code = ?`, [validTo, membershipId, roleCode]);
}

/** The items whose roles the deadline's sealed set ended, linked to that set. */
export async function markEndedAtDeadline(tx: Db, itemIds: readonly string[], changeSetId: string): Promise<void> {
  if (itemIds.length === 0) return;
  await tx.execute(`UPDATE access.access_review_item SET ended_at_deadline = true, change_set_id = ? WHERE id = ANY(?::uuid[])`, [changeSetId, `{${itemIds.join(',')}}`]);
}

/** A reviewed person's current state in the organisation: what a CHANGED change needs besides roles (R-USR-2 levels, e-mail, identity). */
export interface PersonState {
  personId: string;
  personalNumberHash: string;
  personalNumberEnc: string;
  givenName: string;
  surname: string;
  birthDate: string;
  email: string | null;
  units: { unitId: string; schoolFormCode: string | null; validTo: string | null; addressIds: string[] | null }[];
}

export async function peopleStates(db: Db, organisationId: string, personIds: readonly string[]): Promise<Map<string, PersonState>> {
  const rows = await db.execute<{ id: string; personal_number_hash: string; personal_number_enc: string; given_name: string; surname: string; birth_date: string; email: string | null; units: PersonState['units'] }[]>(
    `SELECT p.id, p.personal_number_hash, p.personal_number_enc, p.given_name, p.surname, p.birth_date::text AS birth_date, m.email,
            (SELECT coalesce(json_agg(json_build_object('unitId', mu.unit_id, 'schoolFormCode', mu.school_form_code, 'validTo', mu.valid_to, 'addressIds', mu.address_ids) ORDER BY mu.unit_id, mu.school_form_code), '[]')
               FROM access.membership_unit mu WHERE mu.membership_id = m.id) AS units
       FROM access.person p JOIN access.membership m ON m.person_id = p.id AND m.organisation_id = ?
      WHERE p.id = ANY(?::uuid[])`, [organisationId, `{${personIds.join(',')}}`]);
  return new Map(rows.map((r) => [r.id, {
    personId: r.id, personalNumberHash: r.personal_number_hash, personalNumberEnc: r.personal_number_enc, givenName: r.given_name, surname: r.surname,
    birthDate: r.birth_date, email: r.email, units: typeof r.units === 'string' ? JSON.parse(r.units) : r.units,
  }]));
}

/** The open change set's pending change for a person, if any, and whether a review made it (it has role periods). */
export async function pendingChangeOf(db: Db, organisationId: string, personalNumberHash: string): Promise<{ id: string; fromReview: boolean } | null> {
  const [row] = await db.execute<{ id: string; from_review: boolean }[]>(
    `SELECT pc.id, pc.role_periods IS NOT NULL AS from_review FROM access.pending_change pc JOIN access.change_set cs ON cs.id = pc.change_set_id
      WHERE cs.organisation_id = ? AND cs.status IN ('DRAFT','SIGNING') AND pc.personal_number_hash = ?`, [organisationId, personalNumberHash]);
  return row ? { id: row.id, fromReview: row.from_review } : null;
}

export const newReviewId = () => randomUUID();
