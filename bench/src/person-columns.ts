import type pg from 'pg';
import { createPersonalNumberVault } from '@behorig/kit/vault';

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
  // R-USR-5: since access migration 005 the e-mail belongs to the membership, not the person.
  const emailOnPerson = Boolean((await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'access' AND table_name = 'person' AND column_name = 'email'`,
  )).rowCount);
  const email = (spec: [string, string][], values: (p: ScalePerson) => unknown[]): Pick<PersonColumns, 'spec' | 'values'> => emailOnPerson
    ? { spec: [...spec.slice(0, -1), ['email', 'text'], spec[spec.length - 1]], values: (p) => { const v = values(p); return [...v.slice(0, -1), p.email, v[v.length - 1]]; } }
    : { spec, values };
  if (!rowCount) {
    return {
      sealed: false,
      ...email([['id', 'uuid'], ['personal_number', 'text'], ['given_name', 'text'], ['surname', 'text'], ['birth_date', 'date']],
        (p) => [p.id, p.personalNumber, p.givenName, p.surname, p.birthDate]),
    };
  }
  if (!key) throw new Error('access.person stores sealed personal numbers: a personal-number key is needed to generate people.');
  const vault = createPersonalNumberVault(key);
  return {
    sealed: true,
    ...email([['id', 'uuid'], ['personal_number_hash', 'text'], ['personal_number_enc', 'text'], ['given_name', 'text'], ['surname', 'text'], ['birth_date', 'date']],
      (p) => {
        const s = vault.seal(p.personalNumber);
        return [p.id, s.hash, s.ciphertext, p.givenName, p.surname, p.birthDate];
      }),
  };
}
