import { Migration } from '@mikro-orm/migrations';

/**
 * R-AUTH-4 for audit ingestion: a delivery is checked against the latest event the log already
 * holds from its source (`max(at) WHERE source = …`, audit.store.ts `sourceFloor`), on every
 * delivery; this index answers that from its last entry instead of scanning the log.
 */
export class Migration011AuditSourceFloor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX audit_event_source_at_idx ON signing.audit_event (source, at)`);
  }
}
