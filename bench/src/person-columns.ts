import type pg from 'pg';
import { createPersonalNumberVault } from '@behorig/kit';

/**
 * The stored columns of one `access.person` row. Personal numbers are encrypted at rest since
 * access migration 003 (kit personal-number-vault): the row then carries the keyed look-up hash
 * and the AES-GCM ciphertext and no plain number. The generator asks the migrated database which
 * layout it has, so it writes exactly what the access service itself would write — sealed with
 * the same key the service will use (PERSONAL_NUMBER_KEY, or the development key file).
 */
export interface ScalePerson {
  id: string;
  personalNumber: string;
  givenName: string;
  surname: string;
  email: string | null;
  birthDate: string;
}

export interface PersonColumns {
  sealed: boolean;
  spec: readonly (readonly [string, string])[];
  values: (p: ScalePerson) => unknown[];
}

export async function personColumnsFor(client: pg.Pool | pg.Client, key: Buffer | string | undefined): Promise<PersonColumns> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'access' AND table_name = 'person' AND column_name = 'personal_number_enc'`,
  );
  if (!rowCount) {
    return {
      sealed: false,
      spec: [['id', 'uuid'], ['personal_number', 'text'], ['given_name', 'text'], ['surname', 'text'], ['email', 'text'], ['birth_date', 'date']],
      values: (p) => [p.id, p.personalNumber, p.givenName, p.surname, p.email, p.birthDate],
    };
  }
  if (!key) throw new Error('access.person stores sealed personal numbers: a personal-number key is needed to generate people.');
  const vault = createPersonalNumberVault(key);
  return {
    sealed: true,
    spec: [['id', 'uuid'], ['personal_number_hash', 'text'], ['personal_number_enc', 'text'], ['given_name', 'text'], ['surname', 'text'], ['email', 'text'], ['birth_date', 'date']],
    values: (p) => {
      const s = vault.seal(p.personalNumber);
      return [p.id, s.hash, s.ciphertext, p.givenName, p.surname, p.email, p.birthDate];
    },
  };
}
