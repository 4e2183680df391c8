import { Migration } from '@mikro-orm/migrations';

/**
 * R-USR-5: a person's identity (number, name, birth date) is one row shared by every organisation;
 * the e-mail belongs to the membership in one organisation. The existing e-mails move to every
 * membership of their person, and the shared row keeps none, so nothing one organisation proposes
 * can change what another organisation sees.
 */
export class Migration005MembershipEmail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE access.membership ADD COLUMN email text`);
    this.addSql(`UPDATE access.membership m SET email = p.email FROM access.person p WHERE m.person_id = p.id AND p.email IS NOT NULL`);
    this.addSql(`ALTER TABLE access.person DROP COLUMN email`);
  }
}
