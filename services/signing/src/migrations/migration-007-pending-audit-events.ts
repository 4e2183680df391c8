import { Migration } from '@mikro-orm/migrations';

/**
 * R-AUDIT-4, causal order: signing's own event about a change set waits here until the access
 * event that started that signing is in the log (modules/audit/audit.service.ts, appendAfterSigningStarted).
 * Rows are removed when they are appended; this is a queue, not evidence.
 */
export class Migration007PendingAuditEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE signing.pending_audit_event (
      id bigserial PRIMARY KEY,
      change_set_id uuid NOT NULL,
      digest text NOT NULL,
      organisation_id uuid,
      event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    this.addSql(`CREATE INDEX pending_audit_event_set_idx ON signing.pending_audit_event (change_set_id, digest)`);
  }
}
