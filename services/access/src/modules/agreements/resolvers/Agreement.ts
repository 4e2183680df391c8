import { parsePersonalNumber } from '@behorig/kit/identity';
import { requireActor } from '@behorig/kit/auth';
import type { AgreementResolvers } from '../../../generated/resolvers-types';
import { effectiveAgreementStatus } from '../rules/last-administrator.rules';
import { maySeeAgreementOf } from '../../../policy/access.policy';

export const Agreement: AgreementResolvers = {
  __resolveReference: async (ref, ctx) => {
    requireActor(ctx.actor);
    const row = await ctx.loaders.agreement.load(ref.id);
    return row && (await maySeeAgreementOf(ctx, row.organisationId)) ? row : null;
  },
  organisation: (a) => ({ __typename: 'Organisation', id: a.organisationId }),
  /** R-AGR-3 with R-PERIOD-5: computed from the administrators' periods on the day asked. */
  status: async (a, _x, ctx) => effectiveAgreementStatus(a.status, await ctx.loaders.administratorsByOrganisation.load(a.organisationId), ctx.today),
  administrator: (a, _x, ctx) => ({ personId: null, givenName: a.adminGivenName, surname: a.adminSurname, birthDate: parsePersonalNumber(ctx.deps.vault.open(a.adminPersonalNumberEnc)).birthDate, email: a.adminEmail ?? null }),
};
