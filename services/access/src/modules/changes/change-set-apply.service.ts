import type { EntityManager } from '@mikro-orm/postgresql';
import { receiptSignedBy, type ReceiptClaims, type ReceiptVerifier } from '@behorig/kit/receipt';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import { type Actor } from '@behorig/kit/auth';
import { type PersonalNumberVault } from '@behorig/kit/vault';
import { wouldLeaveNoAdministrator, type AdministratorChange } from '../agreements/rules/last-administrator.rules';
import { digestOf } from './rules/pending-change.rules';
import { loadCatalogue, type CatalogueRole } from '../roles/roles.store';
import { ensurePerson } from '../people/people.store';
import { administratorPeriods, deleteMembership, ensureMembership, levelsSnapshot, lockOrganisation, replaceLevels, rolesInOrganisation } from '../memberships/memberships.store';
import { changesOf, lockSetForApply, markApplied, returnToDraft, staleChanges, type PendingChangeRow } from './changes.store';
import { openChanges } from './changes.service';
import { signerMayApply } from '../../policy/access.policy';
import { refreshPermissionIndex } from '../permission-index/permission-index.store';

/**
 * Applies a signed change set (R-SIGN-3, R-SIGN-4), called by the signing service through
 * `POST /internal/change-sets/:id/apply` when a sign order completes. The receipt is verified here,
 * not trusted: it must name this set with the digest frozen when signing started, and its signer must
 * hold MANAGE_USERS UPDATE in the organisation today. Every change and its audit event are written in
 * ONE transaction; a repeat with the same receipt answers alreadyApplied (exactly once).
 */
export type ApplyResult =
  | { status: 200; body: { status: 'APPLIED'; alreadyApplied: boolean } }
  | { status: 400; body: { error: 'invalid_receipt'; message: string } }
  | { status: 404; body: { error: 'not_found'; message: string } }
  | { status: 403; body: { error: 'signer_not_administrator'; message: string } }
  | { status: 409; body: { error: 'digest_mismatch' | 'not_signing' | 'no_administrator_left' | 'stale_change'; message: string } };

export interface ApplyDeps {
  verifyReceipt: ReceiptVerifier;
  today: () => string;
  vault: PersonalNumberVault;
}

export async function applyChangeSet(em: EntityManager, deps: ApplyDeps, changeSetId: string, receipt: string): Promise<ApplyResult> {
  let claims: ReceiptClaims;
  try {
    claims = await deps.verifyReceipt(receipt);
  } catch (e) {
    return { status: 400, body: { error: 'invalid_receipt', message: `The receipt is not valid: ${(e as Error).message}` } };
  }
  // A service seal (docs/evidence.md) applies only the set a review's deadline made, never an administrator's proposals.
  if (claims.sealedBy) return { status: 400, body: { error: 'invalid_receipt', message: 'A service seal cannot apply proposed changes; they need a BankID signature (R-SIGN-8).' } };
  if (claims.changeSetId !== changeSetId) {
    return { status: 409, body: { error: 'digest_mismatch', message: 'The receipt was issued for another change set.' } };
  }
  const today = deps.today();
  return em.fork().transactional(async (tx): Promise<ApplyResult> => {
    const set = await lockSetForApply(tx, changeSetId);
    if (!set) return { status: 404, body: { error: 'not_found', message: 'There is no such change set.' } };
    if (set.status === 'APPLIED' && set.receiptId === claims.receiptId) return { status: 200, body: { status: 'APPLIED', alreadyApplied: true } };
    if (set.status !== 'SIGNING') return { status: 409, body: { error: 'not_signing', message: `The change set is ${set.status}, not being signed.` } };
    const organisationId = set.organisationId;
    if (claims.organisationId !== organisationId) return { status: 409, body: { error: 'digest_mismatch', message: 'The receipt names another organisation.' } };
    // R-AGR-3 under concurrency: administrators are read only after taking the organisation lock.
    await lockOrganisation(tx, organisationId);
    const changes = await changesOf(tx, changeSetId);
    const current = digestOf({ id: set.id, organisationId }, openChanges(deps.vault, changes));
    if (claims.digest !== set.signingDigest || current !== set.signingDigest) {
      return { status: 409, body: { error: 'digest_mismatch', message: 'The signed digest does not match the changes (R-SIGN-4).' } };
    }
    // Optimistic locking: a change proposed against a state that has since moved on would overwrite
    // someone else's write. A definite answer: the set returns to DRAFT, nothing is applied.
    // R-SIGN-7, R-AUDIT-4: a definite refusal returns the set to DRAFT (so it can be fixed and
    // signed again) and is an audit event with its reason; nothing of the set is applied.
    const refuse = async <E extends 'signer_not_administrator' | 'no_administrator_left' | 'stale_change'>(error: E, message: string) => {
      await returnToDraft(tx, set.id);
      await writeOutboxEvent(tx, 'access', {
        actor: { kind: 'service', service: 'access' }, organisationId, action: 'access.changes.apply_refused', target: `change_set:${set.id}`,
        after: { changeSetId: set.id, receiptId: claims.receiptId, digest: claims.digest, reason: error.toUpperCase(), message },
      });
      return { status: error === 'signer_not_administrator' ? 403 : 409, body: { error, message } } as ApplyResult;
    };
    const stale = await staleChanges(tx, organisationId, set.id);
    if (stale.length > 0) {
      return refuse('stale_change', `Someone changed ${stale.map((s) => `${s.givenName} ${s.surname}`).join(', ')} after these changes were proposed; nothing was applied.`);
    }
    const catalogue = await loadCatalogue(tx);
    // The receipt names the signer by person id and a salted hash of their number (never the
    // number): the person's own sealed number must match the hash BankID's signer produced.
    const signer = claims.signerPersonId ? await signerIn(tx, claims.signerPersonId, organisationId, today, catalogue) : null;
    const signerNumber = signer ? deps.vault.open(signer.personalNumberEnc) : null;
    if (!signer || !signerNumber || !receiptSignedBy(claims, signerNumber)) return refuse('signer_not_administrator', 'The signer may not manage users in this organisation (R-ROLE-3).');

    const admins = await administratorPeriods(tx, organisationId);
    const adminChanges = changes.flatMap((c) => administratorEffect(c, catalogue, admins.some((a) => a.personId === c.personId)));
    if (adminChanges.length > 0 && wouldLeaveNoAdministrator(admins, adminChanges, today)) {
      // A definite answer (signing stops retrying): the set returns to DRAFT for the administrators to fix.
      return refuse('no_administrator_left', 'Applying these changes would leave the organisation without a permission administrator (R-AGR-3).');
    }

    const actor: Actor = { kind: 'person', personId: signer.personId, authority: false };
    const touched: string[] = [];
    for (const c of changes) touched.push(...(await applyOne(tx, organisationId, c, actor, { changeSetId: set.id, receiptId: claims.receiptId }, today)));
    // R-SCOPE-4: the permission index follows in the same transaction (and announces the change at COMMIT).
    await refreshPermissionIndex(tx, organisationId, touched);
    await markApplied(tx, set.id, claims.receiptId, signer);
    await writeOutboxEvent(tx, 'access', {
      actor, organisationId, action: 'access.changes.applied', target: `change_set:${set.id}`,
      after: { changeSetId: set.id, receiptId: claims.receiptId, digest: current, changes: changes.map((c) => ({ id: c.id, kind: c.kind })) },
    });
    return { status: 200, body: { status: 'APPLIED', alreadyApplied: false } };
  });
}

