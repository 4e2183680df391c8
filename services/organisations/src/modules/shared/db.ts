import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@behorig/kit/errors';

/**
 * What a store needs of MikroORM: plain SQL on the request's fork or on a transaction's
 * (docs/architecture.md). Stores never hydrate entities.
 */
export type Db = Pick<EntityManager, 'execute'>;

/** A row as the driver returns it, keyed by the columns a store declared. */
export type RawRow<C extends readonly string[]> = Record<C[number], unknown>;

/** `a.col1, a.col2`: a select list built from a store's declared columns, so it cannot drift from them. */
export const columnList = (columns: readonly string[], alias?: string): string => columns.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');

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

/** A store's field-keyed values as column-keyed ones, through its field-to-column map (undefined stays out). */
export function toColumns<F extends string, C extends string>(values: Partial<Record<F, unknown>>, columnOf: Record<F, C>): Partial<Record<C, unknown>> {
  const out: Partial<Record<C, unknown>> = {};
  for (const [field, value] of Object.entries(values) as [F, unknown][]) {
    if (value === undefined) continue;
    if (!(field in columnOf)) throw new Error(`No column for the field ${field}`);
    out[columnOf[field]] = value;
  }
  return out;
}
