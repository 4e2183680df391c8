import { z } from 'zod';
import { parseEnv } from '@behorig/kit/server';

/** The bench's only read of process.env. Unset DATABASE_URL = embedded PostgreSQL. */
export const env = parseEnv({
  DATABASE_URL: z.string().url().optional(),
  SCALE_PG_PORT: z.coerce.number().int().default(54331),
  /** As the access service reads them: the key that seals personal numbers at rest. */
  PERSONAL_NUMBER_KEY: z.string().optional(),
  PERSONAL_NUMBER_KEY_FILE: z.string().optional(),
});
