import { DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Organisation, AuditEvent } from './Organisation';
import { Person, Receipt, Session, SigningOrder } from './Orders';
import { Mutation, Query } from './Query';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar, Organisation, AuditEvent, Person, Receipt, Session, SigningOrder, Query, Mutation,
  ApiClient: { organisation: (c) => ({ __typename: 'Organisation', id: c.organisationId }), revokedAt: (c) => c.revokedAt ?? null },
};
