import { Migration } from '@mikro-orm/migrations';

/**
 * Personal numbers in signing are sealed like in access (kit personal-number-vault): AES-256-GCM
 * where the number must be read back (a completed log-in's signer, for the session) and a keyed
 * hash where it is only compared or looked up. The plain columns are emptied by the start-up
 * backfill (modules/orders/personal-number-backfill.ts), which needs the key and so cannot run in SQL.
 */
export class Migration008SealedPersonalNumbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE signing.signing_order
      ADD COLUMN personal_number_hash text,
      ADD COLUMN signer_personal_number_enc text,
      ADD COLUMN signer_personal_number_hash text`);
    this.addSql(`ALTER TABLE signing.receipt ALTER COLUMN signer_personal_number DROP NOT NULL, ADD COLUMN signer_personal_number_hash text`);
  }
}
