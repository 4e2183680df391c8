import * as roleCatalogue from './roles/rules/role-catalogue.data';
import * as accessLevel from './roles/rules/access-level.rules';
import * as authorisationPeriod from './memberships/rules/authorisation-period.rules';
import * as endEmployment from './memberships/rules/end-employment.rules';
import * as membership from './scopes/rules/membership.rules';
import * as lastAdministrator from './agreements/rules/last-administrator.rules';
import * as changeSet from './changes/rules/change-set.rules';
import * as ruleErrors from './rule-errors';

/** Where each rule lives (docs/architecture.md: `src/modules/<feature>/rules/`), so a rule id leads to one file. */
describe('the rule modules', () => {
  it('R-ROLE-1: the catalogue and every rule module export their rules from their feature', () => {
    const modules: [Record<string, unknown>, string[]][] = [
      [roleCatalogue, ['roles', 'functions', 'systems', 'catalogueRolesByCode', 'indexRoles']],
      [accessLevel, ['grantsAccess', 'holdsFunction']],
      [authorisationPeriod, ['isActiveOn', 'latestEndDate', 'validatePeriod', 'planPeriodChange']],
      [membership, ['computePermissionScopes', 'checkAccess', 'validateStaffGrant']],
      [lastAdministrator, ['wouldLeaveNoAdministrator', 'activateBy', 'nextAgreementStatus', 'adminCountWarning']],
      [endEmployment, ['planEndEmployment']],
      [ruleErrors, ['ForbiddenRuleError', 'ConflictRuleError']],
      [changeSet, ['changeSetDigest', 'signingText', 'nextChangeSetStatus']],
    ];
    for (const [mod, names] of modules) {
      for (const name of names) expect([name, typeof mod[name]]).toEqual([name, expect.stringMatching(/function|object/)]);
    }
  });
});
