import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Organisation } from './Organisation';
import { Unit } from './Unit';
import { Service, Address } from './Catalogue';

export const resolvers: Resolvers = { Query, Organisation, Unit, Service, Address };
