import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What every store reads and writes through: the request's (or the transaction's) EntityManager,
 * used only for `execute` — plain SQL, rows mapped to typed row objects in the store
 * (docs/architecture.md, "One way to read and write").
 */
export type Db = EntityManager;

/**
 * A store's column list as SQL, optionally qualified by a table alias. Each store declares its
 * columns once (`const personColumns = [...] as const`); its statements are built from that list,
 * and the schema-agreement test checks the same list against the migrated tables.
 */
export function columnList(columns: readonly string[], alias?: string): string {
  return columns.map((c) => {
    const q = alias ? `${alias}.${c}` : c;
    // uuid[] has no parser in the pg driver: read it as text[] so it arrives as string[].
    return c === 'address_ids' ? `${q}::text[] AS address_ids` : q;
  }).join(', ');
}

/** `?, ?, ?` for a batch (one statement per batch, never one per item). */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** A timestamptz as the driver gives it (a string from MikroORM's connection) as a Date. */
export const toDate = (v: string | Date): Date => (v instanceof Date ? v : new Date(v));

/** A list of uuids as a PostgreSQL array literal for `?::uuid[]` (null stays null = all offices, R-USR-2). */
export function pgUuidArray(ids: readonly string[] | null | undefined): string | null {
  return ids && ids.length > 0 ? `{${ids.join(',')}}` : null;
}
