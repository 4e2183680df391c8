import { type Actor } from '@behorig/kit/auth';
import { badInput, notFound } from '@behorig/kit/errors';
import type {
  AccountReviewStatus, ContactPersonChangeInput, ContactPersonInput, PaymentAccountChangeInput, PaymentAccountInput,
} from '../../generated/resolvers-types';
import type { Context } from '../../context';
import { optionalEmail, optionalPhone, requiredText } from '../shared/rules/text.rules';
import { checkDefaultChange, checkRemoval, defaultForNewAccount, parseAccountNumber, reviewStatusAfterChange } from './rules/payment-account.rules';
import { changedByLabel, validated } from '../shared/validated';
import { changedFields } from '../shared/db';
import { pick } from '../shared/audit';
import type { OrganisationRow } from '../organisations/organisations.store';
import type { ContactPersonRow, PaymentAccountRow } from './contacts.store';

const CONTACT_FIELDS = ['id', 'givenName', 'surname', 'email', 'phone1', 'phone2', 'adminContact'] as const;
const ACCOUNT_FIELDS = ['id', 'type', 'number', 'reviewStatus', 'isDefault'] as const;

/** The organisation, after the policy allowed CONTACT_PERSON or ACCOUNT_INFO (UPDATE) in it (R-ROLE-2). */
async function organisationForUpdate(ctx: Context, organisationId: string, what: 'contactPersons' | 'paymentAccounts'): Promise<{ org: OrganisationRow; who: Actor }> {
  ctx.policy.readDirectory();
  const org = await ctx.stores.organisations.byId.load(organisationId);
  if (!org) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  const who = what === 'contactPersons' ? await ctx.policy.changeContactPersons(org.id) : await ctx.policy.changePaymentAccounts(org.id);
  return { org, who };
}

async function existingContactPerson(ctx: Context, id: string): Promise<ContactPersonRow> {
  ctx.policy.readDirectory();
  const current = await ctx.stores.contacts.contactPerson(id);
  if (!current) throw notFound('There is no such contact person.', 'CONTACT_PERSON_NOT_FOUND');
  return current;
}

async function existingPaymentAccount(ctx: Context, id: string): Promise<PaymentAccountRow> {
  ctx.policy.readDirectory();
  const current = await ctx.stores.contacts.paymentAccount(id);
  if (!current) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
  return current;
}

/** R-ORG-1: contact persons of an organisation. */
export async function createContactPerson(ctx: Context, organisationId: string, input: ContactPersonInput): Promise<ContactPersonRow> {
  const { org, who } = await organisationForUpdate(ctx, organisationId, 'contactPersons');
  const data = validated(() => ({
    givenName: requiredText(input.givenName, 'givenName', 'The given name', 100),
    surname: requiredText(input.surname, 'surname', 'The surname', 100),
    email: optionalEmail(input.email, 'email'),
    phone1: optionalPhone(input.phone1, 'phone1'),
    phone2: optionalPhone(input.phone2, 'phone2'),
    adminContact: input.adminContact ?? false,
  }));
  return ctx.transaction(async (tx) => {
    const row = await tx.stores.contacts.insertContactPerson(org.id, { ...data, updatedBy: changedByLabel(who) });
    await tx.audit(who, { organisationId: org.id, action: 'contact_person.created', target: `ContactPerson:${row.id}`, after: pick(row, CONTACT_FIELDS) });
    return row;
  });
}

export async function changeContactPerson(ctx: Context, id: string, input: ContactPersonChangeInput): Promise<ContactPersonRow> {
  const current = await existingContactPerson(ctx, id);
  const { who } = await organisationForUpdate(ctx, current.organisationId, 'contactPersons');
  const changes = validated(() => ({
    ...(input.givenName !== undefined ? { givenName: requiredText(input.givenName, 'givenName', 'The given name', 100) } : {}),
    ...(input.surname !== undefined ? { surname: requiredText(input.surname, 'surname', 'The surname', 100) } : {}),
    ...(input.email !== undefined ? { email: optionalEmail(input.email, 'email') } : {}),
    ...(input.phone1 !== undefined ? { phone1: optionalPhone(input.phone1, 'phone1') } : {}),
    ...(input.phone2 !== undefined ? { phone2: optionalPhone(input.phone2, 'phone2') } : {}),
    ...(input.adminContact != null ? { adminContact: input.adminContact } : {}),
  }));
  return ctx.transaction(async (tx) => {
    const row = (await tx.stores.contacts.contactPerson(id, { lock: true }))!;
    const changed = await tx.stores.contacts.updateContactPerson(id, changedFields(row, { ...changes, updatedBy: changedByLabel(who) }));
    await tx.audit(who, { organisationId: row.organisationId, action: 'contact_person.changed', target: `ContactPerson:${id}`, before: pick(row, CONTACT_FIELDS), after: pick(changed, CONTACT_FIELDS) });
    return changed;
  });
}

/** Returns the organisation, whose list no longer has the contact person. */
export async function removeContactPerson(ctx: Context, id: string): Promise<OrganisationRow> {
  const current = await existingContactPerson(ctx, id);
  const { org, who } = await organisationForUpdate(ctx, current.organisationId, 'contactPersons');
  await ctx.transaction(async (tx) => {
    const removed = await tx.stores.contacts.removeContactPerson(id);
    if (!removed) throw notFound('There is no such contact person.', 'CONTACT_PERSON_NOT_FOUND');
    await tx.audit(who, { organisationId: org.id, action: 'contact_person.removed', target: `ContactPerson:${id}`, before: pick(removed, CONTACT_FIELDS) });
  });
  ctx.stores.contacts.contactPersonsByOrganisation.clear(org.id);
  return org;
}

