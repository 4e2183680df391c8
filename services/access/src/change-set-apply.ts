import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { receiptSignedBy, writeOutboxEvent, type Actor, type PersonalNumberVault, type ReceiptClaims, type ReceiptVerifier } from '@behorig/kit';
import { PendingChangeEntity, type PendingChangeRow } from './entities/change-set.entity';
import { holdsFunction, isActiveOn, wouldLeaveNoAdministrator, type AdministratorChange } from './domain';
import { administratorPeriods, lockOrganisation, pgUuidArray } from './access-data';
import { loadCatalogue, type CatalogueRole } from './loaders';
import { digestOf, openChanges, staleChanges } from './staff-changes';
import { refreshPermissionIndex } from './modules/permission-index/permission-index.store';

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
  if (claims.changeSetId !== changeSetId) {
    return { status: 409, body: { error: 'digest_mismatch', message: 'The receipt was issued for another change set.' } };
  }
  const today = deps.today();
  return em.fork().transactional(async (tx): Promise<ApplyResult> => {
    const [set] = await tx.execute<{ id: string; organisation_id: string; status: string; signing_digest: string | null; receipt_id: string | null }[]>(
      `SELECT id, organisation_id, status, signing_digest, receipt_id FROM access.change_set WHERE id = ? FOR UPDATE`, [changeSetId]);
    if (!set) return { status: 404, body: { error: 'not_found', message: 'There is no such change set.' } };
    if (set.status === 'APPLIED' && set.receipt_id === claims.receiptId) return { status: 200, body: { status: 'APPLIED', alreadyApplied: true } };
    if (set.status !== 'SIGNING') return { status: 409, body: { error: 'not_signing', message: `The change set is ${set.status}, not being signed.` } };
    const organisationId = set.organisation_id;
    if (claims.organisationId !== organisationId) return { status: 409, body: { error: 'digest_mismatch', message: 'The receipt names another organisation.' } };
    // R-AGR-3 under concurrency: administrators are read only after taking the organisation lock.
    await lockOrganisation(tx, organisationId);
    const changes = (await tx.find(PendingChangeEntity, { changeSetId }, { orderBy: { createdAt: 'asc', id: 'asc' } })) as PendingChangeRow[];
    const current = digestOf({ id: set.id, organisationId }, openChanges(deps.vault, changes));
    if (claims.digest !== set.signing_digest || current !== set.signing_digest) {
      return { status: 409, body: { error: 'digest_mismatch', message: 'The signed digest does not match the changes (R-SIGN-4).' } };
    }
    // Optimistic locking: a change proposed against a state that has since moved on would overwrite
    // someone else's write. A definite answer: the set returns to DRAFT, nothing is applied.
    // R-SIGN-7, R-AUDIT-4: a definite refusal returns the set to DRAFT (so it can be fixed and
    // signed again) and is an audit event with its reason; nothing of the set is applied.
    const refuse = async <E extends 'signer_not_administrator' | 'no_administrator_left' | 'stale_change'>(error: E, message: string) => {
      await tx.execute(`UPDATE access.change_set SET status = 'DRAFT', signing_digest = NULL, order_ref = NULL WHERE id = ?`, [set.id]);
      await writeOutboxEvent(tx, 'access', {
        actor: { kind: 'service', service: 'access' }, organisationId, action: 'access.changes.apply_refused', target: `change_set:${set.id}`,
        after: { changeSetId: set.id, receiptId: claims.receiptId, digest: claims.digest, reason: error.toUpperCase(), message },
      });
      return { status: error === 'signer_not_administrator' ? 403 : 409, body: { error, message } } as ApplyResult;
    };
    const stale = await staleChanges(tx, organisationId, set.id);
    if (stale.length > 0) {
      return refuse('stale_change', `Someone changed ${stale.map((s) => `${s.given_name} ${s.surname}`).join(', ')} after these changes were proposed; nothing was applied.`);
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
    for (const c of changes) touched.push(...(await applyOne(tx, organisationId, c, actor, { changeSetId: set.id, receiptId: claims.receiptId })));
    // R-SCOPE-4: the permission index follows in the same transaction (and announces the change at COMMIT).
    await refreshPermissionIndex(tx, organisationId, touched);
    await tx.execute(
      `UPDATE access.change_set SET status = 'APPLIED', receipt_id = ?, signer_personal_number_hash = ?, signer_personal_number_enc = ?, applied_at = now() WHERE id = ?`,
      [claims.receiptId, signer.personalNumberHash, signer.personalNumberEnc, set.id],
    );
    await writeOutboxEvent(tx, 'access', {
      actor, organisationId, action: 'access.changes.applied', target: `change_set:${set.id}`,
      after: { changeSetId: set.id, receiptId: claims.receiptId, digest: current, changes: changes.map((c) => ({ id: c.id, kind: c.kind })) },
    });
    return { status: 200, body: { status: 'APPLIED', alreadyApplied: false } };
  });
}

