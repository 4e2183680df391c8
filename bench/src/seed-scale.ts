import { join } from 'node:path';
import { dropDatabase, ensureDatabase, repoRoot, withDatabase } from '@behorig/kit/db';
import { loadOrCreateDevPersonalNumberKey } from '@behorig/kit/vault';
import { env } from './env';
import { migrateAll, seedScale } from './scale-seeder';
import { parseFlags, scaleServer } from './scale-db';

/**
 * `npm run seed:scale -- --organisations 2000 --persons 200000 [--database behorig_scale]`
 * Recreates the scale database, applies every subgraph's migrations, then bulk-loads it.
 */
async function main() {
  const flags = parseFlags(process.argv.slice(2), { organisations: 2000, persons: 200_000, database: 'behorig_scale', auditPerOrganisation: 500, seed: 20261122 });
  const say = (m: string) => process.stdout.write(`${m}\n`);
  const server = await scaleServer(say);
  try {
    const started = Date.now();
    say(`recreating database ${flags.database}`);
    await dropDatabase(server.serverUrl, flags.database);
    await ensureDatabase(server.serverUrl, flags.database);
    const url = withDatabase(server.serverUrl, flags.database);
    say('applying the migrations of organisations, access and signing');
    await migrateAll(url);
    say(`loading ${flags.organisations} organisations and ${flags.persons} people`);
    const counts = await seedScale(url, { organisations: flags.organisations, persons: flags.persons, auditPerOrganisation: flags.auditPerOrganisation, seed: flags.seed, log: say,
      // The same key the access service uses (its env.ts defaults): PERSONAL_NUMBER_KEY or the dev key file.
      personalNumberKey: env.PERSONAL_NUMBER_KEY ?? loadOrCreateDevPersonalNumberKey(env.PERSONAL_NUMBER_KEY_FILE ?? join(repoRoot(), '.data', 'keys', 'personal-number-key')) });
    const seconds = (Date.now() - started) / 1000;
    say(`seeded in ${seconds.toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`seed:scale failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
