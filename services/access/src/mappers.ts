import type { PersonRow } from './modules/people/people.store';

/** Parent types of GraphQL objects that are not plain entity rows (codegen mappers). */
export interface PersonSummaryRow {
  personId: string | null;
  givenName: string;
  surname: string;
  birthDate: string;
  email: string | null;
}

export interface StaffConnectionRow {
  edges: { cursor: string; node: PersonRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface OrganisationRef {
  __typename?: 'Organisation';
  id: string;
}

export interface SigningOrderRef {
  __typename: 'SigningOrder';
  orderRef: string;
}
