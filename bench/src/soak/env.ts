import { z } from 'zod';
import { parseEnv } from '@behorig/kit/server';

/**
 * The soak's only read of process.env. DATABASE_URL names the server the soak
 * creates its fresh database on; unset, it starts an embedded PostgreSQL of its own.
 */
export const soakEnv = parseEnv({
  DATABASE_URL: z.string().url().optional(),
});

/**
 * The environment the spawned system starts from: ours (PATH, HOME…) minus what would point it at
 * somebody else's system or change its mode; the soak then sets every port and URL itself.
 */
export function childBaseEnv(): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['BANKID_URL', 'JWKS_URL', 'WEB_ORIGIN', 'ACCESS_URL', 'ORGANISATIONS_URL', 'SIGNING_URL', 'SIGNING_INTERNAL_URL', 'ACCESS_INTERNAL_URL', 'SIGNING_KEY_FILE', 'AUTHORITY_PERSONAL_NUMBERS', 'EMBEDDED_PG_PORT', 'JEST_WORKER_ID']) delete inherited[name];
  return inherited;
}
