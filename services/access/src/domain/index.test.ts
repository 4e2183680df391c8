import * as domain from './index';

describe('the domain index', () => {
  it('R-ROLE-1: re-exports the catalogue and every rule module', () => {
    for (const name of [
      'roles', 'functions', 'systems', 'catalogueRolesByCode', 'indexRoles',
      'grantsAccess', 'holdsFunction',
      'isActiveOn', 'latestEndDate', 'validatePeriod', 'planPeriodChange',
      'computePermissionScopes', 'checkAccess', 'validateStaffGrant',
      'wouldLeaveNoAdministrator', 'activateBy', 'nextAgreementStatus', 'adminCountWarning',
      'planEndEmployment', 'ForbiddenRuleError', 'ConflictRuleError',
      'changeSetDigest', 'signingText', 'nextChangeSetStatus',
    ]) {
      expect([name, typeof (domain as Record<string, unknown>)[name]]).toEqual([name, expect.stringMatching(/function|object/)]);
    }
  });
});
