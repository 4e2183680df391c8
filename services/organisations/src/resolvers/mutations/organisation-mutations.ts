import { conflict, forbidden, isAuthority, notFound, parseOrgNumber, requireActor } from '@behorig/kit';
import type { MutationResolvers } from '../../generated/resolvers-types';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { ServiceEntity } from '../../entities/catalogue.entity';
import { optionalPhone, optionalText, optionalWebsite, requiredText } from '../../domain/text.rules';
import { parseServiceCode } from '../../domain/catalogue.rules';
import { validated } from '../../validated';
import { audit, pick } from './audit';

const ORG_FIELDS = ['orgNumber', 'name', 'kind', 'postalAddress', 'phone', 'fax', 'website'] as const;

export const organisationMutations: Pick<MutationResolvers, 'createOrganisation' | 'changeOrganisation' | 'createService' | 'changeService'> = {
  createOrganisation: async (_p, { input }, { actor, em, permissions }) => {
    const who = requireActor(actor);
    permissions.requireAuthority('create organisations');
    const data = validated(() => ({
      orgNumber: parseOrgNumber(input.orgNumber, 'orgNumber'),
      name: requiredText(input.name, 'name', 'The name'),
      kind: input.kind,
      postalAddress: optionalText(input.postalAddress, 'postalAddress', 'The postal address'),
      phone: optionalPhone(input.phone, 'phone'),
      fax: optionalPhone(input.fax, 'fax'),
      website: optionalWebsite(input.website, 'website'),
    }));
    if (await em.count(OrganisationEntity, { orgNumber: data.orgNumber })) {
      throw conflict(`An organisation with number ${data.orgNumber} is already registered.`, 'ORGANISATION_EXISTS');
    }
    return em.transactional(async (tx) => {
      const org = tx.create(OrganisationEntity, data);
      await tx.flush();
      await audit(tx, who, { organisationId: org.id, action: 'organisation.created', target: `Organisation:${org.id}`, after: pick(org, ORG_FIELDS) });
      return org;
    });
  },

  changeOrganisation: async (_p, { id, input }, { actor, em, loaders, permissions }) => {
    const who = requireActor(actor);
    const current = await loaders.organisation.load(id);
    if (!current) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
    await permissions.require('CONTACT_PERSON', 'UPDATE', id);
    if (input.name !== undefined && !isAuthority(who)) throw forbidden('Only the authority may rename an organisation.', 'AUTHORITY_ONLY');
    const changes = validated(() => ({
      ...(input.name !== undefined ? { name: requiredText(input.name, 'name', 'The name') } : {}),
      ...(input.postalAddress !== undefined ? { postalAddress: optionalText(input.postalAddress, 'postalAddress', 'The postal address') } : {}),
      ...(input.phone !== undefined ? { phone: optionalPhone(input.phone, 'phone') } : {}),
      ...(input.fax !== undefined ? { fax: optionalPhone(input.fax, 'fax') } : {}),
      ...(input.website !== undefined ? { website: optionalWebsite(input.website, 'website') } : {}),
    }));
    return em.transactional(async (tx) => {
      const org = await tx.findOneOrFail(OrganisationEntity, { id });
      const before = pick(org, ORG_FIELDS);
      tx.assign(org, changes);
      await tx.flush();
      await audit(tx, who, { organisationId: id, action: 'organisation.changed', target: `Organisation:${id}`, before, after: pick(org, ORG_FIELDS) });
      return org;
    });
  },

  createService: async (_p, { input }, { actor, em, permissions }) => {
    const who = requireActor(actor);
    permissions.requireAuthority('add services to the catalogue');
    const data = validated(() => ({ code: parseServiceCode(input.code, 'code'), name: requiredText(input.name, 'name', 'The name') }));
    if (await em.count(ServiceEntity, { code: data.code })) throw conflict(`The service ${data.code} already exists.`, 'SERVICE_EXISTS');
    return em.transactional(async (tx) => {
      const service = tx.create(ServiceEntity, data);
      await tx.flush();
      await audit(tx, who, { organisationId: null, action: 'service.created', target: `Service:${data.code}`, after: data });
      return service;
    });
  },

  changeService: async (_p, { code, name }, { actor, em, permissions }) => {
    const who = requireActor(actor);
    permissions.requireAuthority('change the service catalogue');
    const newName = validated(() => requiredText(name, 'name', 'The name'));
    return em.transactional(async (tx) => {
      const service = await tx.findOne(ServiceEntity, { code });
      if (!service) throw notFound(`There is no service ${code}.`, 'SERVICE_NOT_FOUND');
      const before = { code, name: service.name };
      service.name = newName;
      await tx.flush();
      await audit(tx, who, { organisationId: null, action: 'service.changed', target: `Service:${code}`, before, after: { code, name: newName } });
      return service;
    });
  },
};
