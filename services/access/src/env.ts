import { commonEnvShape, parseEnv, port } from '@behorig/kit';
import { z } from 'zod';

/** The only reader of process.env in this service (house style 6). */
export const loadEnv = () =>
  parseEnv({
    ...commonEnvShape,
    ACCESS_PORT: port(4002),
    DEMO_DATA: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  });
export type Env = ReturnType<typeof loadEnv>;
