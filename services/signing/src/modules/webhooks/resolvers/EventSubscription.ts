import type { EventSubscriptionResolvers, WebhookDeliveryResolvers } from '../../../generated/resolvers-types';
import { requireSubscriptionAdmin } from '../../../policy/signing.policy';
import { findSubscription } from '../webhooks.store';

const MAX_DELIVERIES = 50;

export const EventSubscription: EventSubscriptionResolvers = {
  __resolveReference: async (ref, ctx) => {
    const row = await findSubscription(ctx.em, ref.id);
    if (!row) return null;
    await requireSubscriptionAdmin(ctx, row.organisationId);
    return row;
  },
  organisation: (s) => ({ __typename: 'Organisation', id: s.organisationId }),
  active: (s) => s.active && !s.removedAt,
  deliveries: async (s, { first }, ctx) => {
    const all = await ctx.stores.webhooks.recentWebhookDeliveries.load(s.id);
    return all.slice(0, Math.max(0, Math.min(first ?? 20, MAX_DELIVERIES)));
  },
};

export const WebhookDelivery: WebhookDeliveryResolvers = {};
