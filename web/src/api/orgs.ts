import { useQuery } from 'urql';
import { MeQuery, OrganisationListDocument } from './documents';

export interface OrgChoice { id: string; name: string; orgNumber: string; kind: 'AUTHORITY' | 'MUNICIPALITY' | 'SUPPLIER' | 'EDUCATION_PROVIDER' }

/**
 * The organisations the signed-in person may pick between (R-ORG-4): their memberships; for
 * someone without memberships (the authority's staff) every organisation.
 */
export function useMyOrganisations() {
  const [me] = useQuery({ query: MeQuery });
  const memberships = me.data?.me?.memberships ?? [];
  const needAll = !!me.data && memberships.length === 0;
  const [all] = useQuery({ query: OrganisationListDocument, variables: { first: 100 }, pause: !needAll });
  const orgs: OrgChoice[] = needAll
    ? (all.data?.organisations.edges.map((e) => e.node) ?? [])
    : memberships.map((m) => m.organisation);
  return {
    me: me.data?.me ?? null,
    orgs,
    fetching: me.fetching || (needAll && all.fetching),
    loaded: !!me.data && (!needAll || !!all.data || !!all.error),
    error: me.error ?? all.error,
  };
}
