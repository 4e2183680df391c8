import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * How every subgraph's stores declare their tables (docs/architecture.md, "One way to read and
 * write"): a table's qualified name and every column the store reads or writes, declared once.
 * The store builds its column lists from the declaration, and the subgraph's schema-agreement
 * test reads the same declarations (`columnsByTable`) and checks them against the migrated
 * tables, so a statement cannot name a column the schema lacks without that test failing.
 *
 * Only the type of MikroORM is named here: a store issues plain SQL through `execute` on whatever
 * EntityManager it is handed (the request's fork or a transaction's), never through entities.
 */
export type Db = Pick<EntityManager, 'execute'>;

export interface Table<P extends string> {
  /** Schema-qualified name, e.g. `signing.receipt`; also what the table renders as in SQL text. */
  readonly name: string;
  /** Property → column (for a table declared by a column list, every property is its column). */
  readonly c: Readonly<Record<P, string>>;
  /** Every declared column, in declaration order: what the schema-agreement test checks. */
  readonly columns: readonly string[];
  /**
   * The select list for the given properties (default: every one), optionally qualified by a
   * table alias. A column is renamed to its property only when they differ, so rows arrive keyed
   * by property; uuid[] columns are cast to text[] on the way.
   */
  list(props?: readonly P[], alias?: string): string;
  /** `col, col, …` for the column list of an insert, in the order given. */
  cols(props: readonly P[]): string;
  /** A row as `list()` returned it → the typed row: declared timestamps become Dates, bigints numbers. */
  row<R>(raw: Record<string, unknown>): R;
  toString(): string;
}

export interface ColumnTypes<P extends string> {
  /** timestamptz columns: MikroORM's connection returns them as text, the typed row holds Dates. */
  dates?: readonly P[];
  /** bigint columns that fit a JS number (serial ids): the driver returns them as text. */
  bigints?: readonly P[];
  /** uuid[] columns: the pg driver has no parser for uuid[], so they are read as text[] and arrive as string[]. */
  uuidArrays?: readonly P[];
}

/** A row as the driver returns it, keyed by the properties a table declares (before a store maps it). */
export type RawRow<T> = T extends Table<infer P> ? Record<P, unknown> : never;

