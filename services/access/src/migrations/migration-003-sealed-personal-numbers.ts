import { Migration } from '@mikro-orm/migrations';

/**
 * Personal identity numbers encrypted at rest (R-USR-1). Every place that stored a number
 * in plain text gets two columns: `…_hash` (keyed HMAC, the look-up and uniqueness key) and `…_enc`
 * (AES-256-GCM). See kit personal-number-vault.ts.
 *
 * A migration cannot seal anything: it does not know the key (configuration, not schema). So this
 * migration only adds the columns and makes the plain-text ones nullable; at every start-up,
 * BEFORE serving, the service seals each row that still has a plain-text number and sets that
 * number to NULL in the same statement (`sealPlaintextPersonalNumbers`, 1,000 rows per UPDATE).
 * After the first start with this migration no plain text remains. The plain-text columns are
 * kept (always NULL) rather than dropped, because dropping them would need a second migration
 * that may only run after a backfill — which one start-up cannot guarantee. A later migration may
 * drop them once every deployment has started at least once on this one.
 */
export class Migration003SealedPersonalNumbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE access.person
      ADD COLUMN personal_number_hash text,
      ADD COLUMN personal_number_enc text,
      ALTER COLUMN personal_number DROP NOT NULL`);
    this.addSql(`CREATE UNIQUE INDEX person_personal_number_hash_uniq ON access.person (personal_number_hash)`);
    // Every person is findable by number: either still plain (until the start-up backfill) or sealed.
    this.addSql(`ALTER TABLE access.person ADD CONSTRAINT person_number_present
      CHECK (personal_number IS NOT NULL OR (personal_number_hash IS NOT NULL AND personal_number_enc IS NOT NULL))`);

    this.addSql(`ALTER TABLE access.pending_change
      ADD COLUMN personal_number_hash text,
      ADD COLUMN personal_number_enc text,
      ALTER COLUMN personal_number DROP NOT NULL`);
    this.addSql(`CREATE UNIQUE INDEX pending_change_set_number_hash_uniq ON access.pending_change (change_set_id, personal_number_hash)`);
    this.addSql(`ALTER TABLE access.pending_change ADD CONSTRAINT pending_change_number_present
      CHECK (personal_number IS NOT NULL OR (personal_number_hash IS NOT NULL AND personal_number_enc IS NOT NULL))`);

    this.addSql(`ALTER TABLE access.agreement
      ADD COLUMN admin_personal_number_hash text,
      ADD COLUMN admin_personal_number_enc text,
      ALTER COLUMN admin_personal_number DROP NOT NULL`);
    this.addSql(`ALTER TABLE access.agreement ADD CONSTRAINT agreement_admin_number_present
      CHECK (admin_personal_number IS NOT NULL OR (admin_personal_number_hash IS NOT NULL AND admin_personal_number_enc IS NOT NULL))`);

    // The signer of an applied set (the receipt names them too, and signing keeps the receipt).
    this.addSql(`ALTER TABLE access.change_set
      ADD COLUMN signer_personal_number_hash text,
      ADD COLUMN signer_personal_number_enc text`);
  }
}
