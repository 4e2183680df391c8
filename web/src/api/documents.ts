import { graphql } from '../gql';

/** Who am I, and in which organisations (R-ORG-4). */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      givenName
      surname
      memberships {
        organisation { id name orgNumber kind }
        employments { unit { id } schoolFormCode validTo }
        roles { id validFrom validTo role { code name system orgWideOnly isPermissionAdmin isResponsible } }
      }
    }
  }
`);

/**
 * The staff list, searched, filtered and sorted by the server across all pages (search: name,
 * birth date, e-mail, role, unit; filters: status, role). Birth dates only (R-USR-1).
 */
export const StaffDocument = graphql(`
  query Staff($id: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {
    organisation(id: $id) {
      id
      name
      units { id name closed schoolForms { code name } addresses { id street city } }
      staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id givenName surname birthDate email
            memberships {
              organisation { id }
              email
              employments { unit { id name } schoolFormCode validTo addressIds }
              addresses { id street city }
              roles { id validFrom validTo role { code name isPermissionAdmin } }
            }
          }
        }
      }
    }
  }
`);

export const RoleCatalogueDocument = graphql(`
  query RoleCatalogue {
    roles { code name system orgWideOnly isPermissionAdmin }
  }
`);

export const ChangesToSignDocument = graphql(`
  query ChangesToSign($id: ID!) {
    organisation(id: $id) {
      id
      changesToSign {
        id status digest signingText canSign
        changes {
          id kind
          person { personId givenName surname birthDate email }
          roles { code name }
          unitIds schoolFormCodes validFrom validTo
        }
      }
    }
  }
`);

export const ProposeStaffDocument = graphql(`
  mutation ProposeStaff($organisationId: ID!, $input: StaffInput!) {
    proposeStaff(organisationId: $organisationId, input: $input) { id kind }
  }
`);

export const ProposeStaffChangeDocument = graphql(`
  mutation ProposeStaffChange($organisationId: ID!, $personId: ID!, $input: StaffChangeInput!) {
    proposeStaffChange(organisationId: $organisationId, personId: $personId, input: $input) { id kind }
  }
`);

export const ProposeStaffRemovalDocument = graphql(`
  mutation ProposeStaffRemoval($organisationId: ID!, $personId: ID!) {
    proposeStaffRemoval(organisationId: $organisationId, personId: $personId) { id kind }
  }
`);

export const DiscardPendingChangeDocument = graphql(`
  mutation DiscardPendingChange($id: ID!) {
    discardPendingChange(id: $id) { id status changes { id } }
  }
`);

export const ChangeAuthorisationPeriodDocument = graphql(`
  mutation ChangeAuthorisationPeriod($organisationId: ID!, $personIds: [ID!]!, $validTo: Date!) {
    changeAuthorisationPeriod(organisationId: $organisationId, personIds: $personIds, validTo: $validTo) { id }
  }
`);

export const EndEmploymentPreviewDocument = graphql(`
  query EndEmploymentPreview($input: EndEmploymentInput!) {
    endEmploymentPreview(input: $input) {
      endDate
      assignments { unit { id name } schoolFormCode role { code name } validTo previousValidTo }
    }
  }
`);

export const EndEmploymentDocument = graphql(`
  mutation EndEmployment($input: EndEmploymentInput!) {
    endEmployment(input: $input) { endDate assignments { unit { id } role { code } validTo } }
  }
`);

/** For the authority (no memberships of its own): every organisation, for the switcher. */
export const OrganisationListDocument = graphql(`
  query OrganisationList($first: Int) {
    organisations(first: $first) { totalCount edges { node { id name orgNumber kind } } }
  }
`);
