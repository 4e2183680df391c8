import { connection, pageArgs } from '@behorig/kit/db';
import { notFound, conflict } from '@behorig/kit/errors';
import { parseOrgNumber } from '@behorig/kit/identity';
import type { ChangeOrganisationInput, CreateOrganisationInput } from '../../generated/resolvers-types';
import type { Context } from '../../context';
import { optionalPhone, optionalText, optionalWebsite, requiredText } from '../shared/rules/text.rules';
import { normaliseSearch } from './rules/organisation-search.rules';
import { validated } from '../shared/validated';
import { changedFields } from '../shared/db';
import { pick } from '../shared/audit';
import type { OrganisationRow } from './organisations.store';

const ORG_FIELDS = ['orgNumber', 'name', 'kind', 'postalAddress', 'phone', 'fax', 'website'] as const;

/** R-ID-3: any accepted form of the number finds the organisation; an invalid one is BAD_USER_INPUT. */
export async function organisationByNumber(ctx: Context, orgNumber: string): Promise<OrganisationRow | null> {
  ctx.policy.readDirectory();
  const canonical = validated(() => parseOrgNumber(orgNumber, 'orgNumber'));
  return ctx.stores.organisations.byNumber(canonical);
}

/** Name or number, one page ordered by name (the search rules: `rules/organisation-search.rules.ts`). */
export async function searchOrganisations(ctx: Context, args: { search?: string | null; first?: number | null; after?: string | null }) {
  ctx.policy.readDirectory();
  const { limit, offset } = pageArgs(args.first, args.after);
  const { rows, total } = await ctx.stores.organisations.page(normaliseSearch(args.search), limit, offset);
  return connection(rows, offset, limit, total);
}

/** R-ORG-1, R-ID-3: the authority registers an organisation once per number. */
export async function createOrganisation(ctx: Context, input: CreateOrganisationInput): Promise<OrganisationRow> {
  const who = ctx.policy.createOrganisation();
  const data = validated(() => ({
    orgNumber: parseOrgNumber(input.orgNumber, 'orgNumber'),
    name: requiredText(input.name, 'name', 'The name'),
    kind: input.kind,
    postalAddress: optionalText(input.postalAddress, 'postalAddress', 'The postal address'),
    phone: optionalPhone(input.phone, 'phone'),
    fax: optionalPhone(input.fax, 'fax'),
    website: optionalWebsite(input.website, 'website'),
  }));
  if (await ctx.stores.organisations.numberTaken(data.orgNumber)) {
    throw conflict(`An organisation with number ${data.orgNumber} is already registered.`, 'ORGANISATION_EXISTS');
  }
  return ctx.transaction(async (tx) => {
    const org = await tx.stores.organisations.insert(data);
    await tx.audit(who, { organisationId: org.id, action: 'organisation.created', target: `Organisation:${org.id}`, after: pick(org, ORG_FIELDS) });
    await tx.publish.organisations([org.id]);
    return org;
  });
}

/** R-ORG-1: contact details by CONTACT_PERSON (UPDATE); the name by the authority only. */
export async function changeOrganisation(ctx: Context, id: string, input: ChangeOrganisationInput): Promise<OrganisationRow> {
  ctx.policy.readDirectory();
  const current = await ctx.stores.organisations.byId.load(id);
  if (!current) throw notFound('There is no such organisation.', 'ORGANISATION_NOT_FOUND');
  const who = await ctx.policy.changeOrganisation(id, { renames: input.name !== undefined });
  const changes = validated(() => ({
    ...(input.name !== undefined ? { name: requiredText(input.name, 'name', 'The name') } : {}),
    ...(input.postalAddress !== undefined ? { postalAddress: optionalText(input.postalAddress, 'postalAddress', 'The postal address') } : {}),
    ...(input.phone !== undefined ? { phone: optionalPhone(input.phone, 'phone') } : {}),
    ...(input.fax !== undefined ? { fax: optionalPhone(input.fax, 'fax') } : {}),
    ...(input.website !== undefined ? { website: optionalWebsite(input.website, 'website') } : {}),
  }));
  return ctx.transaction(async (tx) => {
    const row = (await tx.stores.organisations.forUpdate(id))!;
    const org = await tx.stores.organisations.update(id, changedFields(row, changes));
    await tx.audit(who, { organisationId: id, action: 'organisation.changed', target: `Organisation:${id}`, before: pick(row, ORG_FIELDS), after: pick(org, ORG_FIELDS) });
    // Access keeps organisation names (the digest mail, agreements); only a rename changes its fact.
    if (row.name !== org.name) await tx.publish.organisations([id]);
    return org;
  });
}
