import { Migration } from '@mikro-orm/migrations';

/**
 * Offices, level two of R-USR-2: a unit of a membership may be limited to some of its offices
 * (addresses). Null = every office of the unit, including offices added later. Address ids belong
 * to the organisations subgraph; an office removed there simply stops matching (checks and scopes
 * ask for the unit's current offices).
 */
export class Migration006Offices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE access.membership_unit ADD COLUMN address_ids uuid[]`);
  }
}
