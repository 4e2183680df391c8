import { badInput, notFound, requireActor, isUuid } from '@behorig/kit';
import type { MutationResolvers } from '../../generated/resolvers-types';
import { ContactPersonEntity, PaymentAccountEntity } from '../../entities/contact.entity';
import { optionalEmail, optionalPhone, requiredText } from '../../domain/text.rules';
import { checkDefaultChange, checkRemoval, defaultForNewAccount, parseAccountNumber, reviewStatusAfterChange } from '../../domain/payment-account.rules';
import { changedByLabel, validated } from '../../validated';
import type { Context } from '../../context';
import { audit, pick } from './audit';

const CONTACT_FIELDS = ['id', 'givenName', 'surname', 'email', 'phone1', 'phone2', 'adminContact'] as const;
const ACCOUNT_FIELDS = ['id', 'type', 'number', 'reviewStatus', 'isDefault'] as const;

async function organisationForUpdate(ctx: Context, organisationId: string, fn: 'CONTACT_PERSON' | 'ACCOUNT_INFO') {
  requireActor(ctx.actor);
  const org = await ctx.loaders.organisation.load(organisationId);
  if (!org) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  await ctx.permissions.require(fn, 'UPDATE', org.id);
  return org;
}

export const contactMutations: Pick<MutationResolvers,
  'createContactPerson' | 'changeContactPerson' | 'removeContactPerson' |
  'createPaymentAccount' | 'changePaymentAccount' | 'removePaymentAccount' | 'reviewPaymentAccount'> = {

  createContactPerson: async (_p, { organisationId, input }, ctx) => {
    const org = await organisationForUpdate(ctx, organisationId, 'CONTACT_PERSON');
    const data = validated(() => ({
      givenName: requiredText(input.givenName, 'givenName', 'The given name', 100),
      surname: requiredText(input.surname, 'surname', 'The surname', 100),
      email: optionalEmail(input.email, 'email'),
      phone1: optionalPhone(input.phone1, 'phone1'),
      phone2: optionalPhone(input.phone2, 'phone2'),
      adminContact: input.adminContact ?? false,
    }));
    return ctx.em.transactional(async (tx) => {
      const row = tx.create(ContactPersonEntity, { ...data, organisationId: org.id, updatedBy: changedByLabel(ctx.actor!) });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: org.id, action: 'contact_person.created', target: `ContactPerson:${row.id}`, after: pick(row, CONTACT_FIELDS) });
      return row;
    });
  },

  changeContactPerson: async (_p, { id, input }, ctx) => {
    requireActor(ctx.actor);
    const current = isUuid(id) ? await ctx.em.findOne(ContactPersonEntity, { id }) : null;
    if (!current) throw notFound('There is no such contact person.', 'CONTACT_PERSON_NOT_FOUND');
    await organisationForUpdate(ctx, current.organisationId, 'CONTACT_PERSON');
    const changes = validated(() => ({
      ...(input.givenName !== undefined ? { givenName: requiredText(input.givenName, 'givenName', 'The given name', 100) } : {}),
      ...(input.surname !== undefined ? { surname: requiredText(input.surname, 'surname', 'The surname', 100) } : {}),
      ...(input.email !== undefined ? { email: optionalEmail(input.email, 'email') } : {}),
      ...(input.phone1 !== undefined ? { phone1: optionalPhone(input.phone1, 'phone1') } : {}),
      ...(input.phone2 !== undefined ? { phone2: optionalPhone(input.phone2, 'phone2') } : {}),
      ...(input.adminContact != null ? { adminContact: input.adminContact } : {}),
    }));
    return ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(ContactPersonEntity, { id });
      const before = pick(row, CONTACT_FIELDS);
      tx.assign(row, { ...changes, updatedBy: changedByLabel(ctx.actor!) });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: row.organisationId, action: 'contact_person.changed', target: `ContactPerson:${id}`, before, after: pick(row, CONTACT_FIELDS) });
      return row;
    });
  },

  removeContactPerson: async (_p, { id }, ctx) => {
    requireActor(ctx.actor);
    const current = isUuid(id) ? await ctx.em.findOne(ContactPersonEntity, { id }) : null;
    if (!current) throw notFound('There is no such contact person.', 'CONTACT_PERSON_NOT_FOUND');
    const org = await organisationForUpdate(ctx, current.organisationId, 'CONTACT_PERSON');
    await ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(ContactPersonEntity, { id });
      const before = pick(row, CONTACT_FIELDS);
      tx.remove(row);
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: org.id, action: 'contact_person.removed', target: `ContactPerson:${id}`, before });
    });
    ctx.loaders.contactPersonsByOrganisation.clear(org.id);
    return org;
  },

  createPaymentAccount: async (_p, { organisationId, input }, ctx) => {
    const org = await organisationForUpdate(ctx, organisationId, 'ACCOUNT_INFO');
    const number = validated(() => parseAccountNumber(input.type, input.number, 'number'));
    const existing = await ctx.em.find(PaymentAccountEntity, { organisationId: org.id });
    if (existing.some((a) => a.type === input.type && a.number === number)) throw badInput('number', `The organisation already has ${input.type.toLowerCase()} ${number}.`, 'PAYMENT_ACCOUNT_EXISTS');
    const isDefault = defaultForNewAccount(existing, input.isDefault);
    return ctx.em.transactional(async (tx) => {
      const before = await moveDefaultAway(tx, org.id, isDefault);
      const row = tx.create(PaymentAccountEntity, { organisationId: org.id, type: input.type, number, isDefault, reviewStatus: 'NOT_REVIEWED', updatedBy: changedByLabel(ctx.actor!) });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: org.id, action: 'payment_account.created', target: `PaymentAccount:${row.id}`, before, after: pick(row, ACCOUNT_FIELDS) });
      return row;
    });
  },

  changePaymentAccount: async (_p, { id, input }, ctx) => {
    requireActor(ctx.actor);
    const current = isUuid(id) ? await ctx.em.findOne(PaymentAccountEntity, { id }) : null;
    if (!current) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
    await organisationForUpdate(ctx, current.organisationId, 'ACCOUNT_INFO');
    const type = input.type ?? current.type;
    const number = validated(() => {
      checkDefaultChange(current, input.isDefault);
      return input.number != null || input.type != null ? parseAccountNumber(type, input.number ?? current.number, 'number') : current.number;
    });
    const clash = await ctx.em.count(PaymentAccountEntity, { organisationId: current.organisationId, type, number, id: { $ne: id } });
    if (clash) throw badInput('number', `The organisation already has ${type.toLowerCase()} ${number}.`, 'PAYMENT_ACCOUNT_EXISTS');
    return ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(PaymentAccountEntity, { id });
      const before = pick(row, ACCOUNT_FIELDS);
      const makeDefault = input.isDefault === true && !row.isDefault;
      const previousDefault = await moveDefaultAway(tx, row.organisationId, makeDefault);
      tx.assign(row, {
        type, number,
        reviewStatus: reviewStatusAfterChange(row.reviewStatus, row, { type, number }),
        isDefault: row.isDefault || makeDefault,
        updatedBy: changedByLabel(ctx.actor!),
      });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: row.organisationId, action: 'payment_account.changed', target: `PaymentAccount:${id}`, before: { ...before, ...(previousDefault ? { previousDefault } : {}) }, after: pick(row, ACCOUNT_FIELDS) });
      return row;
    });
  },

  removePaymentAccount: async (_p, { id }, ctx) => {
    requireActor(ctx.actor);
    const current = isUuid(id) ? await ctx.em.findOne(PaymentAccountEntity, { id }) : null;
    if (!current) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
    const org = await organisationForUpdate(ctx, current.organisationId, 'ACCOUNT_INFO');
    const all = await ctx.em.find(PaymentAccountEntity, { organisationId: org.id });
    validated(() => checkRemoval(current, all));
    await ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(PaymentAccountEntity, { id });
      const before = pick(row, ACCOUNT_FIELDS);
      tx.remove(row);
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: org.id, action: 'payment_account.removed', target: `PaymentAccount:${id}`, before });
    });
    ctx.loaders.paymentAccountsByOrganisation.clear(org.id);
    return org;
  },

  reviewPaymentAccount: async (_p, { id, status }, ctx) => {
    requireActor(ctx.actor);
    ctx.permissions.requireAuthority('review payment accounts');
    return ctx.em.transactional(async (tx) => {
      const row = isUuid(id) ? await tx.findOne(PaymentAccountEntity, { id }) : null;
      if (!row) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
      const before = pick(row, ACCOUNT_FIELDS);
      tx.assign(row, { reviewStatus: status, updatedBy: changedByLabel(ctx.actor!) });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: row.organisationId, action: 'payment_account.reviewed', target: `PaymentAccount:${id}`, before, after: pick(row, ACCOUNT_FIELDS) });
      return row;
    });
  },
};

/**
 * Clears the current default before another account takes it, flushing at once: the partial
 * unique index allows one default per organisation at any moment, even inside a transaction.
 */
async function moveDefaultAway(tx: Parameters<Parameters<Context['em']['transactional']>[0]>[0], organisationId: string, newDefault: boolean): Promise<string | null> {
  if (!newDefault) return null;
  const old = await tx.findOne(PaymentAccountEntity, { organisationId, isDefault: true });
  if (!old) return null;
  old.isDefault = false;
  old.updatedAt = new Date();
  await tx.flush();
  return old.id;
}
