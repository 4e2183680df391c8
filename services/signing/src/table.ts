/**
 * A table as a store declares it, once: its qualified name and every column the store reads or
 * writes, keyed by the property of the store's row type. The store builds its column lists from
 * it (`list()`, `cols()`, `c.<property>`), maps rows with `row()`, and the schema-agreement test
 * (test/schema-agreement.test.ts) checks every declared column against the migrated database.
 *
 * Why plain SQL and not ORM entities: docs/architecture.md, "Stores".
 */
export interface Table<P extends string> {
  /** Schema-qualified name, e.g. `signing.receipt`. */
  readonly name: string;
  /** Property → column. */
  readonly c: Readonly<Record<P, string>>;
  /** `col AS "prop", …` for the given properties (default: every one), optionally prefixed with a table alias. */
  list(props?: readonly P[], alias?: string): string;
  /** `col, col, …` for the column list of an insert, in the order given. */
  cols(props: readonly P[]): string;
  /** A row as the driver returns it (aliased by `list()`) → the typed row: timestamps become Dates, bigints numbers. */
  row<R>(raw: Record<string, unknown>): R;
  toString(): string;
}

export interface ColumnTypes<P extends string> {
  /** timestamptz columns: the connection returns them as text (MikroORM's type parsers), the row holds Dates. */
  dates?: readonly P[];
  /** bigint columns that fit a JS number (serial ids): the driver returns them as text. */
  bigints?: readonly P[];
}

export function defineTable<P extends string>(name: string, columns: Record<P, string>, types: ColumnTypes<NoInfer<P>> = {}): Table<P> {
  const props = Object.keys(columns) as P[];
  const dates = new Set<string>(types.dates ?? []);
  const bigints = new Set<string>(types.bigints ?? []);
  return {
    name,
    c: columns,
    list: (only = props, alias) => only.map((p) => `${alias ? `${alias}.` : ''}${columns[p]} AS "${p}"`).join(', '),
    cols: (only) => only.map((p) => columns[p]).join(', '),
    row: <R>(raw: Record<string, unknown>) => {
      const out: Record<string, unknown> = { ...raw };
      for (const k of Object.keys(out)) {
        const v = out[k];
        if (v == null) continue;
        if (dates.has(k) && !(v instanceof Date)) out[k] = new Date(String(v));
        else if (bigints.has(k)) out[k] = Number(v);
      }
      return out as R;
    },
    toString: () => name,
  };
}
