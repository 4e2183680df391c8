import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@behorig/kit';
import { createLoaders, type Loaders } from './loaders';
import { PersonEntity } from './entities/person.entity';
import { MembershipEntity } from './entities/membership.entity';

export interface Viewer {
  actor: Actor;
  /** The signed-in person's row id, when the actor is a person known here. */
  personId: string | null;
  /** Organisations the viewer is a member of (any period). */
  organisationIds: Set<string>;
}

/** Per request: the verified actor, ONE EntityManager fork, fresh DataLoaders (house style 3, 4). */
export interface Context {
  actor: Actor | null;
  em: EntityManager;
  loaders: Loaders;
  /** Resolved once per request, on first use. */
  viewer: () => Promise<Viewer | null>;
}

export function createContext(actor: Actor | null, em: EntityManager): Context {
  let viewer: Promise<Viewer | null> | undefined;
  return {
    actor,
    em,
    loaders: createLoaders(em),
    viewer: () =>
      (viewer ??= (async () => {
        if (!actor) return null;
        if (actor.kind !== 'person') return { actor, personId: null, organisationIds: new Set(actor.kind === 'client' ? [actor.organisationId] : []) };
        const person = await em.findOne(PersonEntity, { personalNumber: actor.personalNumber });
        if (!person) return { actor, personId: null, organisationIds: new Set() };
        const memberships = await em.find(MembershipEntity, { personId: person.id });
        return { actor, personId: person.id, organisationIds: new Set(memberships.map((m) => m.organisationId)) };
      })()),
  };
}
