import { runMigrationJob } from '@behorig/kit/db';
import { migrations } from './migrations';

/** The migration job: `node dist/migrate.js` applies pending migrations and exits (docs/deploy.md). */
runMigrationJob({ name: 'access', schema: 'access', entities: [], migrations });
