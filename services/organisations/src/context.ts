import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit';
import { createLoaders, type Loaders } from './loaders';

/** Per request: the verified actor, ONE EntityManager fork, and fresh DataLoaders (house style 3, 4). */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
}

export function createContext(actor: Actor | null, em: EntityManager): Context {
  return { actor, em, loaders: createLoaders(em) };
}
