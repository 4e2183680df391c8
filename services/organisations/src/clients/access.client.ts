import { createHttpPermissionSource, type PermissionSource } from '@behorig/kit/permissions';

export type { PermissionSource };

/**
 * The access subgraph, asked "may this caller do F at level A in organisation O?" (`myAccess`,
 * R-ROLE-2) with the caller's own Authorization header. kit's PermissionSource is the one client
 * shared with signing; no answer is SERVICE_UNAVAILABLE, never a silent yes or no.
 */
export const createAccessClient = (accessUrl: string): PermissionSource => createHttpPermissionSource({ accessUrl });
