import { randomUUID } from 'node:crypto';
import { columnList, type Db, type RawRow } from './db';

type Values<C extends readonly string[]> = Partial<Record<C[number], unknown>>;

/**
 * The statements every table of this schema shares, built from the columns a store declared
 * (so the schema-agreement test covers them): select, insert, update, delete by id, and which
 * ids exist. Each feature's store maps the rows to its typed row objects with `toRow`.
 */
export function tableOf<C extends readonly string[], R>(db: Db, table: string, columns: C, toRow: (r: RawRow<C>) => R, opts: { key?: C[number]; alias?: string } = {}) {
  const all = columnList(columns);
  const name = `organisations.${table}`;
  const key = opts.key ?? 'id';
  // Reads may name the table by an alias (a store's expressions say `o.name`); writes never need one.
  const from = opts.alias ? `${name} ${opts.alias}` : name;
  const rows = async (sql: string, params: unknown[]) => (await db.execute<RawRow<C>[]>(sql, params)).map(toRow);

  return {
    /** `where` and `tail` are the store's own SQL text; values go in `params`. */
    select: (where: string, params: unknown[], tail = ''): Promise<R[]> => rows(`SELECT ${all} FROM ${from} WHERE ${where} ${tail}`, params),

    /** One statement for any number of rows (a multi-row VALUES list); an `id` column gets a fresh UUID when not given. */
    async insert(values: readonly Values<C>[]): Promise<R[]> {
      if (!values.length) return [];
      const withId: Values<C>[] = (columns as readonly string[]).includes('id') ? values.map((v) => ({ id: randomUUID(), ...v })) : [...values];
      const names = (Object.keys(withId[0]) as C[number][]).filter((n) => withId[0][n] !== undefined);
      const placeholders = withId.map(() => `(${names.map(() => '?').join(', ')})`).join(', ');
      return rows(`INSERT INTO ${name} (${names.join(', ')}) VALUES ${placeholders} RETURNING ${all}`, withId.flatMap((v) => names.map((n) => v[n])));
    },

    /** The row by its key, locked until the caller's transaction ends; null when there is none. */
    async forUpdate(id: string): Promise<R | null> {
      return (await rows(`SELECT ${all} FROM ${name} WHERE ${key} = ? FOR UPDATE`, [id]))[0] ?? null;
    },

    /** Writes only the given columns (nothing when none), moving `updated_at` with them when the table has one. */
    async update(id: string, values: Values<C>): Promise<R> {
      const names = (Object.keys(values) as C[number][]).filter((n) => values[n] !== undefined);
      if (!names.length) return (await rows(`SELECT ${all} FROM ${name} WHERE ${key} = ?`, [id]))[0];
      const touch = (columns as readonly string[]).includes('updated_at') && !names.includes('updated_at') ? ', updated_at = now()' : '';
      return (await rows(`UPDATE ${name} SET ${names.map((n) => `${n} = ?`).join(', ')}${touch} WHERE ${key} = ? RETURNING ${all}`, [...names.map((n) => values[n]), id]))[0];
    },

    /** Deletes the row and returns it as it was, or null when it is already gone. */
    async remove(id: string): Promise<R | null> {
      return (await rows(`DELETE FROM ${name} WHERE ${key} = ? RETURNING ${all}`, [id]))[0] ?? null;
    },

    async count(where: string, params: unknown[]): Promise<number> {
      const [{ n }] = await db.execute<{ n: string }[]>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params);
      return Number(n);
    },

    /** The ids among `ids` that already exist (the demo seed inserts only missing rows). */
    async existing(ids: readonly string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      return new Set((await db.execute<{ id: string }[]>(`SELECT ${key} AS id FROM ${name} WHERE ${key} IN (?)`, [[...ids]])).map((r) => r.id));
    },
  };
}
