import { DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Organisation, AuditEvent } from './Organisation';
import { Person, Receipt, Session, SigningOrder } from './Orders';
import { Mutation, Query } from './Query';
import { Mutation as WebhookMutation } from '../modules/webhooks/resolvers/Mutation';
import { Organisation as WebhookOrganisation } from '../modules/webhooks/resolvers/Organisation';
import { EventSubscription, WebhookDelivery } from '../modules/webhooks/resolvers/EventSubscription';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar, AuditEvent, Person, Receipt, Session, SigningOrder, Query,
  Organisation: { ...Organisation, ...WebhookOrganisation },
  Mutation: { ...Mutation, ...WebhookMutation },
  EventSubscription, WebhookDelivery,
  ApiClient: { organisation: (c) => ({ __typename: 'Organisation', id: c.organisationId }), revokedAt: (c) => c.revokedAt ?? null },
};
