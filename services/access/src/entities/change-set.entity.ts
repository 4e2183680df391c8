import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** R-SIGN-1: an organisation's changes to sign; applied exactly once after a completed signature (R-SIGN-4). */
export const ChangeSetEntity = defineEntity({
  name: 'ChangeSet',
  tableName: 'change_set',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    organisationId: p.uuid().index(),
    status: p.enum(['DRAFT', 'SIGNING', 'APPLIED', 'CANCELLED'] as const),
    /** The digest handed to signing when signing started; the receipt must carry exactly this. */
    signingDigest: p.string().nullable(),
    orderRef: p.string().nullable(),
    receiptId: p.string().nullable(),
    signerPersonalNumberHash: p.string().nullable(),
    signerPersonalNumberEnc: p.string().nullable(),
    appliedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type ChangeSetRow = InferEntity<typeof ChangeSetEntity>;

/** One proposed change: the person's complete intended state in the organisation (or their removal). */
export const PendingChangeEntity = defineEntity({
  name: 'PendingChange',
  tableName: 'pending_change',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    changeSetId: p.uuid().index(),
    kind: p.enum(['NEW', 'CHANGED', 'REMOVED'] as const),
    /** Null for a NEW person not yet known here: the person row is created when the set is applied. */
    personId: p.uuid().nullable(),
    /** Sealed (migration 003); `openChanges` gives the number back for the digest and signing text. */
    personalNumberHash: p.string(),
    personalNumberEnc: p.string(),
    givenName: p.string(),
    surname: p.string(),
    birthDate: p.date(),
    email: p.string().nullable(),
    roleCodes: p.json<string[]>(),
    unitIds: p.json<string[]>(),
    schoolFormCodes: p.json<string[]>().nullable(),
    /** The validated level-2 grant per unit (null school forms = all of the unit's). */
    /** Per unit: its school forms (null = all) and offices (absent/null = all, R-USR-2 level two). */
    unitGrants: p.json<{ unitId: string; schoolFormCodes: string[] | null; addressIds?: string[] | null }[]>(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    /** The membership version this change was proposed against (null for NEW people); stale when it moved on. */
    baseVersion: p.integer().nullable(),
    /** R-REV-1: each role's own period when an access review made the change (null = every role gets validFrom…validTo). */
    rolePeriods: p.json<Record<string, { validFrom: string; validTo: string | null }>>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type PendingChangeRow = InferEntity<typeof PendingChangeEntity>;
