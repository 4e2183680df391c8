import { badInput } from './errors';

/**
 * Relay-style cursor pagination helpers (docs/api.md conventions). Cursors are opaque base64url
 * of an offset; `first` is clamped so one request cannot ask for the whole table.
 */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export function pageArgs(first: number | null | undefined, after: string | null | undefined): { limit: number; offset: number } {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) throw badInput('first', `first must be between 0 and ${MAX_PAGE}.`, 'PAGE_SIZE_OUT_OF_RANGE');
  const offset = after ? decodeCursor(after) + 1 : 0;
  return { limit, offset };
}

/** Offsets a cursor can carry: far beyond any real list, well inside what PostgreSQL's OFFSET takes. */
const MAX_CURSOR_OFFSET = 999_999_999;

/**
 * The offset in a cursor this server made (`offsetCursor`), or BAD_USER_INPUT `MALFORMED_CURSOR`
 * naming `field`. Strict: the text must re-encode to exactly the cursor given, so a crafted
 * "o:1e300", "o:-1" or "o:0x10" never reaches SQL.
 */
export function decodeCursor(after: string, field = 'after'): number {
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const m = /^o:(0|[1-9]\d{0,8})$/.exec(text);
  const offset = m ? Number(m[1]) : NaN;
  if (!m || offset > MAX_CURSOR_OFFSET || offsetCursor(offset) !== after) {
    throw badInput(field, 'The cursor is not valid: pass an endCursor exactly as the server gave it.', 'MALFORMED_CURSOR');
  }
  return offset;
}

export const offsetCursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

export function connection<T>(rows: T[], offset: number, limit: number, totalCount: number) {
  const edges = rows.slice(0, limit).map((node, i) => ({ cursor: offsetCursor(offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: offset + edges.length < totalCount, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** A user's search text as a literal inside LIKE/ILIKE patterns (`%`, `_` and `\\` escaped). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
