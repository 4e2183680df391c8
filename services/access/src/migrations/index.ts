import { Migration001Initial } from './migration-001-initial';
import { Migration002MatrixAgreementsChangeSets } from './migration-002-matrix-agreements-change-sets';
import { Migration003SealedPersonalNumbers } from './migration-003-sealed-personal-numbers';
import { Migration004OptimisticLocking } from './migration-004-optimistic-locking';
import { Migration005MembershipEmail } from './migration-005-membership-email';
import { Migration006Offices } from './migration-006-offices';
import { Migration007PermissionIndex } from './migration-007-permission-index';
import { Migration008AccessReviews } from './migration-008-access-reviews';
import { Migration009UnitFacts } from './migration-009-unit-facts';

/** Committed migrations in order; the only way the schema changes. */
export const migrations = [
  { name: 'Migration001Initial', class: Migration001Initial },
  { name: 'Migration002MatrixAgreementsChangeSets', class: Migration002MatrixAgreementsChangeSets },
  { name: 'Migration003SealedPersonalNumbers', class: Migration003SealedPersonalNumbers },
  { name: 'Migration004OptimisticLocking', class: Migration004OptimisticLocking },
  { name: 'Migration005MembershipEmail', class: Migration005MembershipEmail },
  { name: 'Migration006Offices', class: Migration006Offices },
  { name: 'Migration007PermissionIndex', class: Migration007PermissionIndex },
  { name: 'Migration008AccessReviews', class: Migration008AccessReviews },
  { name: 'Migration009UnitFacts', class: Migration009UnitFacts },
];
