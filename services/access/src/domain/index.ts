/** The access subgraph's pure domain rules (docs/domain.md: R-AGR, R-USR, R-ROLE, R-PERIOD, R-END, R-SCOPE, R-SIGN). */
export * from './role-catalogue.data';
export * from './domain-errors';
export * from './access-level.rules';
export * from './authorisation-period.rules';
export * from './membership.rules';
export * from './last-administrator.rules';
export * from './end-employment.rules';
export * from './change-set.rules';
