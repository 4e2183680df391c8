import { isAuthority, type Actor } from '@behorig/kit';
import type { Context } from './context';
import type { PersonRow } from './entities/person.entity';
import { organisationsViewerAdministers } from './scopes';

/**
 * Who may read a person's full personal identity number (R-USR-1): the person
 * themselves, the authority, and whoever may MANAGE that person — MANAGE_USERS UPDATE in one of
 * the organisations the person belongs to (a partner client by its token's MANAGE_USERS, as for
 * every other MANAGE_USERS check). Readers with MANAGE_USERS READ see the birth date only.
 * Batched: one administered-organisations computation per request, memberships via the loader.
 */
export async function mayReadPersonalNumber(ctx: Context, personId: string): Promise<boolean> {
  if (!ctx.actor) return false;
  if (isAuthority(ctx.actor)) return true;
  const viewer = await ctx.viewer();
  if (viewer?.personId === personId) return true;
  const managed = await organisationsViewerAdministers(ctx, 'UPDATE');
  if (managed === 'ALL') return true;
  if (managed.size === 0) return false;
  const memberships = await ctx.loaders.membershipsByPerson.load(personId);
  return memberships.some((m) => managed.has(m.organisationId));
}

/** The decrypted number for those allowed, else null: the ciphertext is opened only after the check. */
export async function personalNumberFor(ctx: Context, person: Pick<PersonRow, 'id' | 'personalNumberEnc'>): Promise<string | null> {
  return (await mayReadPersonalNumber(ctx, person.id)) ? ctx.deps.vault.open(person.personalNumberEnc) : null;
}

/**
 * The actor as audit events name it (kit actorLabel): a person by their id. Tokens carry the id
 * (never a personal number), so only authority staff without a person row are named by role.
 */
export function auditActor(ctx: Context): Promise<Actor | null> {
  return Promise.resolve(ctx.actor);
}
