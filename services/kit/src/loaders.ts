import DataLoader from 'dataloader';

/**
 * A per-request loader keyed by id that issues ONE query per batch and returns results in key
 * order (null where missing), as DataLoader requires.
 */
export function byIdLoader<T, K extends string = string>(fetch: (ids: readonly K[]) => Promise<T[]>, idOf: (row: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (ids) => {
    const rows = await fetch(ids);
    const map = new Map(rows.map((r) => [idOf(r), r] as const));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Same, for one-to-many children: groups rows by their parent key. */
export function childrenLoader<T, K extends string = string>(fetch: (parentIds: readonly K[]) => Promise<T[]>, parentOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (ids) => {
    const rows = await fetch(ids);
    const map = new Map<K, T[]>();
    for (const r of rows) {
      const k = parentOf(r);
      const list = map.get(k);
      if (list) list.push(r); else map.set(k, [r]);
    }
    return ids.map((id) => map.get(id) ?? []);
  });
}
