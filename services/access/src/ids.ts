/**
 * Whether an id can name a row at all. An id that is not a UUID names no one; passed on, the uuid
 * column rejects it as an internal error (found by the gateway's hostile-input suite), so the
 * mutations that take person ids answer as for an unknown id instead.
 */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