/** The signer, when they hold MANAGE_USERS UPDATE in the organisation today (with their sealed number). */
async function signerIn(tx: EntityManager, personId: string, organisationId: string, today: string, catalogue: ReadonlyMap<string, CatalogueRole>) {
  const rows = await tx.execute<{ person_id: string; personal_number_hash: string; personal_number_enc: string; role_code: string; valid_from: string; valid_to: string | null }[]>(
    `SELECT p.id AS person_id, p.personal_number_hash, p.personal_number_enc, ra.role_code, ra.valid_from::text AS valid_from, ra.valid_to::text AS valid_to
       FROM access.person p JOIN access.membership m ON m.person_id = p.id JOIN access.role_assignment ra ON ra.membership_id = m.id
      WHERE p.id = ? AND m.organisation_id = ?`, [personId, organisationId]);
  const roles = rows.filter((r) => isActiveOn({ validFrom: r.valid_from, validTo: r.valid_to }, today)).map((r) => catalogue.get(r.role_code)).filter((r): r is CatalogueRole => !!r);
  return holdsFunction(roles, 'MANAGE_USERS', 'UPDATE')
    ? { personId: rows[0].person_id, personalNumberHash: rows[0].personal_number_hash, personalNumberEnc: rows[0].personal_number_enc }
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
async function applyOne(tx: EntityManager, organisationId: string, c: PendingChangeRow, actor: Actor, ids: { changeSetId: string; receiptId: string }): Promise<string[]> {
  if (c.kind === 'REMOVED') {
    if (!c.personId) return [];
    await tx.execute(`DELETE FROM access.membership WHERE person_id = ? AND organisation_id = ?`, [c.personId, organisationId]);
    await writeOutboxEvent(tx, 'access', {
      actor, organisationId, action: 'access.staff.removed', target: `person:${c.personId}`,
      before: { roleCodes: c.roleCodes, unitIds: c.unitIds, validFrom: c.validFrom, validTo: c.validTo }, after: { ...ids },
    });
    return [c.personId];
  }
  // R-USR-5: the identity row is written once, by the first registration, and never changed by a
  // proposal (the no-op update only returns its id); the e-mail is this organisation's, on the membership.
  const [person] = await tx.execute<{ id: string }[]>(
    `INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (personal_number_hash) DO UPDATE SET personal_number_hash = access.person.personal_number_hash RETURNING id`,
    [randomUUID(), c.personalNumberHash, c.personalNumberEnc, c.givenName, c.surname, c.birthDate]);
  const [membership] = await tx.execute<{ id: string }[]>(
    `INSERT INTO access.membership (id, person_id, organisation_id, email) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id, organisation_id) DO UPDATE SET version = access.membership.version + 1, email = EXCLUDED.email RETURNING id`,
    [randomUUID(), person.id, organisationId, c.email ?? null]);
  const [before] = await tx.execute<{ roles: unknown; units: unknown }[]>(
    `SELECT (SELECT coalesce(json_agg(json_build_object('roleCode', role_code, 'validFrom', valid_from, 'validTo', valid_to) ORDER BY role_code), '[]') FROM access.role_assignment WHERE membership_id = ?) AS roles,
            (SELECT coalesce(json_agg(json_build_object('unitId', unit_id, 'schoolFormCode', school_form_code, 'validTo', valid_to, 'addressIds', address_ids) ORDER BY unit_id), '[]') FROM access.membership_unit WHERE membership_id = ?) AS units`,
    [membership.id, membership.id]);
  // The change carries the person's whole new state in the organisation: levels 2 and 3 are replaced.
  await tx.execute(`DELETE FROM access.membership_unit WHERE membership_id = ?`, [membership.id]);
  await tx.execute(`DELETE FROM access.role_assignment WHERE membership_id = ?`, [membership.id]);
  for (const u of c.unitGrants) {
    for (const sf of u.schoolFormCodes ?? [null]) {
      await tx.execute(`INSERT INTO access.membership_unit (id, membership_id, unit_id, school_form_code, address_ids) VALUES (?, ?, ?, ?, ?::uuid[])`,
        [randomUUID(), membership.id, u.unitId, sf, pgUuidArray(u.addressIds)]);
    }
  }
  for (const role of c.roleCodes) {
    await tx.execute(`INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)`, [randomUUID(), membership.id, role, c.validFrom, c.validTo]);
  }
  await writeOutboxEvent(tx, 'access', {
    actor, organisationId, action: c.kind === 'NEW' ? 'access.staff.added' : 'access.staff.changed', target: `person:${person.id}`,
    before: c.kind === 'NEW' ? null : before,
    after: { ...ids, roleCodes: c.roleCodes, unitGrants: c.unitGrants, validFrom: c.validFrom, validTo: c.validTo },
  });
  return [person.id];
}

