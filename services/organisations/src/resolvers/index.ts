import { DateTimeScalar } from '@behorig/kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Organisation } from './Organisation';
import { Unit } from './Unit';
import { Service, Address, SchoolForm } from './Catalogue';
import { ContactPerson, PaymentAccount } from './Contact';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Organisation, Unit, Service, Address, ContactPerson, PaymentAccount, SchoolForm };
