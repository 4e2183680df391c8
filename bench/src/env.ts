import { z } from 'zod';
import { parseEnv } from '@behorig/kit/server';

/** The bench's only read of process.env. Unset DATABASE_URL = embedded PostgreSQL. */
export const env = parseEnv({
  DATABASE_URL: z.string().url().optional(),
  SCALE_PG_PORT: z.coerce.number().int().default(54331),
  /**
   * The first of the ports `npm run bench` uses: the system on base+0…3 (gateway, organisations,
   * access, signing), the BankID simulator on base+10/11, the floor on base+90, the peers on
   * base+91 (Hive Gateway) and base+92 (Hive Gateway with the Rust query planner).
   */
  BENCH_PORT_BASE: z.coerce.number().int().min(1024).max(65_000).default(4000),
  /** As the access service reads them: the key that seals personal numbers at rest. */
  PERSONAL_NUMBER_KEY: z.string().optional(),
  PERSONAL_NUMBER_KEY_FILE: z.string().optional(),
});
