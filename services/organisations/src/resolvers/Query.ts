import { connection, pageArgs, parseOrgNumber, requireActor, escapeLike } from '@behorig/kit';
import type { QueryResolvers } from '../generated/resolvers-types';
import { OrganisationEntity } from '../entities/organisation.entity';
import { SchoolFormEntity, ServiceEntity } from '../entities/catalogue.entity';
import { normaliseSearch } from '../domain/organisation-search.rules';
import { validated } from '../validated';

/**
 * The search expression is exactly the one indexed by `organisation_search_idx` (trigram GIN,
 * migration 001), so `LIKE '%term%'` uses the index instead of scanning; ordering by (name, id)
 * uses `organisation_name_idx`.
 */
export const SEARCH_EXPR = `(lower(o.name) || ' ' || o.org_number)`;

export const Query: QueryResolvers = {
  organisation: async (_p, { id }, { actor, loaders }) => {
    requireActor(actor);
    return loaders.organisation.load(id);
  },
  organisationByNumber: async (_p, { orgNumber }, { actor, em }) => {
    requireActor(actor);
    const canonical = validated(() => parseOrgNumber(orgNumber, 'orgNumber'));
    return em.findOne(OrganisationEntity, { orgNumber: canonical });
  },
  organisations: async (_p, { search, first, after }, { actor, em }) => {
    requireActor(actor);
    const { limit, offset } = pageArgs(first, after);
    const term = normaliseSearch(search);
    const where = term ? `WHERE ${SEARCH_EXPR} LIKE ?` : '';
    const params = term ? [`%${escapeLike(term)}%`] : [];
    const [rows, [{ total }]] = await Promise.all([
      em.execute(`SELECT o.* FROM organisations.organisation o ${where} ORDER BY o.name, o.id LIMIT ? OFFSET ?`, [...params, limit, offset]),
      em.execute<{ total: string }[]>(`SELECT count(*) AS total FROM organisations.organisation o ${where}`, params),
    ]);
    return connection(rows.map((r) => em.map(OrganisationEntity, r)), offset, limit, Number(total));
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

