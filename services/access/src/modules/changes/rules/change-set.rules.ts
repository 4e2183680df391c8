import { createHash } from 'node:crypto';
import { ValidationError } from '@behorig/kit/errors';
import { ConflictRuleError } from '../../rule-errors';
import type { RolesByCode } from '../../roles/rules/role-catalogue.data';

/**
 * Changes to sign ("Användare att signera", R-SIGN-1), the digest a receipt binds (R-SIGN-3), the
 * text shown in the BankID app (R-SIGN-2) and the change-set life cycle (R-SIGN-4).
 */

export type ChangeKind = 'NEW' | 'CHANGED' | 'REMOVED';

export interface PendingChangeData {
  id: string;
  kind: ChangeKind;
  personId: string;
  roleCodes: readonly string[];
  unitIds: readonly string[];
  schoolFormCodes?: readonly string[] | null;
  validFrom: string;
  validTo: string | null;
  /** Any further fields (e-mail, names, personal number …) take part in the digest too. */
  [field: string]: unknown;
}

/** Array fields whose order means nothing: sorted before serialising, wherever they occur. */
export const UNORDERED_FIELDS: ReadonlySet<string> = new Set(['roleCodes', 'unitIds', 'schoolFormCodes', 'addressIds']);

function canonicalValue(value: unknown, key: string | null): unknown {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'string':
      return value.normalize('NFC');
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot serialise the number ${value}${key ? ` in ${key}` : ''}`);
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const items = value.map((v) => (v === undefined ? null : canonicalValue(v, null)));
        if (key !== null && UNORDERED_FIELDS.has(key)) {
          return items
            .map((v) => ({ v, s: JSON.stringify(v) }))
            .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0))
            .map((x) => x.v);
        }
        return items;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`cannot serialise a ${(value as object).constructor?.name ?? 'non-plain object'}${key ? ` in ${key}` : ''}`);
      }
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value as object).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = canonicalValue(v, k);
      }
      return out;
    }
    default:
      throw new TypeError(`cannot serialise a ${typeof value}${key ? ` in ${key}` : ''}`);
  }
}

/**
 * Canonical JSON: object keys sorted (recursively), `undefined` fields dropped, strings in Unicode
 * NFC, arrays kept in order except the UNORDERED_FIELDS, which are sorted. No whitespace.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value, null));
}

/**
 * R-SIGN-3: the canonical serialisation of a change set: changes ordered by id (ids must be unique),
 * each canonical as above. `scope` (e.g. the organisation and change-set ids) is bound in when given.
 */
export function canonicalChangeSet(changes: readonly PendingChangeData[], scope?: Readonly<Record<string, string>>): string {
  const ids = new Set<string>();
  for (const c of changes) {
    if (ids.has(c.id)) throw new TypeError(`duplicate change id ${c.id}`);
    ids.add(c.id);
  }
  const ordered = [...changes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson(scope ? { changes: ordered, scope } : { changes: ordered });
}

/** R-SIGN-3, R-SIGN-4: lowercase hex SHA-256 of the canonical serialisation; any edit changes it. */
export function changeSetDigest(changes: readonly PendingChangeData[], scope?: Readonly<Record<string, string>>): string {
  return createHash('sha256').update(canonicalChangeSet(changes, scope), 'utf8').digest('hex');
}

/**
 * R-SIGN-6: the most the signing text may hold, in UTF-8 bytes. BankID takes at most 40,000
 * characters of base64 (30,000 bytes); the margin keeps the whole list visible and readable.
 */
export const MAX_SIGNING_TEXT_BYTES = 20_000;

/** R-SIGN-6: a set whose text would not fit is refused, never cut: the signer sees every change signed. */
export function assertSigningTextFits(text: string): void {
  if (new TextEncoder().encode(text).length > MAX_SIGNING_TEXT_BYTES) {
    throw new ValidationError('organisationId', `Too many changes to show in one BankID signing (more than ${MAX_SIGNING_TEXT_BYTES} bytes of text); discard some, sign, then propose them again.`, 'SIGNING_TEXT_TOO_LONG');
  }
}

/**
 * R-SIGN-6, defence in depth: names are validated when they are entered (kit person-name), and the
 * template still shows any stored value on one line with nothing the signing app could read as
 * markup or layout — line breaks, control, format and text-direction characters become a space,
 * markup characters are dropped, runs of spaces collapse.
 */
export function plainField(value: string): string {
  return value.normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u0085]/gu, ' ')
    .replace(/[*~`#<>[\]|\\]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const KIND_LABEL: Record<ChangeKind, string> = { NEW: 'Ny användare', CHANGED: 'Ändrad användare', REMOVED: 'Borttagen användare' };
const KIND_ORDER: Record<ChangeKind, number> = { NEW: 0, CHANGED: 1, REMOVED: 2 };

export interface SigningTextOptions {
  /** When given, each line ends with the units by name ("enhet: Dorotea UBK"). */
  unitNames?: ReadonlyMap<string, string>;
}

/**
 * R-SIGN-2, R-SIGN-6: the Swedish text shown in the BankID app, built from one fixed template,
 * exactly one line per change, e.g.
 * "Ny användare: Andrea Sandin, Tjänsteadministratör, 2026-11-23 – 2027-12-31"
 * ("– tills vidare" without end date; "Ändrad användare: …"; "Borttagen användare: Name[, roles]").
 * Roles appear by Swedish name in the order of `rolesByCode` (unknown codes last, as codes); lines
 * are ordered new, changed, removed, then by name, so the text does not depend on input order.
 * A person missing from `personNames` is shown by id.
 */
export function signingText(
  changes: readonly PendingChangeData[],
  rolesByCode: RolesByCode,
  personNames: ReadonlyMap<string, string>,
  options: SigningTextOptions = {},
): string {
  const roleOrder = new Map([...rolesByCode.keys()].map((code, i) => [code, i]));
  const nameOf = (c: PendingChangeData) => plainField(personNames.get(c.personId) ?? c.personId);
  const lines = [...changes]
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        nameOf(a).localeCompare(nameOf(b), 'sv') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((c) => {
      const periods = c.rolePeriods as Readonly<Record<string, { validFrom: string; validTo: string | null }>> | undefined;
      const roles = [...new Set(c.roleCodes)]
        .sort((x, y) => (roleOrder.get(x) ?? Infinity) - (roleOrder.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0))
        .map((code) => {
          // R-REV-1: a reviewed change shows every role with its own period.
          const period = periods?.[code];
          const name = plainField(rolesByCode.get(code)?.name ?? code);
          return period && c.kind !== 'REMOVED' ? `${name} ${period.validFrom} – ${period.validTo ?? 'tills vidare'}` : name;
        });
      const parts = [nameOf(c), ...roles];
      if (c.kind !== 'REMOVED' && !periods) parts.push(`${c.validFrom} – ${c.validTo ?? 'tills vidare'}`);
      if (options.unitNames && c.unitIds.length > 0) {
        const units = [...new Set(c.unitIds)].map((id) => plainField(options.unitNames?.get(id) ?? id)).sort((x, y) => x.localeCompare(y, 'sv'));
        parts.push(`${units.length === 1 ? 'enhet' : 'enheter'}: ${units.join(', ')}`);
      }
      return `${KIND_LABEL[c.kind]}: ${parts.join(', ')}`;
    });
  return lines.join('\n');
}

// ── The change set's life cycle (R-SIGN-1, R-SIGN-4) ───────────────────────────────

export type ChangeSetStatus = 'DRAFT' | 'SIGNING' | 'APPLIED' | 'CANCELLED';

export type ChangeSetEvent =
  /** A change is added, edited or discarded. */
  | 'EDIT'
  | 'START_SIGNING'
  /** The BankID order failed, was cancelled or expired. */
  | 'SIGNING_FAILED'
  /** The signature completed and the set (with the signed digest) is applied. */
  | 'SIGNED'
  | 'CANCEL';

const CHANGE_SET_TRANSITIONS: Record<ChangeSetStatus, Partial<Record<ChangeSetEvent, ChangeSetStatus>>> = {
  DRAFT: { EDIT: 'DRAFT', START_SIGNING: 'SIGNING', CANCEL: 'CANCELLED' },
  // R-SIGN-4: editing while signing invalidates that signing: back to DRAFT.
  SIGNING: { EDIT: 'DRAFT', SIGNING_FAILED: 'DRAFT', SIGNED: 'APPLIED', CANCEL: 'CANCELLED' },
  APPLIED: {},
  CANCELLED: {},
};

/**
 * R-SIGN-1 / R-SIGN-4: DRAFT (editable) → SIGNING → APPLIED, exactly once. An edit during SIGNING
 * returns the set to DRAFT (the started signing no longer matches). APPLIED and CANCELLED are final:
 * any event there is a ConflictRuleError('R-SIGN-4').
 */
export function nextChangeSetStatus(current: ChangeSetStatus, event: ChangeSetEvent): ChangeSetStatus {
  const next = CHANGE_SET_TRANSITIONS[current]?.[event];
  if (!next) {
    throw new ConflictRuleError(
      current === 'APPLIED' ? 'R-SIGN-4' : 'R-SIGN-1',
      current === 'APPLIED'
        ? 'These changes have already been signed and applied; they are applied only once.'
        : `A change set in status ${current} cannot take the event ${event}.`,
      current === 'APPLIED' ? 'ALREADY_APPLIED' : 'NOT_A_DRAFT',
    );
  }
  return next;
}

/** R-SIGN-1: signing needs an open draft with at least one change. */
export function assertSignable(status: ChangeSetStatus, changeCount: number): void {
  if (status !== 'DRAFT') throw new ConflictRuleError('R-SIGN-1', `Only a draft can be signed; this change set is ${status}.`, 'NOT_A_DRAFT');
  if (changeCount === 0) throw new ValidationError('organisationId', 'There are no changes to sign.', 'NOTHING_TO_SIGN');
}

/**
 * R-SIGN-4: a completed signature applies the set only if the set is still SIGNING (not applied
 * already) and its changes still have the digest that was signed.
 */
export function assertCanApply(status: ChangeSetStatus, signedDigest: string, currentDigest: string): void {
  if (status === 'APPLIED') throw new ConflictRuleError('R-SIGN-4', 'These changes have already been applied; they are applied only once.', 'ALREADY_APPLIED');
  if (status !== 'SIGNING') throw new ConflictRuleError('R-SIGN-4', `The change set is ${status}, not being signed.`, 'NOT_BEING_SIGNED');
  if (signedDigest !== currentDigest) {
    throw new ConflictRuleError('R-SIGN-4', 'The changes were edited after signing started; the signature does not cover them. Sign again.', 'SIGNATURE_OUTDATED');
  }
}