/** R-ORG-1: a valid bankgiro or plusgiro, once per organisation; the first is the default. */
export async function createPaymentAccount(ctx: Context, organisationId: string, input: PaymentAccountInput): Promise<PaymentAccountRow> {
  const { org, who } = await organisationForUpdate(ctx, organisationId, 'paymentAccounts');
  const number = validated(() => parseAccountNumber(input.type, input.number, 'number'));
  const existing = await ctx.stores.contacts.paymentAccountsOf(org.id);
  if (existing.some((a) => a.type === input.type && a.number === number)) throw badInput('number', `The organisation already has ${input.type.toLowerCase()} ${number}.`, 'PAYMENT_ACCOUNT_EXISTS');
  const isDefault = defaultForNewAccount(existing, input.isDefault);
  return ctx.transaction(async (tx) => {
    const previousDefault = isDefault ? await tx.stores.contacts.clearDefault(org.id) : null;
    const row = await tx.stores.contacts.insertPaymentAccount(org.id, { type: input.type, number, isDefault, reviewStatus: 'NOT_REVIEWED', updatedBy: changedByLabel(who) });
    await tx.audit(who, { organisationId: org.id, action: 'payment_account.created', target: `PaymentAccount:${row.id}`, before: previousDefault, after: pick(row, ACCOUNT_FIELDS) });
    return row;
  });
}

/** R-ORG-1: exactly one default; a changed type or number is reviewed again. */
export async function changePaymentAccount(ctx: Context, id: string, input: PaymentAccountChangeInput): Promise<PaymentAccountRow> {
  const current = await existingPaymentAccount(ctx, id);
  const { who } = await organisationForUpdate(ctx, current.organisationId, 'paymentAccounts');
  const type = input.type ?? current.type;
  const number = validated(() => {
    checkDefaultChange(current, input.isDefault);
    return input.number != null || input.type != null ? parseAccountNumber(type, input.number ?? current.number, 'number') : current.number;
  });
  if (await ctx.stores.contacts.accountNumberTaken(current.organisationId, type, number, id)) throw badInput('number', `The organisation already has ${type.toLowerCase()} ${number}.`, 'PAYMENT_ACCOUNT_EXISTS');
  return ctx.transaction(async (tx) => {
    const row = (await tx.stores.contacts.paymentAccount(id, { lock: true }))!;
    const makeDefault = input.isDefault === true && !row.isDefault;
    const previousDefault = makeDefault ? await tx.stores.contacts.clearDefault(row.organisationId) : null;
    const changed = await tx.stores.contacts.updatePaymentAccount(id, changedFields(row, {
      type, number,
      reviewStatus: reviewStatusAfterChange(row.reviewStatus, row, { type, number }),
      isDefault: row.isDefault || makeDefault,
      updatedBy: changedByLabel(who),
    }));
    await tx.audit(who, {
      organisationId: row.organisationId, action: 'payment_account.changed', target: `PaymentAccount:${id}`,
      before: { ...pick(row, ACCOUNT_FIELDS), ...(previousDefault ? { previousDefault } : {}) }, after: pick(changed, ACCOUNT_FIELDS),
    });
    return changed;
  });
}

/** R-ORG-1: the default goes last. Returns the organisation, whose list no longer has the account. */
export async function removePaymentAccount(ctx: Context, id: string): Promise<OrganisationRow> {
  const current = await existingPaymentAccount(ctx, id);
  const { org, who } = await organisationForUpdate(ctx, current.organisationId, 'paymentAccounts');
  const all = await ctx.stores.contacts.paymentAccountsOf(org.id);
  validated(() => checkRemoval(current, all));
  await ctx.transaction(async (tx) => {
    const removed = await tx.stores.contacts.removePaymentAccount(id);
    if (!removed) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
    await tx.audit(who, { organisationId: org.id, action: 'payment_account.removed', target: `PaymentAccount:${id}`, before: pick(removed, ACCOUNT_FIELDS) });
  });
  ctx.stores.contacts.paymentAccountsByOrganisation.clear(org.id);
  return org;
}

/** R-ORG-1: the authority reviews an account. */
export async function reviewPaymentAccount(ctx: Context, id: string, status: AccountReviewStatus): Promise<PaymentAccountRow> {
  const who = ctx.policy.reviewPaymentAccounts();
  return ctx.transaction(async (tx) => {
    const row = await tx.stores.contacts.paymentAccount(id, { lock: true });
    if (!row) throw notFound('There is no such payment account.', 'PAYMENT_ACCOUNT_NOT_FOUND');
    const reviewed = await tx.stores.contacts.updatePaymentAccount(id, changedFields(row, { reviewStatus: status, updatedBy: changedByLabel(who) }));
    await tx.audit(who, { organisationId: row.organisationId, action: 'payment_account.reviewed', target: `PaymentAccount:${id}`, before: pick(row, ACCOUNT_FIELDS), after: pick(reviewed, ACCOUNT_FIELDS) });
    return reviewed;
  });
}
