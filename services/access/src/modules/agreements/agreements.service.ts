import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound } from '@behorig/kit/errors';
import { parsePersonalNumber, parsePersonName } from '@behorig/kit/identity';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import type { Context } from '../../context';
import { activateBy, effectiveAgreementStatus, nextAgreementStatus, type AgreementStatus } from './rules/last-administrator.rules';
import { STARTING_ADMINISTRATOR_ROLE } from '../roles/rules/role-catalogue.data';
import { administratorPeriods, ensureMembership, grantOpenEndedRole, lockOrganisation } from '../memberships/memberships.store';
import { ensurePerson } from '../people/people.store';
import { findAgreement, findAgreementOfOrganisation, insertAgreement, markActivated, replaceAgreement, type AgreementRow } from './agreements.store';
import { auditActor, requireAuthority } from '../../policy/access.policy';
import { refreshPermissionIndex } from '../permission-index/permission-index.store';
import { findOrganisationNames } from '../unit-facts/unit-facts.store';

/** R-AGR-1…3: the authority registers and activates each organisation's access agreement. */

export interface RegisterArgs {
  organisationId: string;
  receivedOn?: string | null;
  administrator: { personalNumber: string; givenName: string; surname: string; email?: string | null };
}

export async function registerAgreement(ctx: Context, input: RegisterArgs): Promise<AgreementRow> {
  requireAuthority(ctx);
  const pnr = parsePersonalNumber(input.administrator.personalNumber, 'input.administrator.personalNumber', ctx.today);
  // R-SIGN-6: the administrator's names are plain names like any other person's.
  const givenName = parsePersonName(input.administrator.givenName, 'input.administrator.givenName', 'The given name');
  const surname = parsePersonName(input.administrator.surname, 'input.administrator.surname', 'The surname');
  const receivedOn = input.receivedOn ?? ctx.today;
  if (receivedOn > ctx.today) throw badInput('input.receivedOn', 'An agreement cannot be received in the future.', 'AGREEMENT_RECEIVED_IN_FUTURE');
  const deadline = activateBy(receivedOn, 'input.receivedOn');
  const names = await findOrganisationNames(ctx.em, [input.organisationId]);
  if (!names.has(input.organisationId)) throw badInput('input.organisationId', 'There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  return ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const existing = await findAgreementOfOrganisation(tx, input.organisationId);
    const sealed = ctx.deps.vault.seal(pnr.canonical);
    const fields = { receivedOn, activateBy: deadline, adminPersonalNumberHash: sealed.hash, adminPersonalNumberEnc: sealed.ciphertext, adminGivenName: givenName, adminSurname: surname, adminEmail: input.administrator.email?.trim() || null };
    let row: AgreementRow;
    let before: unknown = null;
    if (existing) {
      const current = effectiveAgreementStatus(existing.status, await administratorPeriods(tx, input.organisationId), ctx.today);
      if (current === 'ACTIVE') throw conflict('The organisation already has an active agreement (R-AGR-1); one suffices.', 'AGREEMENT_ALREADY_ACTIVE');
      before = { status: current, administrator: existing.adminGivenName + ' ' + existing.adminSurname };
      row = await replaceAgreement(tx, existing.id, nextAgreementStatus(current, 'NEW_AGREEMENT_RECEIVED'), fields);
    } else {
      row = await insertAgreement(tx, randomUUID(), input.organisationId, 'RECEIVED', fields);
    }
    await writeOutboxEvent(tx, 'access', {
      actor: await auditActor(ctx), organisationId: input.organisationId, action: 'access.agreement.registered', target: `agreement:${row.id}`,
      before, after: { status: row.status, receivedOn, activateBy: deadline, administrator: `${givenName} ${surname}` },
    });
    return row;
  });
}

/** R-AGR-2: activation gives the named administrator PERMISSION_ADMIN from today with no end date (R-PERIOD-3). */
export async function activateAgreement(ctx: Context, id: string): Promise<AgreementRow> {
  requireAuthority(ctx);
  const found = await findAgreement(ctx.em, id);
  if (!found) throw notFound('There is no such agreement.', 'AGREEMENT_NOT_FOUND');
  return ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, found.organisationId);
    // Read again under the organisation lock: a concurrent registration may have replaced it.
    const agreement = (await findAgreement(tx, id))!;
    const current: AgreementStatus = effectiveAgreementStatus(agreement.status, await administratorPeriods(tx, agreement.organisationId), ctx.today);
    const next = nextAgreementStatus(current, 'ACTIVATE');
    // The person is found by the keyed hash; a fresh ciphertext is only stored when the row is new.
    const adminPnr = ctx.deps.vault.open(agreement.adminPersonalNumberEnc);
    // R-USR-5: an existing identity row is left as it is; the e-mail belongs to the membership.
    const personId = await ensurePerson(tx, {
      personalNumberHash: agreement.adminPersonalNumberHash, personalNumberEnc: agreement.adminPersonalNumberEnc,
      givenName: agreement.adminGivenName, surname: agreement.adminSurname, birthDate: parsePersonalNumber(adminPnr, 'personalNumber', ctx.today).birthDate,
    });
    const membershipId = await ensureMembership(tx, personId, agreement.organisationId, agreement.adminEmail ?? null, 'keep');
    await grantOpenEndedRole(tx, membershipId, STARTING_ADMINISTRATOR_ROLE, ctx.today);
    // R-SCOPE-4: the starting administrator's access is in the permission index in the same transaction.
    await refreshPermissionIndex(tx, agreement.organisationId, [personId]);
    const activated = await markActivated(tx, agreement.id, next);
    await writeOutboxEvent(tx, 'access', {
      actor: await auditActor(ctx), organisationId: agreement.organisationId, action: 'access.agreement.activated', target: `agreement:${agreement.id}`,
      before: { status: current }, after: { status: next, administratorPersonId: personId, role: STARTING_ADMINISTRATOR_ROLE, validFrom: ctx.today, validTo: null },
    });
    return activated;
  });
}
