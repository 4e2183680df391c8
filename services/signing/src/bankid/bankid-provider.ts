import { existsSync, readFileSync } from 'node:fs';
import { BankIdClient, BankIdUnavailableError, type AuthParams, type SignParams } from './bankid-client';
import type { CollectResponse, OrderResponse } from './bankid-types';
import type { Env } from '../env';

/** What the signing service needs from BankID (R-SIGN-5): the RP API v6.0 methods. */
export interface BankIdProvider {
  auth(params: AuthParams): Promise<OrderResponse>;
  sign(params: SignParams): Promise<OrderResponse>;
  collect(orderRef: string): Promise<CollectResponse>;
  cancel(orderRef: string): Promise<void>;
}

/**
 * The one real client, configured from BANKID_* (defaults: the simulator's files in
 * .data/bankid/). Built on first use, not at start-up, so the signing service starts even while
 * the simulator is still generating its certificates; a missing file then gives a clear error
 * naming the variable instead of a crash.
 */
export function bankIdFromEnv(env: Env): () => BankIdProvider {
  let client: BankIdClient | undefined;
  const read = (path: string, variable: string) => {
    if (!existsSync(path)) {
      throw new BankIdUnavailableError(`BankID is not configured: ${variable} (${path}) does not exist. Start the BankID simulator (npm start does) or set ${variable}.`, 'tls');
    }
    return readFileSync(path);
  };
  return () => {
    if (client) return client;
    const ca = read(env.BANKID_CA_FILE, 'BANKID_CA_FILE');
    const credentials = env.BANKID_PFX_FILE
      ? { pfx: read(env.BANKID_PFX_FILE, 'BANKID_PFX_FILE') }
      : { cert: read(env.BANKID_CLIENT_CERT_FILE, 'BANKID_CLIENT_CERT_FILE'), key: read(env.BANKID_CLIENT_KEY_FILE, 'BANKID_CLIENT_KEY_FILE') };
    client = new BankIdClient({ baseUrl: env.BANKID_URL, ca, passphrase: env.BANKID_PASSPHRASE, timeoutMs: env.BANKID_TIMEOUT_MS, ...credentials });
    return client;
  };
}
