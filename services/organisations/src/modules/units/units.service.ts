import { type Actor } from '@behorig/kit/auth';
import { badInput, conflict, notFound } from '@behorig/kit/errors';
import type { AddressInput, CreateUnitInput } from '../../generated/resolvers-types';
import type { Context } from '../../context';
import { parsePostalCode } from './rules/postal-code.rules';
import { requiredText } from '../shared/rules/text.rules';
import { checkSchoolForms } from '../catalogue/rules/catalogue.rules';
import { validated } from '../shared/validated';
import { pick } from '../shared/audit';
import type { AddressRow, UnitRow } from './units.store';

const UNIT_FIELDS = ['organisationId', 'serviceCode', 'name'] as const;
const ADDRESS_FIELDS = ['id', 'street', 'postalCode', 'city'] as const;

const parseAddress = (a: AddressInput, prefix: string) => ({
  street: requiredText(a.street, `${prefix}street`, 'The street address'),
  postalCode: parsePostalCode(a.postalCode, `${prefix}postalCode`),
  city: requiredText(a.city, `${prefix}city`, 'The city', 100),
});

/** Loads the unit and asks the policy for PERFORMING_UNIT (UPDATE) in its organisation (R-ROLE-2). */
async function unitForUpdate(ctx: Context, id: string): Promise<{ unit: UnitRow; who: Actor }> {
  ctx.policy.readDirectory();
  const unit = await ctx.stores.units.byId.load(id);
  if (!unit) throw notFound('There is no such unit.', 'UNIT_NOT_FOUND');
  const who = await ctx.policy.changeUnits(unit.organisationId);
  if (unit.closedAt) throw conflict(`The unit "${unit.name}" is closed.`, 'UNIT_CLOSED');
  return { unit, who };
}

/** R-ORG-3: a unit of an existing organisation for a catalogued service, with one or more offices; R-ORG-5: known school forms. */
export async function createUnit(ctx: Context, input: CreateUnitInput): Promise<UnitRow> {
  ctx.policy.readDirectory();
  const org = await ctx.stores.organisations.byId.load(input.organisationId);
  if (!org) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  const who = await ctx.policy.changeUnits(org.id);
  const service = await ctx.stores.catalogue.service.load(input.serviceCode);
  if (!service) throw badInput('serviceCode', `There is no service ${input.serviceCode} in the catalogue.`, 'SERVICE_NOT_FOUND');
  const catalogue = (await ctx.stores.catalogue.allSchoolForms()).map((f) => f.code);
  const data = validated(() => {
    const name = requiredText(input.name, 'name', 'The unit name');
    // R-ORG-3: a unit has one or more addresses (offices).
    if (!input.addresses?.length) throw badInput('addresses', 'A unit needs at least one address.', 'UNIT_NEEDS_ADDRESS');
    const addresses = input.addresses.map((a, i) => parseAddress(a, `addresses.${i}.`));
    const schoolForms = checkSchoolForms(input.schoolFormCodes ?? [], catalogue);
    return { name, addresses, schoolForms };
  });
  if (await ctx.stores.units.nameTaken(org.id, service.code, data.name)) throw conflict(`${org.name} already has a unit called "${data.name}" for ${service.name}.`, 'UNIT_NAME_TAKEN');
  return ctx.transaction(async (tx) => {
    const { unit, addresses } = await tx.stores.units.insert({ organisationId: org.id, serviceCode: service.code, name: data.name }, data.addresses, data.schoolForms);
    await tx.audit(who, {
      organisationId: org.id, action: 'unit.created', target: `Unit:${unit.id}`,
      after: { ...pick(unit, UNIT_FIELDS), addresses: addresses.map((a) => pick(a, ADDRESS_FIELDS)), schoolForms: data.schoolForms },
    });
    // R-ORG-3: access learns the unit (and may grant it) from its facts.
    await tx.publish.units([unit.id]);
    return unit;
  });
}

/** R-ORG-3: names stay unique per organisation and service. */
export async function renameUnit(ctx: Context, id: string, name: string): Promise<UnitRow> {
  const { unit, who } = await unitForUpdate(ctx, id);
  const newName = validated(() => requiredText(name, 'name', 'The unit name'));
  if (await ctx.stores.units.nameTaken(unit.organisationId, unit.serviceCode, newName, unit.id)) throw conflict(`There is already a unit called "${newName}" for this service.`, 'UNIT_NAME_TAKEN');
  return ctx.transaction(async (tx) => {
    const row = (await tx.stores.units.forUpdate(id))!;
    const renamed = await tx.stores.units.rename(id, newName);
    await tx.audit(who, { organisationId: row.organisationId, action: 'unit.renamed', target: `Unit:${id}`, before: { name: row.name }, after: { name: newName } });
    await tx.publish.units([id]);
    return renamed;
  });
}

export async function addAddress(ctx: Context, unitId: string, input: AddressInput): Promise<AddressRow> {
  const { unit, who } = await unitForUpdate(ctx, unitId);
  const data = validated(() => parseAddress(input, ''));
  return ctx.transaction(async (tx) => {
    const [address] = await tx.stores.units.insertAddresses(unit.id, [data]);
    await tx.audit(who, { organisationId: unit.organisationId, action: 'unit.address_added', target: `Unit:${unit.id}`, after: pick(address, ADDRESS_FIELDS) });
    await tx.publish.units([unit.id]);
    return address;
  });
}

/** R-ORG-3: a unit keeps one or more addresses. Returns the unit. */
export async function removeAddress(ctx: Context, id: string): Promise<UnitRow> {
  ctx.policy.readDirectory();
  const address = await ctx.stores.units.address.load(id);
  if (!address) throw notFound('There is no such address.', 'ADDRESS_NOT_FOUND');
  const { unit, who } = await unitForUpdate(ctx, address.unitId);
  const siblings = await ctx.stores.units.addressesByUnit.load(unit.id);
  if (siblings.length <= 1) throw badInput('id', 'This is the unit\'s only address: add another before removing it.', 'LAST_ADDRESS_OF_UNIT');
  const result = await ctx.transaction(async (tx) => {
    const removed = await tx.stores.units.removeAddress(id);
    if (!removed) throw notFound('There is no such address.', 'ADDRESS_NOT_FOUND');
    await tx.audit(who, { organisationId: unit.organisationId, action: 'unit.address_removed', target: `Unit:${unit.id}`, before: pick(removed, ADDRESS_FIELDS) });
    // R-USR-2: an office removed from its unit grants nothing from now on (access refreshes its index).
    await tx.publish.units([unit.id]);
    return (await tx.stores.units.forUpdate(unit.id))!;
  });
  // The request's loaders saw the address list before the removal.
  ctx.stores.units.addressesByUnit.clear(unit.id);
  ctx.stores.units.address.clear(id);
  return result;
}

/** Closing keeps the unit and its history (R-ORG-3); a closed unit cannot be closed again. */
export async function closeUnit(ctx: Context, id: string): Promise<UnitRow> {
  const { who } = await unitForUpdate(ctx, id);
  return ctx.transaction(async (tx) => {
    const closed = await tx.stores.units.close(id);
    await tx.audit(who, { organisationId: closed.organisationId, action: 'unit.closed', target: `Unit:${id}`, before: { closed: false }, after: { closed: true, closedAt: closed.closedAt!.toISOString() } });
    // R-SCOPE-4: checks at a closed unit refuse as soon as access has this fact.
    await tx.publish.units([id]);
    return closed;
  });
}
