import { isAuthority, requireActor, type Actor } from '@behorig/kit/auth';
import { forbidden } from '@behorig/kit/errors';
import type { PermissionClient } from '@behorig/kit/permissions';

/**
 * The one place this subgraph decides who may do what. Root fields, nested fields, mutations
 * and every `__resolveReference` ask it; nothing else in `src/` checks an actor or a function.
 * Each decision throws (UNAUTHENTICATED, FORBIDDEN) and returns the actor when allowed; what
 * the access service knows (roles, periods, the role matrix) it asks through kit's PermissionClient,
 * memoised per request.
 *
 * - The directory — an organisation's id, number, name and kind, its units and offices, the
 *   service and school-form catalogues — is readable by anyone signed in (R-AUTH-4): other
 *   subgraphs show it next to memberships.
 * - Contact details, contact persons and payment accounts are the organisation's own business
 *   (R-ROLE-2): CONTACT_PERSON or ACCOUNT_INFO in that organisation, or the authority (R-ROLE-3).
 */
export function createPolicy(actor: Actor | null, permissions: PermissionClient) {
  return {
    /** R-AUTH-4: the directory and every entity reference: anyone signed in, nobody else. */
    readDirectory: (): Actor => requireActor(actor),

    /** Postal address, phone, fax, website and contact persons (R-ROLE-2, CONTACT_PERSON, READ). */
    readContactDetails: (organisationId: string): Promise<void> => permissions.require('CONTACT_PERSON', 'READ', organisationId),

    /** R-ROLE-2: ACCOUNT_INFO (READ). */
    readPaymentAccounts: (organisationId: string): Promise<void> => permissions.require('ACCOUNT_INFO', 'READ', organisationId),

    /** Registering an organisation is the authority's (R-ROLE-3). */
    createOrganisation: (): Actor => {
      const who = requireActor(actor);
      permissions.requireAuthority('create organisations');
      return who;
    },

    /** CONTACT_PERSON (UPDATE) changes contact details; only the authority renames an organisation. */
    changeOrganisation: async (organisationId: string, { renames }: { renames: boolean }): Promise<Actor> => {
      const who = requireActor(actor);
      await permissions.require('CONTACT_PERSON', 'UPDATE', organisationId);
      if (renames && !isAuthority(who)) throw forbidden('Only the authority may rename an organisation.', 'AUTHORITY_ONLY');
      return who;
    },

    /** Units, their offices and closing them: PERFORMING_UNIT (UPDATE) in the unit's organisation (R-ROLE-2). */
    changeUnits: async (organisationId: string): Promise<Actor> => {
      const who = requireActor(actor);
      await permissions.require('PERFORMING_UNIT', 'UPDATE', organisationId);
      return who;
    },

    /** R-ROLE-2: CONTACT_PERSON (UPDATE). */
    changeContactPersons: async (organisationId: string): Promise<Actor> => {
      const who = requireActor(actor);
      await permissions.require('CONTACT_PERSON', 'UPDATE', organisationId);
      return who;
    },

    /** R-ROLE-2: ACCOUNT_INFO (UPDATE). */
    changePaymentAccounts: async (organisationId: string): Promise<Actor> => {
      const who = requireActor(actor);
      await permissions.require('ACCOUNT_INFO', 'UPDATE', organisationId);
      return who;
    },

    /** Reviewing a payment account is the authority's (R-ORG-1, R-ROLE-3). */
    reviewPaymentAccounts: (): Actor => {
      const who = requireActor(actor);
      permissions.requireAuthority('review payment accounts');
      return who;
    },

    /** The service catalogue is the authority's (R-ORG-2); `what` names the change in the refusal. */
    changeCatalogue: (what: string): Actor => {
      const who = requireActor(actor);
      permissions.requireAuthority(what);
      return who;
    },
  };
}
export type Policy = ReturnType<typeof createPolicy>;
