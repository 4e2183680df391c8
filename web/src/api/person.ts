import { graphql } from '../gql';

/** One person as an administrator sees them: every membership the viewer may see (R-USR-2 levels 1–3). */
export const PersonPageDocument = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id givenName surname birthDate email
      memberships {
        organisation { id name }
        email
        version
        units { id name }
        addresses { id street postalCode city }
        employments { unit { id name } schoolFormCode validTo addressIds }
        roles { id validFrom validTo role { code name system isPermissionAdmin } }
      }
    }
  }
`);

/** What the person page needs of the organisation in the URL: units (for the dialogs) and the open changes. */
export const PersonOrganisationDocument = graphql(`
  query PersonOrganisation($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      name
      units { id name closed schoolForms { code name } addresses { id street city } }
      changesToSign {
        id status
        changes { id kind person { personId givenName surname birthDate } roles { code name } unitIds validFrom validTo }
      }
    }
  }
`);