/** The signer with their sealed number, when the policy lets them apply the organisation's changes today (R-ROLE-3). */
async function signerIn(tx: EntityManager, personId: string, organisationId: string, today: string, catalogue: ReadonlyMap<string, CatalogueRole>) {
  const rows = await rolesInOrganisation(tx, personId, organisationId);
  return signerMayApply(rows, catalogue, today)
    ? { personId: rows[0].personId, personalNumberHash: rows[0].personalNumberHash, personalNumberEnc: rows[0].personalNumberEnc }
    : null;
}

/** How one change affects the permission administrators (R-AGR-3). */
function administratorEffect(c: PendingChangeRow, catalogue: ReadonlyMap<string, CatalogueRole>, wasAdmin: boolean): AdministratorChange[] {
  const personId = c.personId ?? `new:${c.personalNumberHash}`;
  const out: AdministratorChange[] = [];
  if (wasAdmin && c.kind !== 'NEW') out.push({ kind: 'REMOVE', personId });
  if (c.kind !== 'REMOVED' && c.roleCodes.some((r) => catalogue.get(r)?.isPermissionAdmin)) out.push({ kind: 'ADD', personId, validFrom: c.validFrom, validTo: c.validTo ?? null });
  return out;
}

/** Applies one change; returns the people whose access it changed. */
async function applyOne(tx: EntityManager, organisationId: string, c: PendingChangeRow, actor: Actor, ids: { changeSetId: string; receiptId: string }, today: string): Promise<string[]> {
  if (c.kind === 'REMOVED') {
    if (!c.personId) return [];
    await deleteMembership(tx, c.personId, organisationId);
    await writeOutboxEvent(tx, 'access', {
      actor, organisationId, action: 'access.staff.removed', target: `person:${c.personId}`,
      before: { roleCodes: c.roleCodes, unitIds: c.unitIds, validFrom: c.validFrom, validTo: c.validTo }, after: { ...ids, person: { givenName: c.givenName, surname: c.surname } },
    });
    return [c.personId];
  }
  // R-USR-5: the identity row is written once, by the first registration, and never changed by a
  // proposal; the e-mail is this organisation's, on the membership.
  const personId = await ensurePerson(tx, { personalNumberHash: c.personalNumberHash, personalNumberEnc: c.personalNumberEnc, givenName: c.givenName, surname: c.surname, birthDate: c.birthDate });
  const membershipId = await ensureMembership(tx, personId, organisationId, c.email ?? null, 'replace');
  const before = await levelsSnapshot(tx, membershipId);
  // The change carries the person's whole new state in the organisation: levels 2 and 3 are replaced.
  await replaceLevels(tx, membershipId, { unitGrants: c.unitGrants, roleCodes: c.roleCodes, validFrom: c.validFrom, validTo: c.validTo, rolePeriods: c.rolePeriods }, today);
  await writeOutboxEvent(tx, 'access', {
    actor, organisationId, action: c.kind === 'NEW' ? 'access.staff.added' : 'access.staff.changed', target: `person:${personId}`,
    before: c.kind === 'NEW' ? null : before,
    // R-HOOK-1: the name travels with the change, so a partner's payload names the person (never by number).
    after: { ...ids, person: { givenName: c.givenName, surname: c.surname }, roleCodes: c.roleCodes, unitGrants: c.unitGrants, validFrom: c.validFrom, validTo: c.validTo, ...(c.rolePeriods ? { rolePeriods: c.rolePeriods } : {}) },
  });
  return [personId];
}
