import { DateTimeScalar } from '@behorig/kit/server';
import type { Resolvers } from '../generated/resolvers-types';
import * as organisations from './organisations/resolvers';
import * as units from './units/resolvers';
import * as contacts from './contacts/resolvers';
import * as catalogue from './catalogue/resolvers';

/** Each feature answers its own fields; a type's resolvers are the union of the features' (docs/architecture.md). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...organisations.Query, ...catalogue.Query },
  Mutation: { ...organisations.Mutation, ...units.Mutation, ...contacts.Mutation, ...catalogue.Mutation },
  Organisation: { ...organisations.Organisation, ...units.Organisation, ...contacts.Organisation },
  Unit: units.Unit,
  Address: units.Address,
  ContactPerson: contacts.ContactPerson,
  PaymentAccount: contacts.PaymentAccount,
  Service: catalogue.Service,
  SchoolForm: catalogue.SchoolForm,
};
