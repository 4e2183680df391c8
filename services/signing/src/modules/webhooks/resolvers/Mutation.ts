import type { MutationResolvers } from '../../../generated/resolvers-types';
import { subscribeToEvents, unsubscribeFromEvents } from '../webhooks.service';

/** R-HOOK-1 mutations: thin, the service checks and writes. */
export const Mutation: Pick<MutationResolvers, 'subscribeToEvents' | 'unsubscribeFromEvents'> = {
  subscribeToEvents: (_p, { organisationId, input }, ctx) => subscribeToEvents(ctx, organisationId, input),
  unsubscribeFromEvents: (_p, { id }, ctx) => unsubscribeFromEvents(ctx, id),
};
