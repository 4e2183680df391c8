import { forbidden, isAuthority, unauthenticated, type Actor } from '@behorig/kit';
import type { AccessLevel, FunctionCode, PermissionSource } from '../clients/access.client';

/** Per request: answers with the actor and header bound, memoised so one request asks each question once. */
export interface Permissions {
  can(fn: FunctionCode, access: AccessLevel, organisationId: string): Promise<boolean>;
  /** Throws FORBIDDEN unless allowed. */
  require(fn: FunctionCode, access: AccessLevel, organisationId: string): Promise<void>;
  requireAuthority(what: string): void;
}

export function bindPermissions(actor: Actor | null, source: PermissionSource, authorization: string | undefined): Permissions {
  const memo = new Map<string, Promise<boolean>>();
  const can = (fn: FunctionCode, access: AccessLevel, organisationId: string): Promise<boolean> => {
    if (!actor) return Promise.reject(unauthenticated());
    // The authority may do everything (R-ROLE-3); no need to ask.
    if (isAuthority(actor)) return Promise.resolve(true);
    const key = `${fn}|${access}|${organisationId}`;
    let answer = memo.get(key);
    if (!answer) {
      answer = source.can(actor, fn, access, organisationId, authorization);
      memo.set(key, answer);
    }
    return answer;
  };
  return {
    can,
    require: async (fn, access, organisationId) => {
      if (!(await can(fn, access, organisationId))) {
        throw forbidden(`You need ${fn} ${access} in this organisation to do this.`, 'FUNCTION_REQUIRED');
      }
    },
    requireAuthority: (what) => {
      if (!actor) throw unauthenticated();
      if (!isAuthority(actor)) throw forbidden(`Only the authority may ${what}.`, 'AUTHORITY_ONLY');
    },
  };
}
