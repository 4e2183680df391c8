import { Migration } from '@mikro-orm/migrations';

/**
 * Service seals (docs/evidence.md): a receipt signed by the authority's service for a change set
 * that access's scheduled job made and that only takes access away (R-REV-1 at a review's
 * deadline). Such a receipt has no BankID order and no person: `order_ref` may be null exactly
 * when `sealed_by` names the sealer, and a change set is sealed at most once.
 */
export class Migration012ServiceSeals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE signing.receipt ALTER COLUMN order_ref DROP NOT NULL, ADD COLUMN sealed_by text CHECK (sealed_by IN ('authority'))`);
    this.addSql(`ALTER TABLE signing.receipt ADD CONSTRAINT receipt_order_or_seal CHECK ((order_ref IS NULL) = (sealed_by IS NOT NULL))`);
    this.addSql(`CREATE UNIQUE INDEX receipt_seal_change_set_uniq ON signing.receipt (change_set_id) WHERE sealed_by IS NOT NULL`);
  }
}
