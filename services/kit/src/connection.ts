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
  let offset = 0;
  if (after) {
    const decoded = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^o:/, ''));
    if (!Number.isInteger(decoded) || decoded < 0) throw badInput('after', 'The cursor is not valid.', 'MALFORMED_CURSOR');
    offset = decoded + 1;
  }
  return { limit, offset };
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
