import { Migration001Initial } from './migration-001-initial';
import { Migration002OrdersReceiptsChainClients } from './migration-002-orders-receipts-chain-clients';
import { Migration003AppendOnlyAudit } from './migration-003-append-only-audit';
import { Migration004AuditCheckpoints } from './migration-004-audit-checkpoints';
import { Migration005ServerSideCollection } from './migration-005-server-side-collection';
import { Migration006PublishedKeys } from './migration-006-published-keys';
import { Migration007PendingAuditEvents } from './migration-007-pending-audit-events';
import { Migration008SealedPersonalNumbers } from './migration-008-sealed-personal-numbers';
import { Migration009JobsAndWebhooks } from './migration-009-jobs-and-webhooks';
import { Migration010SignerNameParts } from './migration-010-signer-name-parts';
import { Migration011AuditSourceFloor } from './migration-011-audit-source-floor';
import { Migration012ServiceSeals } from './migration-012-service-seals';

/** Committed migrations in order; the only way the schema changes. */
export const migrations = [
  { name: 'Migration001Initial', class: Migration001Initial },
  { name: 'Migration002OrdersReceiptsChainClients', class: Migration002OrdersReceiptsChainClients },
  { name: 'Migration003AppendOnlyAudit', class: Migration003AppendOnlyAudit },
  { name: 'Migration004AuditCheckpoints', class: Migration004AuditCheckpoints },
  { name: 'Migration005ServerSideCollection', class: Migration005ServerSideCollection },
  { name: 'Migration006PublishedKeys', class: Migration006PublishedKeys },
  { name: 'Migration007PendingAuditEvents', class: Migration007PendingAuditEvents },
  { name: 'Migration008SealedPersonalNumbers', class: Migration008SealedPersonalNumbers },
  { name: 'Migration009JobsAndWebhooks', class: Migration009JobsAndWebhooks },
  { name: 'Migration010SignerNameParts', class: Migration010SignerNameParts },
  { name: 'Migration011AuditSourceFloor', class: Migration011AuditSourceFloor },
  { name: 'Migration012ServiceSeals', class: Migration012ServiceSeals },
];
