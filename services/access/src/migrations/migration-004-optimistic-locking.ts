import { Migration } from '@mikro-orm/migrations';

/**
 * Optimistic locking: two administrators editing one person must not silently overwrite
 * each other. `membership.version` counts every write that concerns the person in the organisation
 * (a proposal or discard of a change for them, an applied change, a new authorisation period, an
 * ended employment). A pending change remembers the version it was proposed against
 * (`base_version`); a change whose base is no longer current is stale and is never applied.
 */
export class Migration004OptimisticLocking extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE access.membership ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // Null for NEW people (no membership yet) and for changes proposed before this migration.
    this.addSql(`ALTER TABLE access.pending_change ADD COLUMN base_version integer`);
  }
}
