import { useQuery } from 'urql';
import { graphql } from '../gql';

/**
 * What the menu may offer in this organisation: the staff list and the log both need
 * MANAGE_USERS at READ (R-ROLE-2a, R-AUDIT-3); the authority always has it.
 */
export const NavAccessDocument = graphql(`
  query NavAccess($organisationId: ID!) {
    users: myAccess(organisationId: $organisationId, function: "MANAGE_USERS", access: READ) { allowed }
  }
`);

export interface NavAccess { loaded: boolean; users: boolean }

export function useNavAccess(organisationId: string): NavAccess {
  const [{ data, error }] = useQuery({ query: NavAccessDocument, variables: { organisationId }, pause: !organisationId });
  return { loaded: !!data || !!error, users: !!data?.users?.allowed };
}
