import { Migration } from '@mikro-orm/migrations';

/**
 * R-USR-5: BankID's completion data names the signer as `givenName` and `surname`; a log-in keeps
 * both so that, once the session is issued, access can correct the identity row's name from them
 * (the person's own BankID name is authoritative). `signer_name` (the display form) cannot be split
 * reliably, hence two columns. Nullable: orders completed before this migration have neither.
 */
export class Migration010SignerNameParts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE signing.signing_order ADD COLUMN signer_given_name text, ADD COLUMN signer_surname text`);
  }
}
