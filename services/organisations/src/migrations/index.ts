import { Migration001Initial } from './migration-001-initial';
import { Migration002ContactsAccounts } from './migration-002-contacts-accounts';
import { Migration003UnitFactOutbox } from './migration-003-unit-fact-outbox';
import { Migration004UnitFactRefusals } from './migration-004-unit-fact-refusals';

/** Committed migrations in order; the only way the schema changes. */
export const migrations = [
  { name: 'Migration001Initial', class: Migration001Initial },
  { name: 'Migration002ContactsAccounts', class: Migration002ContactsAccounts },
  { name: 'Migration003UnitFactOutbox', class: Migration003UnitFactOutbox },
  { name: 'Migration004UnitFactRefusals', class: Migration004UnitFactRefusals },
];
