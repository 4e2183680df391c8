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
 * The actor as audit events name it (kit actorLabel): a person by their id here. Kit labels a
 * person without an id as `pnr:<number>`, which would put the number at rest in the outbox and
 * the audit log; development tokens carry only the number, so the id is resolved first, and
 * someone not known here (authority staff without a person row) is named by a prefix of the
 * keyed hash instead — pseudonymous, and this service can still tell who it was.
 */
export async function auditActor(ctx: Context): Promise<Actor | null> {
  const actor = ctx.actor;
  if (actor?.kind !== 'person' || actor.personId) return actor;
  const viewer = await ctx.viewer();
  if (viewer?.personId) return { ...actor, personId: viewer.personId };
  return { ...actor, personalNumber: `hmac:${ctx.deps.vault.hash(actor.personalNumber).slice(0, 16)}` };
}
