import { defineTable, type Db } from '@behorig/kit/db';
import type { EndingAssignment } from './rules/notices.rules';

/** All SQL of notices and the digest (R-NOTE-1); rows are mapped to typed objects here. */

/** `notice_digest`'s columns (migration 008), checked against the database by test/schema-agreement.test.ts. */
export const NOTICE_DIGEST = defineTable('access.notice_digest', ['membership_id', 'sent_on', 'organisation_id', 'notices', 'created_at']);

/** Role assignments of the organisation whose end date falls in [from, to]. */
export async function endingAssignments(db: Db, organisationId: string, from: string, to: string): Promise<EndingAssignment[]> {
  const rows = await db.execute<{ person_id: string; given_name: string; surname: string; role_name: string; valid_to: string }[]>(
    `SELECT p.id AS person_id, p.given_name, p.surname, r.name AS role_name, ra.valid_to::text AS valid_to
       FROM access.membership m JOIN access.person p ON p.id = m.person_id
       JOIN access.role_assignment ra ON ra.membership_id = m.id JOIN access.role r ON r.code = ra.role_code
      WHERE m.organisation_id = ? AND ra.valid_to BETWEEN ?::date AND ?::date AND ra.valid_from <= ra.valid_to
      ORDER BY ra.valid_to, p.surname, p.given_name, r.sort_order`, [organisationId, from, to]);
  return rows.map((r) => ({ personId: r.person_id, givenName: r.given_name, surname: r.surname, roleName: r.role_name, validTo: r.valid_to }));
}

export async function agreementOf(db: Db, organisationId: string): Promise<{ status: string; activateBy: string } | null> {
  const [row] = await db.execute<{ status: string; activate_by: string }[]>(
    `SELECT status, activate_by::text AS activate_by FROM access.agreement WHERE organisation_id = ?`, [organisationId]);
  return row ? { status: row.status, activateBy: row.activate_by } : null;
}

/** R-REV-1: closed reviews of the organisation with a deadline on or after `since` that left items undecided. */
export async function undecidedReviews(db: Db, organisationId: string, since: string): Promise<{ reviewId: string; deadline: string; undecided: number; ended: number }[]> {
  const rows = await db.execute<{ id: string; deadline: string; undecided: string; ended: string }[]>(
    `SELECT ar.id, ar.deadline::text AS deadline, count(*) FILTER (WHERE i.decision IS NULL) AS undecided, count(*) FILTER (WHERE i.ended_at_deadline) AS ended
       FROM access.access_review ar JOIN access.access_review_item i ON i.review_id = ar.id
      WHERE ar.organisation_id = ? AND ar.status = 'CLOSED' AND ar.deadline >= ?::date
      GROUP BY ar.id, ar.deadline HAVING count(*) FILTER (WHERE i.decision IS NULL) > 0
      ORDER BY ar.deadline DESC`, [organisationId, since]);
  return rows.map((r) => ({ reviewId: r.id, deadline: r.deadline, undecided: Number(r.undecided), ended: Number(r.ended) }));
}

export interface DigestRecipient { membershipId: string; organisationId: string; givenName: string; surname: string; email: string }

/**
 * R-NOTE-1: the digest's recipients: people holding "Hantera användare" (MANAGE_USERS UPDATE) in
 * an organisation today, with an e-mail address there (R-USR-5: the membership's).
 */
export async function digestRecipients(db: Db, today: string): Promise<DigestRecipient[]> {
  const rows = await db.execute<{ membership_id: string; organisation_id: string; given_name: string; surname: string; email: string }[]>(
    `SELECT DISTINCT m.id AS membership_id, m.organisation_id, p.given_name, p.surname, m.email
       FROM access.membership m JOIN access.person p ON p.id = m.person_id
       JOIN access.role_assignment ra ON ra.membership_id = m.id
       JOIN access.role_grant g ON g.role_code = ra.role_code AND g.function = 'MANAGE_USERS' AND g.access = 'UPDATE'
      WHERE m.email IS NOT NULL AND m.email <> '' AND ra.valid_from <= ?::date AND (ra.valid_to IS NULL OR ra.valid_to >= ?::date)
      ORDER BY m.organisation_id, m.id`, [today, today]);
  return rows.map((r) => ({ membershipId: r.membership_id, organisationId: r.organisation_id, givenName: r.given_name, surname: r.surname, email: r.email }));
}

/** R-NOTE-1, at most once a day: claims today's digest for one recipient; false when it was already sent (by this or another replica). */
export async function claimDigest(db: Db, r: DigestRecipient, today: string, notices: number): Promise<boolean> {
  const rows = await db.execute<{ membership_id: string }[]>(
    `INSERT INTO access.notice_digest (membership_id, sent_on, organisation_id, notices) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING membership_id`,
    [r.membershipId, today, r.organisationId, notices]);
  return rows.length > 0;
}

/** Gives the claim back when the mail could not be handed over, so the next run tries again. */
export async function releaseDigest(db: Db, r: DigestRecipient, today: string): Promise<void> {
  await db.execute(`DELETE FROM access.notice_digest WHERE membership_id = ? AND sent_on = ?`, [r.membershipId, today]);
}
