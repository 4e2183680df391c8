import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit';
import { createLoaders, type Loaders } from './loaders';
import { bindPermissions, type PermissionSource, type Permissions } from './permissions';

/** Per request: the verified actor, ONE EntityManager fork, fresh DataLoaders and permission answers. */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  permissions: Permissions;
}

export function createContext(actor: Actor | null, em: EntityManager, source: PermissionSource, authorization?: string): Context {
  return { actor, em, loaders: createLoaders(em), permissions: bindPermissions(actor, source, authorization) };
}