/** Declares a table by its columns (each column is its own property) … */
export function defineTable<const P extends string>(name: string, columns: readonly P[], types?: ColumnTypes<NoInfer<P>>): Table<P>;
/** … or by property → column, when the store's rows are keyed by other names than the columns. */
export function defineTable<P extends string>(name: string, columns: Readonly<Record<P, string>>, types?: ColumnTypes<NoInfer<P>>): Table<P>;
export function defineTable<P extends string>(name: string, columns: readonly P[] | Readonly<Record<P, string>>, types: ColumnTypes<P> = {}): Table<P> {
  const c = (isList(columns) ? Object.fromEntries(columns.map((col) => [col, col])) : { ...columns }) as Record<P, string>;
  const props = Object.keys(c) as P[];
  const dates = new Set<string>(types.dates ?? []);
  const bigints = new Set<string>(types.bigints ?? []);
  const uuidArrays = new Set<string>(types.uuidArrays ?? []);
  const select = (p: P, alias?: string): string => {
    const column = alias ? `${alias}.${c[p]}` : c[p];
    // A qualified column keeps its name in the result; only a cast or a rename needs `AS`.
    return !uuidArrays.has(p) && p === c[p] ? column : `${uuidArrays.has(p) ? `${column}::text[]` : column} AS "${p}"`;
  };
  return {
    name,
    c,
    columns: Object.values<string>(c),
    list: (only = props, alias) => only.map((p) => select(p, alias)).join(', '),
    cols: (only) => only.map((p) => c[p]).join(', '),
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

const isList = <P extends string>(columns: readonly P[] | Readonly<Record<P, string>>): columns is readonly P[] => Array.isArray(columns);

/**
 * What a schema-agreement test compares with the migrated catalogue (kit `assertColumns`): every
 * declared column per table, merged when several declarations name the same table (a store may
 * declare a narrow view of a table another store owns).
 */
export function columnsByTable(tables: readonly Table<string>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t.name] = [...new Set([...(out[t.name] ?? []), ...t.columns])];
  return out;
}

/** `?, ?, ?` for a batch (one statement per batch, never one per item). */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** A timestamptz as MikroORM's connection gives it (text) as a Date; a Date stays as it is. */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

type Values<P extends string> = Partial<Record<P, unknown>>;

/**
 * The statements a table keyed by one column shares, built from its declaration: select, insert,
 * update, delete by key, count and which keys exist. Rows come back mapped by `toRow`. Values and
 * rows are keyed by property; SQL names the columns.
 */
export function tableStatements<P extends string, R>(db: Db, table: Table<P>, toRow: (r: Record<P, unknown>) => R, opts: { key?: P; alias?: string } = {}) {
  const { name, c } = table;
  const all = table.list();
  // A link table (no `id` column, no `key`) never uses the keyed statements; `id` keeps their text well-formed.
  const key = c[opts.key ?? ('id' as P)] ?? 'id';
  const has = (p: string): p is P => p in c;
  // Reads may name the table by an alias (a store's expressions say `o.name`); writes never need one.
  const from = opts.alias ? `${name} ${opts.alias}` : name;
  const rows = async (sql: string, params: unknown[]) => (await db.execute<Record<P, unknown>[]>(sql, params)).map(toRow);
  const given = (values: Values<P>): P[] => (Object.keys(values) as P[]).filter((p) => values[p] !== undefined);

  return {
    /** `where` and `tail` are the store's own SQL text; values go in `params`. */
    select: (where: string, params: unknown[], tail = ''): Promise<R[]> => rows(`SELECT ${all} FROM ${from} WHERE ${where} ${tail}`, params),

    /** One statement for any number of rows (a multi-row VALUES list); an `id` column gets a fresh UUID when not given. */
    async insert(values: readonly Values<P>[]): Promise<R[]> {
      if (!values.length) return [];
      const withId: Values<P>[] = has('id') ? values.map((v) => ({ id: randomUUID(), ...v })) : [...values];
      const props = given(withId[0]);
      const tuples = withId.map(() => `(${placeholders(props)})`).join(', ');
      return rows(`INSERT INTO ${name} (${table.cols(props)}) VALUES ${tuples} RETURNING ${all}`, withId.flatMap((v) => props.map((p) => v[p])));
    },

    /** The row by its key, locked until the caller's transaction ends; null when there is none. */
    async forUpdate(id: string): Promise<R | null> {
      return (await rows(`SELECT ${all} FROM ${name} WHERE ${key} = ? FOR UPDATE`, [id]))[0] ?? null;
    },

    /** Writes only the given columns (nothing when none), moving `updated_at` with them when the table has one. */
    async update(id: string, values: Values<P>): Promise<R> {
      const props = given(values);
      if (!props.length) return (await rows(`SELECT ${all} FROM ${name} WHERE ${key} = ?`, [id]))[0];
      const touch = table.columns.includes('updated_at') && !props.some((p) => c[p] === 'updated_at') ? ', updated_at = now()' : '';
      return (await rows(`UPDATE ${name} SET ${props.map((p) => `${c[p]} = ?`).join(', ')}${touch} WHERE ${key} = ? RETURNING ${all}`, [...props.map((p) => values[p]), id]))[0];
    },

    /** Deletes the row and returns it as it was, or null when it is already gone. */
    async remove(id: string): Promise<R | null> {
      return (await rows(`DELETE FROM ${name} WHERE ${key} = ? RETURNING ${all}`, [id]))[0] ?? null;
    },

    async count(where: string, params: unknown[]): Promise<number> {
      const [{ n }] = await db.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params);
      return Number(n);
    },

    /** The keys among `ids` that already exist (a seed inserts only missing rows). */
    async existing(ids: readonly string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      return new Set((await db.execute<{ id: string }[]>(`SELECT ${key} AS id FROM ${name} WHERE ${key} IN (?)`, [[...ids]])).map((r) => r.id));
    },
  };
}
