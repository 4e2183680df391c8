import { randomUUID } from 'node:crypto';
import { badInput, conflict, notFound, requireActor } from '@behorig/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AddressInput, MutationResolvers } from '../../generated/resolvers-types';
import { SchoolFormEntity } from '../../entities/catalogue.entity';
import { AddressEntity, UnitEntity, UnitSchoolFormEntity, type UnitRow } from '../../entities/unit.entity';
import { parsePostalCode } from '../../domain/postal-code.rules';
import { requiredText } from '../../domain/text.rules';
import { checkSchoolForms } from '../../domain/catalogue.rules';
import { validated } from '../../validated';
import type { Context } from '../../context';
import { audit, pick } from './audit';

const parseAddress = (a: AddressInput, prefix: string) => ({
  street: requiredText(a.street, `${prefix}street`, 'The street address'),
  postalCode: parsePostalCode(a.postalCode, `${prefix}postalCode`),
  city: requiredText(a.city, `${prefix}city`, 'The city', 100),
});

/** Loads the unit and checks PERFORMING_UNIT UPDATE in its organisation (R-ROLE-2). */
async function unitForUpdate(ctx: Context, id: string, { mustBeOpen = true } = {}): Promise<UnitRow> {
  requireActor(ctx.actor);
  const unit = await ctx.loaders.unit.load(id);
  if (!unit) throw notFound('There is no such unit.', 'UNIT_NOT_FOUND');
  await ctx.permissions.require('PERFORMING_UNIT', 'UPDATE', unit.organisationId);
  if (mustBeOpen && unit.closedAt) throw conflict(`The unit "${unit.name}" is closed.`, 'UNIT_CLOSED');
  return unit;
}

async function nameTaken(em: EntityManager, organisationId: string, serviceCode: string, name: string, exceptId?: string): Promise<boolean> {
  const [{ n }] = await em.execute<{ n: string }[]>(
    `SELECT count(*) AS n FROM organisations.unit WHERE organisation_id = ? AND service_code = ? AND lower(name) = lower(?) AND id <> ?`,
    [organisationId, serviceCode, name, exceptId ?? '00000000-0000-0000-0000-000000000000'],
  );
  return Number(n) > 0;
}

const UNIT_FIELDS = ['organisationId', 'serviceCode', 'name'] as const;

export const unitMutations: Pick<MutationResolvers, 'createUnit' | 'renameUnit' | 'addAddress' | 'removeAddress' | 'closeUnit'> = {
  createUnit: async (_p, { input }, ctx) => {
    const who = requireActor(ctx.actor);
    const org = await ctx.loaders.organisation.load(input.organisationId);
    if (!org) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
    await ctx.permissions.require('PERFORMING_UNIT', 'UPDATE', org.id);
    const service = await ctx.loaders.service.load(input.serviceCode);
    if (!service) throw badInput('serviceCode', `There is no service ${input.serviceCode} in the catalogue.`, 'SERVICE_NOT_FOUND');
    const catalogue = (await ctx.em.find(SchoolFormEntity, {})).map((f) => f.code);
    const data = validated(() => {
      const name = requiredText(input.name, 'name', 'The unit name');
      // R-ORG-3: a unit has one or more addresses (offices).
      if (!input.addresses?.length) throw badInput('addresses', 'A unit needs at least one address.', 'UNIT_NEEDS_ADDRESS');
      const addresses = input.addresses.map((a, i) => parseAddress(a, `addresses.${i}.`));
      const schoolForms = checkSchoolForms(input.schoolFormCodes ?? [], catalogue);
      return { name, addresses, schoolForms };
    });
    if (await nameTaken(ctx.em, org.id, service.code, data.name)) throw conflict(`${org.name} already has a unit called "${data.name}" for ${service.name}.`, 'UNIT_NAME_TAKEN');
    return ctx.em.transactional(async (tx) => {
      // Foreign keys are scalar ids, so the unit of work cannot order the inserts: the unit goes first.
      const unit = tx.create(UnitEntity, { id: randomUUID(), organisationId: org.id, serviceCode: service.code, name: data.name });
      await tx.flush();
      const addresses = data.addresses.map((a) => tx.create(AddressEntity, { ...a, unitId: unit.id }));
      for (const code of data.schoolForms) tx.create(UnitSchoolFormEntity, { unitId: unit.id, schoolFormCode: code });
      await tx.flush();
      await audit(tx, who, {
        organisationId: org.id, action: 'unit.created', target: `Unit:${unit.id}`,
        after: { ...pick(unit, UNIT_FIELDS), addresses: addresses.map((a) => pick(a, ['id', 'street', 'postalCode', 'city'] as const)), schoolForms: data.schoolForms },
      });
      return unit;
    });
  },

  renameUnit: async (_p, { id, name }, ctx) => {
    const unit = await unitForUpdate(ctx, id);
    const newName = validated(() => requiredText(name, 'name', 'The unit name'));
    if (await nameTaken(ctx.em, unit.organisationId, unit.serviceCode, newName, unit.id)) throw conflict(`There is already a unit called "${newName}" for this service.`, 'UNIT_NAME_TAKEN');
    return ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(UnitEntity, { id });
      const before = { name: row.name };
      row.name = newName;
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: row.organisationId, action: 'unit.renamed', target: `Unit:${id}`, before, after: { name: newName } });
      return row;
    });
  },

  addAddress: async (_p, { unitId, input }, ctx) => {
    const unit = await unitForUpdate(ctx, unitId);
    const data = validated(() => parseAddress(input, ''));
    return ctx.em.transactional(async (tx) => {
      const address = tx.create(AddressEntity, { ...data, unitId: unit.id });
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: unit.organisationId, action: 'unit.address_added', target: `Unit:${unit.id}`, after: pick(address, ['id', 'street', 'postalCode', 'city'] as const) });
      return address;
    });
  },

  removeAddress: async (_p, { id }, ctx) => {
    requireActor(ctx.actor);
    const address = await ctx.loaders.address.load(id);
    if (!address) throw notFound('There is no such address.', 'ADDRESS_NOT_FOUND');
    const unit = await unitForUpdate(ctx, address.unitId);
    const siblings = await ctx.loaders.addressesByUnit.load(unit.id);
    // R-ORG-3: a unit keeps one or more addresses.
    if (siblings.length <= 1) throw badInput('id', 'This is the unit\'s only address: add another before removing it.', 'LAST_ADDRESS_OF_UNIT');
    const result = await ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(AddressEntity, { id });
      const before = pick(row, ['id', 'street', 'postalCode', 'city'] as const);
      tx.remove(row);
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: unit.organisationId, action: 'unit.address_removed', target: `Unit:${unit.id}`, before });
      return tx.findOneOrFail(UnitEntity, { id: unit.id });
    });
    // The request's loaders saw the address list before the removal.
    ctx.loaders.addressesByUnit.clear(unit.id);
    ctx.loaders.address.clear(id);
    return result;
  },

  closeUnit: async (_p, { id }, ctx) => {
    await unitForUpdate(ctx, id);
    return ctx.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(UnitEntity, { id });
      row.closedAt = new Date();
      await tx.flush();
      await audit(tx, ctx.actor!, { organisationId: row.organisationId, action: 'unit.closed', target: `Unit:${id}`, before: { closed: false }, after: { closed: true, closedAt: row.closedAt.toISOString() } });
      return row;
    });
  },
};

