import { randomUUID } from 'node:crypto';
import type { ServiceSealRequest, ServiceSealResponse } from '@behorig/kit/auth';
import { mintServiceSeal, SERVICE_SEAL_SUBJECT } from '@behorig/kit/receipt';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAfterSigningStarted, auditInstant } from '../audit/audit.service';
import type { SigningDeps } from '../../deps';
import { ordersStore } from './orders.store';

/** How a service seal names its signer in the receipt, the audit log and webhooks. */
export const SERVICE_SEAL_SIGNER_NAME = 'Behörig (myndighetens tjänst)';

export class SealConflictError extends Error {}

/**
 * Service seals (docs/evidence.md): the authority's service signs a change set that access's
 * scheduled job made at a review's deadline (R-REV-1) and that only takes access away (R-SIGN-8),
 * so no person signs it with BankID. Like a BankID signature it becomes a receipt (signed with the
 * service's key, verifiable with the JWKS) and a `changes.signed` audit event whose actor is the
 * authority's service; access applies the set only with this receipt, exactly once.
 *
 * Idempotent: a set is sealed at most once (unique index, migration 012); the same set and digest
 * again answer the same receipt, so a job that runs twice or on two replicas gets one seal.
 */
export async function sealChangeSet(em: EntityManager, deps: Pick<SigningDeps, 'key' | 'now'>, req: ServiceSealRequest): Promise<ServiceSealResponse> {
  return em.transactional(async (tx) => {
    const store = ordersStore(tx);
    // Serialises two replicas sealing the same set; the loser finds the winner's receipt.
    await store.lockSealOf(req.changeSetId);
    const existing = await store.sealOf(req.changeSetId);
    if (existing) {
      if (existing.digest !== req.digest || existing.organisationId !== req.organisationId) throw new SealConflictError('This change set was sealed with another digest.');
      return { receiptId: existing.id, token: existing.token, alreadySealed: true };
    }
    const receiptId = randomUUID();
    const signedAt = auditInstant(new Date(deps.now()));
    const token = await mintServiceSeal(deps.key, {
      receiptId, signerName: SERVICE_SEAL_SIGNER_NAME, organisationId: req.organisationId, changeSetId: req.changeSetId, digest: req.digest, signedAt,
    });
    await store.insertReceipt({
      id: receiptId, orderRef: null, sealedBy: 'authority', signedAt, signerPersonId: null, signerPersonalNumberHash: null,
      signerName: SERVICE_SEAL_SIGNER_NAME, organisationId: req.organisationId, changeSetId: req.changeSetId, digest: req.digest, token,
    });
    // In the chain right after access's `access.changes.signing_started` for this set (R-AUDIT-4), as a BankID signature is.
    await appendAfterSigningStarted(tx, { id: req.changeSetId, digest: req.digest }, {
      organisationId: req.organisationId, at: signedAt, actor: SERVICE_SEAL_SUBJECT, actorPersonId: null,
      action: 'changes.signed', target: `changeSet:${req.changeSetId}`, before: null,
      after: { method: 'SERVICE_SEAL', sealedBy: 'authority', signerName: SERVICE_SEAL_SIGNER_NAME, digest: req.digest, receiptId, reviewId: req.reviewId, changes: req.changes },
      source: 'signing', sourceId: null, receiptId,
    });
    return { receiptId, token, alreadySealed: false };
  });
}
