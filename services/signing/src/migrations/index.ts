import { Migration001Initial } from './migration-001-initial';
import { Migration002OrdersReceiptsChainClients } from './migration-002-orders-receipts-chain-clients';

/** Committed migrations in order; the only way the schema changes. */
export const migrations = [
  { name: 'Migration001Initial', class: Migration001Initial },
  { name: 'Migration002OrdersReceiptsChainClients', class: Migration002OrdersReceiptsChainClients },
];
