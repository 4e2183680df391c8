import type { MutationResolvers } from '../../../generated/resolvers-types';
import {
  changeContactPerson, changePaymentAccount, createContactPerson, createPaymentAccount, removeContactPerson, removePaymentAccount, reviewPaymentAccount,
} from '../contacts.service';

export const Mutation: Pick<MutationResolvers,
  'createContactPerson' | 'changeContactPerson' | 'removeContactPerson' |
  'createPaymentAccount' | 'changePaymentAccount' | 'removePaymentAccount' | 'reviewPaymentAccount'> = {
  createContactPerson: (_p, { organisationId, input }, ctx) => createContactPerson(ctx, organisationId, input),
  changeContactPerson: (_p, { id, input }, ctx) => changeContactPerson(ctx, id, input),
  removeContactPerson: (_p, { id }, ctx) => removeContactPerson(ctx, id),
  createPaymentAccount: (_p, { organisationId, input }, ctx) => createPaymentAccount(ctx, organisationId, input),
  changePaymentAccount: (_p, { id, input }, ctx) => changePaymentAccount(ctx, id, input),
  removePaymentAccount: (_p, { id }, ctx) => removePaymentAccount(ctx, id),
  reviewPaymentAccount: (_p, { id, status }, ctx) => reviewPaymentAccount(ctx, id, status),
};
