import { Migration } from '@mikro-orm/migrations';
import { jobTableSql } from '@behorig/kit/jobs';

/**
 * R-REV-1 access reviews and R-NOTE-1 notices (docs/domain.md).
 *
 * - `access_review`: a review of one organisation's active assignments with a deadline.
 * - `access_review_item`: a snapshot of one role assignment taken when the review started. The
 *   role assignment's row id is kept for reference only: an applied change replaces a person's
 *   rows, so the item also carries the membership, role code and period it saw.
 * - `pending_change.role_periods`: a reviewed person's change keeps every role's own period
 *   (`{roleCode: {validFrom, validTo}}`), so ending one role on a date leaves the others as they
 *   were; null = every role gets the change's period (all other proposals).
 * - `notice_digest`: one row per recipient, organisation and day, so the digest goes out at most
 *   once a day (R-NOTE-1) whichever replica's job runs.
 * - `job`: kit's one job runner's table in this schema (review deadlines, the digest).
 */
export class Migration008AccessReviews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE access.access_review (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL,
      deadline date NOT NULL,
      end_undecided_at_deadline boolean NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
      started_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz)`);
    this.addSql(`CREATE INDEX access_review_organisation_idx ON access.access_review (organisation_id, created_at DESC)`);
    this.addSql(`CREATE INDEX access_review_open_deadline_idx ON access.access_review (deadline) WHERE status = 'OPEN'`);
    this.addSql(`CREATE TABLE access.access_review_item (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES access.access_review(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES access.person(id),
      membership_id uuid NOT NULL,
      assignment_id uuid NOT NULL,
      role_code text NOT NULL REFERENCES access.role(code),
      valid_from date NOT NULL,
      valid_to date,
      decision text CHECK (decision IN ('KEEP','END')),
      end_date date,
      decided_by text,
      decided_at timestamptz,
      change_set_id uuid,
      ended_at_deadline boolean NOT NULL DEFAULT false,
      CHECK (decision IS DISTINCT FROM 'END' OR end_date IS NOT NULL),
      UNIQUE (review_id, assignment_id))`);
    this.addSql(`CREATE INDEX access_review_item_review_idx ON access.access_review_item (review_id, id)`);
    this.addSql(`ALTER TABLE access.pending_change ADD COLUMN role_periods jsonb`);
    this.addSql(`CREATE TABLE access.notice_digest (
      membership_id uuid NOT NULL,
      sent_on date NOT NULL,
      organisation_id uuid NOT NULL,
      notices integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (membership_id, sent_on))`);
    for (const statement of jobTableSql('access').split(/;\s*\n/)) if (statement.trim()) this.addSql(statement.trim().replace(/;$/, ''));
  }
}
