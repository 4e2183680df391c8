import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit';

/** Per request: the verified actor and ONE EntityManager fork (house style 4). */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
}

export const createContext = (actor: Actor | null, em: EntityManager): Context => ({ actor, em });

/** Entities owned by other subgraphs are known here only by their key. */
export type EntityRef = { id: string };
