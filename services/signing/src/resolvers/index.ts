import { DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Organisation, AuditEvent } from './Organisation';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Organisation, AuditEvent };
