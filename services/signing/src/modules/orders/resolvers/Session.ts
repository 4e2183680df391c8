import { notFound } from '@behorig/kit/errors';
import type { SessionResolvers } from '../../../generated/resolvers-types';

export const Session: SessionResolvers = {
  person: (s) => {
    if (!s.personId) throw notFound('Authority staff without a person record have no Person.', 'PERSON_NOT_FOUND');
    return { __typename: 'Person', id: s.personId };
  },
};
