import { Migration001Initial } from './migration-001-initial';

/** Committed migrations in order; the only way the schema changes (house style 4). */
export const migrations = [{ name: 'Migration001Initial', class: Migration001Initial }];
