import { DateTimeScalar } from '@behorig/kit/server';
import type { Resolvers } from './generated/resolvers-types';
import { AuditEvent } from './modules/audit/resolvers/AuditEvent';
import { Organisation as AuditOrganisation } from './modules/audit/resolvers/Organisation';
import { Query as AuditQuery } from './modules/audit/resolvers/Query';
import { Mutation as OrdersMutation } from './modules/orders/resolvers/Mutation';
import { Person } from './modules/orders/resolvers/Person';
import { Query as OrdersQuery } from './modules/orders/resolvers/Query';
import { Receipt } from './modules/orders/resolvers/Receipt';
import { Session } from './modules/orders/resolvers/Session';
import { SigningOrder } from './modules/orders/resolvers/SigningOrder';
import { ApiClient } from './modules/partners/resolvers/ApiClient';
import { Mutation as PartnersMutation } from './modules/partners/resolvers/Mutation';
import { Organisation as PartnersOrganisation } from './modules/partners/resolvers/Organisation';
import { EventSubscription, WebhookDelivery } from './modules/webhooks/resolvers/EventSubscription';
import { Mutation as WebhooksMutation } from './modules/webhooks/resolvers/Mutation';
import { Organisation as WebhooksOrganisation } from './modules/webhooks/resolvers/Organisation';

/**
 * The subgraph's resolver map: each feature module contributes the fields of a type it owns
 * (modules/<feature>/resolvers/<Type>.ts); a type shared by features is merged here.
 */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  // Organisations are owned by the organisations subgraph: signing knows them by id only.
  Organisation: { __resolveReference: (ref) => ({ id: ref.id }), ...AuditOrganisation, ...PartnersOrganisation, ...WebhooksOrganisation },
  AuditEvent, Person, Receipt, Session, SigningOrder, ApiClient, EventSubscription, WebhookDelivery,
  Query: { ...OrdersQuery, ...AuditQuery },
  Mutation: { ...OrdersMutation, ...PartnersMutation, ...WebhooksMutation },
};
