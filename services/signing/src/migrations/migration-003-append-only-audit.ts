import { Migration } from '@mikro-orm/migrations';

/**
 * R-AUDIT-4: the audit log is append-only in the database itself. Row triggers refuse UPDATE and
 * DELETE and a statement trigger refuses TRUNCATE, whoever runs them (the application, a console,
 * a migration). Only someone who owns the table can switch the triggers off, and what they then
 * change is caught by the hash chain and the signed checkpoints (docs/evidence.md).
 */
export class Migration003AppendOnlyAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION signing.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'signing.% is append-only: % is refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Audit rows are never changed or removed (R-AUDIT-4).';
      END
    $fn$`);
    this.addSql(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON signing.audit_event
      FOR EACH ROW EXECUTE FUNCTION signing.refuse_audit_change()`);
    this.addSql(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON signing.audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION signing.refuse_audit_change()`);
  }
}
