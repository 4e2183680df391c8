import { useQuery } from 'urql';
import { graphql } from '../gql';

/** R-NOTE-1: the organisation's notices (the badge counts them). */
export const NoticesDocument = graphql(`
  query Notices($organisationId: ID!, $days: Int) {
    organisation(id: $organisationId) {
      id
      notices(endingWithinDays: $days) { kind validTo message person { id givenName surname } }
    }
  }
`);

/** R-REV-1: the organisation's reviews with their progress. */
export const AccessReviewsDocument = graphql(`
  query AccessReviews($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      accessReviews {
        id deadline status endUndecidedAtDeadline
        all: items(first: 0) { totalCount }
        left: items(decided: false, first: 0) { totalCount }
      }
    }
  }
`);

export const AccessReviewItemsDocument = graphql(`
  query AccessReviewItems($id: ID!, $decided: Boolean, $first: Int, $after: String) {
    accessReview(id: $id) {
      id deadline status
      items(decided: $decided, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id decision endDate person { id givenName surname } assignment { id validFrom validTo role { code name } } } }
      }
    }
  }
`);

export const StartAccessReviewDocument = graphql(`
  mutation StartAccessReview($input: StartAccessReviewInput!) {
    startAccessReview(input: $input) { id deadline status endUndecidedAtDeadline }
  }
`);

export const DecideReviewItemsDocument = graphql(`
  mutation DecideReviewItems($reviewId: ID!, $decisions: [ReviewDecisionInput!]!) {
    decideReviewItems(reviewId: $reviewId, decisions: $decisions) { id status changes { id } }
  }
`);

/** How many notices the organisation has (null while unknown or not allowed). */
export function useNoticeCount(organisationId: string, enabled: boolean): number | null {
  const [{ data }] = useQuery({ query: NoticesDocument, variables: { organisationId, days: 30 }, pause: !organisationId || !enabled, requestPolicy: 'cache-and-network' });
  return data?.organisation?.notices ? data.organisation.notices.length : null;
}
