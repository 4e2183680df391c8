import { Migration } from '@mikro-orm/migrations';

/**
 * R-SIGN-7: the signing service collects its open orders itself.
 * - `collect_after` is a short lease: a replica claims due orders by moving it forward (FOR UPDATE
 *   SKIP LOCKED), so several replicas never collect the same order in the same round.
 * - `end_reported_at` records that access was told a sign order ended unsigned (the set went back
 *   to DRAFT); until then the collector keeps reporting.
 */
export class Migration005ServerSideCollection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE signing.signing_order ADD COLUMN collect_after timestamptz, ADD COLUMN end_reported_at timestamptz`);
    this.addSql(`CREATE INDEX signing_order_open_idx ON signing.signing_order (started_at)
      WHERE status = 'PENDING' OR (kind = 'SIGN' AND status = 'COMPLETE' AND apply_result = 'PENDING') OR (kind = 'SIGN' AND status = 'FAILED' AND end_reported_at IS NULL)`);
  }
}
