import { randomUUID } from 'node:crypto';
import { badInput, conflict, forbidden, isAuthority, notFound, parsePersonalNumber, parsePersonName, requireActor, writeOutboxEvent } from '@behorig/kit';
import type { Context } from './context';
import { AgreementEntity, type AgreementRow } from './entities/agreement.entity';
import { activateBy, effectiveAgreementStatus, nextAgreementStatus, STARTING_ADMINISTRATOR_ROLE, type AgreementStatus } from './domain';
import { administratorPeriods, lockOrganisation } from './access-data';
import { auditActor } from './personal-data';
import { refreshPermissionIndex } from './modules/permission-index/permission-index.store';

/** R-AGR-1…3: the authority registers and activates each organisation's access agreement. */

function requireAuthority(ctx: Context): void {
  if (!isAuthority(requireActor(ctx.actor))) throw forbidden('Only the authority handles access agreements (R-AGR-2).', 'AUTHORITY_ONLY');
}

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
  const names = await ctx.deps.directory.organisations([input.organisationId], ctx.authorization);
  if (!names.has(input.organisationId)) throw badInput('input.organisationId', 'There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  return ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const existing = await tx.findOne(AgreementEntity, { organisationId: input.organisationId });
    const sealed = ctx.deps.vault.seal(pnr.canonical);
    const fields = { receivedOn, activateBy: deadline, adminPersonalNumberHash: sealed.hash, adminPersonalNumberEnc: sealed.ciphertext, adminGivenName: givenName, adminSurname: surname, adminEmail: input.administrator.email?.trim() || null };
    let row: AgreementRow;
    let before: unknown = null;
    if (existing) {
      const current = effectiveAgreementStatus(existing.status, await administratorPeriods(tx, input.organisationId), ctx.today);
      if (current === 'ACTIVE') throw conflict('The organisation already has an active agreement (R-AGR-1); one suffices.', 'AGREEMENT_ALREADY_ACTIVE');
      before = { status: current, administrator: existing.adminGivenName + ' ' + existing.adminSurname };
      tx.assign(existing, { ...fields, status: nextAgreementStatus(current, 'NEW_AGREEMENT_RECEIVED'), activatedAt: null });
      row = existing;
    } else {
      row = tx.create(AgreementEntity, { id: randomUUID(), organisationId: input.organisationId, status: 'RECEIVED', activatedAt: null, createdAt: new Date(), ...fields });
    }
    await tx.flush();
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
  const found = await ctx.em.findOne(AgreementEntity, { id });
  if (!found) throw notFound('There is no such agreement.', 'AGREEMENT_NOT_FOUND');
  return ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, found.organisationId);
    const agreement = await tx.findOneOrFail(AgreementEntity, { id }, { refresh: true });
    const current: AgreementStatus = effectiveAgreementStatus(agreement.status, await administratorPeriods(tx, agreement.organisationId), ctx.today);
    const next = nextAgreementStatus(current, 'ACTIVATE');
    // The person is found by the keyed hash; a fresh ciphertext is only stored when the row is new.
    const adminPnr = ctx.deps.vault.open(agreement.adminPersonalNumberEnc);
    const [person] = await tx.execute<{ id: string }[]>(
      // R-USR-5: an existing identity row is left as it is; the e-mail belongs to the membership.
      `INSERT INTO access.person (id, personal_number_hash, personal_number_enc, given_name, surname, birth_date) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (personal_number_hash) DO UPDATE SET personal_number_hash = access.person.personal_number_hash RETURNING id`,
      [randomUUID(), agreement.adminPersonalNumberHash, agreement.adminPersonalNumberEnc, agreement.adminGivenName, agreement.adminSurname, parsePersonalNumber(adminPnr, 'personalNumber', ctx.today).birthDate],
    );
    const [membership] = await tx.execute<{ id: string }[]>(
      `INSERT INTO access.membership (id, person_id, organisation_id, email) VALUES (?, ?, ?, ?)
       ON CONFLICT (person_id, organisation_id) DO UPDATE SET email = COALESCE(access.membership.email, EXCLUDED.email) RETURNING id`,
      [randomUUID(), person.id, agreement.organisationId, agreement.adminEmail ?? null],
    );
    await tx.execute(
      `INSERT INTO access.role_assignment (id, membership_id, role_code, valid_from, valid_to)
       SELECT ?, ?, ?, ?::date, NULL WHERE NOT EXISTS (
         SELECT 1 FROM access.role_assignment WHERE membership_id = ? AND role_code = ? AND valid_to IS NULL AND valid_from <= ?::date)`,
      [randomUUID(), membership.id, STARTING_ADMINISTRATOR_ROLE, ctx.today, membership.id, STARTING_ADMINISTRATOR_ROLE, ctx.today],
    );
    // R-SCOPE-4: the starting administrator's access is in the permission index in the same transaction.
    await refreshPermissionIndex(tx, agreement.organisationId, [person.id]);
    tx.assign(agreement, { status: next, activatedAt: new Date() });
    await tx.flush();
    await writeOutboxEvent(tx, 'access', {
      actor: await auditActor(ctx), organisationId: agreement.organisationId, action: 'access.agreement.activated', target: `agreement:${agreement.id}`,
      before: { status: current }, after: { status: next, administratorPersonId: person.id, role: STARTING_ADMINISTRATOR_ROLE, validFrom: ctx.today, validTo: null },
    });
    return agreement;
  });
}

