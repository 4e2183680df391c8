import { useQuery } from 'urql';
import { graphql } from '../gql';

/** The caller's own access decisions for the functions the screens gate on (R-ROLE-2). */
export const MyAccessDocument = graphql(`
  query MyAccess($organisationId: ID!) {
    manageUsers: myAccess(organisationId: $organisationId, function: "MANAGE_USERS", access: UPDATE) { allowed }
    contactPerson: myAccess(organisationId: $organisationId, function: "CONTACT_PERSON", access: UPDATE) { allowed }
    accountInfo: myAccess(organisationId: $organisationId, function: "ACCOUNT_INFO", access: UPDATE) { allowed }
  }
`);

export interface MyAccess { manageUsers: boolean; contactPerson: boolean; accountInfo: boolean }

export function useMyAccess(organisationId: string): MyAccess {
  const [{ data }] = useQuery({ query: MyAccessDocument, variables: { organisationId } });
  return {
    manageUsers: !!data?.manageUsers.allowed,
    contactPerson: !!data?.contactPerson.allowed,
    accountInfo: !!data?.accountInfo.allowed,
  };
}
