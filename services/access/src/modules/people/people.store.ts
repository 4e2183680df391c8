import { randomUUID } from 'node:crypto';
import { byIdLoader, defineTable, placeholders, toDate, type Db } from '@behorig/kit/db';

/**
 * `access.person`: one row per human, keyed by the canonical 12-digit personal number (R-USR-1,
 * R-ID-1) — stored only sealed (migration 003): the keyed hash finds and de-duplicates, the
 * ciphertext is opened only for someone the policy allows (src/policy/access.policy.ts).
 */
export const PERSON = defineTable('access.person', ['id', 'personal_number_hash', 'personal_number_enc', 'given_name', 'surname', 'birth_date', 'created_at']);

export interface PersonRow {
  id: string;
  personalNumberHash: string;
  personalNumberEnc: string;
  givenName: string;
  surname: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  createdAt: Date;
}

export type PersonRecord = { [K in keyof typeof PERSON.c]: K extends 'created_at' ? string | Date : string };

export const toPersonRow = (r: PersonRecord): PersonRow => ({
  id: r.id, personalNumberHash: r.personal_number_hash, personalNumberEnc: r.personal_number_enc,
  givenName: r.given_name, surname: r.surname, birthDate: r.birth_date, createdAt: toDate(r.created_at),
});

const SELECT_PERSON = `SELECT ${PERSON.list()} FROM access.person`;

/** Request-scoped loaders: one statement per batch. */
export function createPeopleLoaders(db: Db) {
  return {
    person: byIdLoader<PersonRow>(async (ids) => (await db.execute<PersonRecord[]>(`${SELECT_PERSON} WHERE id IN (${placeholders(ids)})`, [...ids])).map(toPersonRow), (p) => p.id),
  };
}

export async function findPersonByHash(db: Db, hash: string): Promise<PersonRow | null> {
  const [row] = await db.execute<PersonRecord[]>(`${SELECT_PERSON} WHERE personal_number_hash = ?`, [hash]);
  return row ? toPersonRow(row) : null;
}

/**
 * R-USR-5: the identity row is written by the first registration; a later registration or proposal
 * never changes it (the no-op update only returns the existing row's id) — only the person's own
 * BankID log-in corrects the name (updatePersonName). Returns the person's id.
 */
export async function ensurePerson(db: Db, p: { personalNumberHash: string; personalNumberEnc: string; givenName: string; surname: string; birthDate: string }): Promise<string> {
  const [row] = await db.execute<{ id: string }[]>(
    `INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (personal_number_hash) DO UPDATE SET personal_number_hash = access.person.personal_number_hash RETURNING id`,
    [randomUUID(), p.personalNumberHash, p.personalNumberEnc, p.givenName, p.surname, p.birthDate]);
  return row.id;
}

/** Who may log in (R-AUTH-1): the person with this number and whether any role of theirs is active on `today`. */
export async function findLoginCandidate(db: Db, hash: string, today: string): Promise<{ id: string; givenName: string; surname: string; active: boolean } | null> {
  const [row] = await db.execute<{ id: string; given_name: string; surname: string; active: boolean }[]>(
    `SELECT p.id, p.given_name, p.surname,
            EXISTS (SELECT 1 FROM access.membership m JOIN access.role_assignment ra ON ra.membership_id = m.id
                     WHERE m.person_id = p.id AND ra.valid_from <= ?::date AND (ra.valid_to IS NULL OR ra.valid_to >= ?::date)) AS active
       FROM access.person p WHERE p.personal_number_hash = ?`, [today, today, hash]);
  return row ? { id: row.id, givenName: row.given_name, surname: row.surname, active: row.active } : null;
}

/** The sealed personal number of a person (opened by the caller, for signing's sign order, R-SIGN-2). */
export async function findSealedNumber(db: Db, personId: string): Promise<string | null> {
  const [row] = await db.execute<{ personal_number_enc: string }[]>(`SELECT personal_number_enc FROM access.person WHERE id = ?`, [personId]);
  return row?.personal_number_enc ?? null;
}

/** The identity row's name, locked for the transaction (R-USR-5 name correction at log-in). */
export async function lockPersonName(db: Db, personId: string): Promise<{ givenName: string; surname: string } | null> {
  const [row] = await db.execute<{ given_name: string; surname: string }[]>(`SELECT given_name, surname FROM access.person WHERE id = ? FOR UPDATE`, [personId]);
  return row ? { givenName: row.given_name, surname: row.surname } : null;
}

/** R-USR-5: only the person's own BankID log-in changes the name (people.service.ts); nothing else of the row. */
export async function updatePersonName(db: Db, personId: string, name: { givenName: string; surname: string }): Promise<void> {
  await db.execute(`UPDATE access.person SET given_name = ?, surname = ? WHERE id = ?`, [name.givenName, name.surname, personId]);
}
