import { connection, pageArgs, parseOrgNumber, requireActor, ValidationError, toBadInput } from '@behorig/kit';
import type { QueryResolvers } from '../generated/resolvers-types';
import { OrganisationEntity } from '../entities/organisation.entity';
import { SchoolFormEntity, ServiceEntity } from '../entities/catalogue.entity';

export const Query: QueryResolvers = {
  organisation: async (_p, { id }, { actor, loaders }) => {
    requireActor(actor);
    return loaders.organisation.load(id);
  },
  organisationByNumber: async (_p, { orgNumber }, { actor, em }) => {
    requireActor(actor);
    let canonical: string;
    try {
      canonical = parseOrgNumber(orgNumber, 'orgNumber');
    } catch (e) {
      if (e instanceof ValidationError) throw toBadInput(e);
      throw e;
    }
    return em.findOne(OrganisationEntity, { orgNumber: canonical });
  },
  organisations: async (_p, { search, first, after }, { actor, em }) => {
    requireActor(actor);
    const { limit, offset } = pageArgs(first, after);
    const term = search?.trim().toLowerCase();
    const where = term ? { $or: [{ name: { $ilike: `%${escapeLike(term)}%` } }, { orgNumber: { $like: `%${escapeLike(term)}%` } }] } : {};
    const [rows, total] = await em.findAndCount(OrganisationEntity, where, { orderBy: { name: 'asc', id: 'asc' }, limit, offset });
    return connection(rows, offset, limit, total);
  },
  services: async (_p, _a, { actor, em }) => {
    requireActor(actor);
    return em.find(ServiceEntity, {}, { orderBy: { name: 'asc' } });
  },
  schoolForms: async (_p, _a, { actor, em }) => {
    requireActor(actor);
    return em.find(SchoolFormEntity, {}, { orderBy: { name: 'asc' } });
  },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
