import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@behorig/kit/errors';

/**
 * What a store needs of MikroORM: plain SQL on the request's fork or on a transaction's
 * (docs/architecture.md, "One way to read and write"). Stores never hydrate entities.
 */
export type Db = Pick<EntityManager, 'execute'>;

/** A row as the driver returns it, keyed by the columns a store declared. */
export type RawRow<C extends readonly string[]> = Record<C[number], unknown>;

/** `a.col1, a.col2`: a select list built from a store's declared columns, so it cannot drift from them. */
export const columnList = (columns: readonly string[], alias?: string): string => columns.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');

/** `(?, ?), (?, ?)` and its bindings: one multi-row VALUES list, so a batch is one statement. */
export function valuesList(rows: readonly (readonly unknown[])[]): { placeholders: string; bindings: unknown[] } {
  return {
    placeholders: rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', '),
    bindings: rows.flat(),
  };
}

/** Ids that are not UUIDs name no row (kit isUuid); asking PostgreSQL would be a type error. */
export const uuidsOnly = (ids: readonly string[]): string[] => ids.filter(isUuid);

/** timestamptz arrives as text (MikroORM's pg type parsers); JavaScript's Date reads that form. */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const toDateOrNull = (v: unknown): Date | null => (v == null ? null : toDate(v));
export const textOrNull = (v: unknown): string | null => (v == null ? null : String(v));

/**
 * The fields of `changes` whose value differs from `current`: an update that changes nothing
 * writes nothing (and leaves `updated_at` alone), as the unit of work did before.
 */
export function changedFields<T extends object>(current: T, changes: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(changes) as [keyof T, T[keyof T]][]) {
    if (v !== undefined && current[k] !== v) out[k] = v;
  }
  return out;
}

/** `col1 = ?, col2 = ?` and its bindings for the changed fields, through the store's field-to-column map. */
export function assignments<T extends object>(changes: Partial<T>, columnOf: Partial<Record<keyof T, string>>): { set: string; bindings: unknown[] } {
  const entries = (Object.entries(changes) as [keyof T, unknown][]).filter(([, v]) => v !== undefined);
  return {
    set: entries.map(([k]) => {
      const column = columnOf[k];
      if (!column) throw new Error(`No column for field ${String(k)}`);
      return `${column} = ?`;
    }).join(', '),
    bindings: entries.map(([, v]) => v),
  };
}
