import type { MutationResolvers } from '../generated/resolvers-types';
import { organisationMutations } from './mutations/organisation-mutations';
import { unitMutations } from './mutations/unit-mutations';
import { contactMutations } from './mutations/contact-mutations';

/** Every mutation checks permission and input before it writes, then writes and audits in one transaction. */
export const Mutation: MutationResolvers = { ...organisationMutations, ...unitMutations, ...contactMutations };
