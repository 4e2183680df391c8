import { toDate } from '@behorig/kit/db';
import { isUuid } from '@behorig/kit/errors';

// How stores declare their tables and build statements from them is kit's (`defineTable`,
// `tableStatements` in @behorig/kit/db); what is left here is how this subgraph's stores map values.

/** Ids that are not UUIDs name no row (kit isUuid); asking PostgreSQL would be a type error. */
export const uuidsOnly = (ids: readonly string[]): string[] => ids.filter(isUuid);

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
