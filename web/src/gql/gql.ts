/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyAccess($organisationId: ID!) {\n    manageUsers: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: UPDATE) { allowed }\n    contactPerson: myAccess(organisationId: $organisationId, function: \"CONTACT_PERSON\", access: UPDATE) { allowed }\n    accountInfo: myAccess(organisationId: $organisationId, function: \"ACCOUNT_INFO\", access: UPDATE) { allowed }\n  }\n": typeof types.MyAccessDocument,
    "\n  query Me {\n    me {\n      id\n      givenName\n      surname\n      memberships {\n        organisation { id name orgNumber kind }\n        employments { unit { id } schoolFormCode validTo }\n        roles { id validFrom validTo role { code name system orgWideOnly isPermissionAdmin isResponsible } }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Staff($id: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {\n    organisation(id: $id) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id givenName surname birthDate email\n            memberships {\n              organisation { id }\n              email\n              employments { unit { id name } schoolFormCode validTo addressIds }\n              addresses { id street city }\n              roles { id validFrom validTo role { code name isPermissionAdmin } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StaffDocument,
    "\n  query RoleCatalogue {\n    roles { code name system orgWideOnly isPermissionAdmin }\n  }\n": typeof types.RoleCatalogueDocument,
    "\n  query ChangesToSign($id: ID!) {\n    organisation(id: $id) {\n      id\n      changesToSign {\n        id status digest signingText canSign\n        changes {\n          id kind\n          person { personId givenName surname birthDate email }\n          roles { code name }\n          unitIds schoolFormCodes validFrom validTo\n        }\n      }\n    }\n  }\n": typeof types.ChangesToSignDocument,
    "\n  mutation ProposeStaff($organisationId: ID!, $input: StaffInput!) {\n    proposeStaff(organisationId: $organisationId, input: $input) { id kind }\n  }\n": typeof types.ProposeStaffDocument,
    "\n  mutation ProposeStaffChange($organisationId: ID!, $personId: ID!, $input: StaffChangeInput!) {\n    proposeStaffChange(organisationId: $organisationId, personId: $personId, input: $input) { id kind }\n  }\n": typeof types.ProposeStaffChangeDocument,
    "\n  mutation ProposeStaffRemoval($organisationId: ID!, $personId: ID!) {\n    proposeStaffRemoval(organisationId: $organisationId, personId: $personId) { id kind }\n  }\n": typeof types.ProposeStaffRemovalDocument,
    "\n  mutation DiscardPendingChange($id: ID!) {\n    discardPendingChange(id: $id) { id status changes { id } }\n  }\n": typeof types.DiscardPendingChangeDocument,
    "\n  mutation ChangeAuthorisationPeriod($organisationId: ID!, $personIds: [ID!]!, $validTo: Date!) {\n    changeAuthorisationPeriod(organisationId: $organisationId, personIds: $personIds, validTo: $validTo) { id }\n  }\n": typeof types.ChangeAuthorisationPeriodDocument,
    "\n  query EndEmploymentPreview($input: EndEmploymentInput!) {\n    endEmploymentPreview(input: $input) {\n      endDate\n      assignments { unit { id name } schoolFormCode role { code name } validTo previousValidTo }\n    }\n  }\n": typeof types.EndEmploymentPreviewDocument,
    "\n  mutation EndEmployment($input: EndEmploymentInput!) {\n    endEmployment(input: $input) { endDate assignments { unit { id } role { code } validTo } }\n  }\n": typeof types.EndEmploymentDocument,
    "\n  query OrganisationList($first: Int) {\n    organisations(first: $first) { totalCount edges { node { id name orgNumber kind } } }\n  }\n": typeof types.OrganisationListDocument,
    "\n  query Notices($organisationId: ID!, $days: Int) {\n    organisation(id: $organisationId) {\n      id\n      notices(endingWithinDays: $days) { kind validTo message person { id givenName surname } }\n    }\n  }\n": typeof types.NoticesDocument,
    "\n  query AccessReviews($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      accessReviews {\n        id deadline status endUndecidedAtDeadline\n        all: items(first: 0) { totalCount }\n        left: items(decided: false, first: 0) { totalCount }\n      }\n    }\n  }\n": typeof types.AccessReviewsDocument,
    "\n  query AccessReviewItems($id: ID!, $decided: Boolean, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id deadline status\n      items(decided: $decided, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id decision endDate person { id givenName surname } assignment { id validFrom validTo role { code name } } } }\n      }\n    }\n  }\n": typeof types.AccessReviewItemsDocument,
    "\n  mutation StartAccessReview($input: StartAccessReviewInput!) {\n    startAccessReview(input: $input) { id deadline status endUndecidedAtDeadline }\n  }\n": typeof types.StartAccessReviewDocument,
    "\n  mutation DecideReviewItems($reviewId: ID!, $decisions: [ReviewDecisionInput!]!) {\n    decideReviewItems(reviewId: $reviewId, decisions: $decisions) { id status changes { id } }\n  }\n": typeof types.DecideReviewItemsDocument,
    "\n  query NavAccess($organisationId: ID!) {\n    users: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: READ) { allowed }\n  }\n": typeof types.NavAccessDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id givenName surname birthDate email\n      memberships {\n        organisation { id name }\n        email\n        version\n        units { id name }\n        addresses { id street postalCode city }\n        employments { unit { id name } schoolFormCode validTo addressIds }\n        roles { id validFrom validTo role { code name system isPermissionAdmin } }\n      }\n    }\n  }\n": typeof types.PersonPageDocument,
    "\n  query PersonOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      changesToSign {\n        id status\n        changes { id kind person { personId givenName surname birthDate } roles { code name } unitIds validFrom validTo }\n      }\n    }\n  }\n": typeof types.PersonOrganisationDocument,
    "\n  mutation StartLogin {\n    startLogin { orderRef autoStartToken qrData status hintCode }\n  }\n": typeof types.StartLoginDocument,
    "\n  mutation CompleteLogin($orderRef: ID!) {\n    completeLogin(orderRef: $orderRef) { token expiresAt person { id givenName surname } }\n  }\n": typeof types.CompleteLoginDocument,
    "\n  mutation CancelOrder($orderRef: ID!) {\n    cancelOrder(orderRef: $orderRef) { orderRef status hintCode }\n  }\n": typeof types.CancelOrderDocument,
    "\n  query SigningOrder($orderRef: ID!) {\n    signingOrder(orderRef: $orderRef) {\n      orderRef autoStartToken qrData status hintCode applyResult applyError\n      receipt { id signedAt signerName digest token changeSetId }\n    }\n  }\n": typeof types.SigningOrderDocument,
    "\n  mutation SignChanges($organisationId: ID!) {\n    signChanges(organisationId: $organisationId) { orderRef autoStartToken qrData status hintCode }\n  }\n": typeof types.SignChangesDocument,
    "\n  query VerifyAuditLog($organisationId: ID!) {\n    verifyAuditLog(organisationId: $organisationId) { ok checked firstBrokenSeq reason lastCheckpointSeq }\n  }\n": typeof types.VerifyAuditLogDocument,
    "\n  query AuditLog($id: ID!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime, $actorId: ID) {\n    organisation(id: $id) {\n      id\n      units { id name }\n      auditLog(first: $first, after: $after, action: $action, from: $from, to: $to, actorId: $actorId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { id seq at action target before after hash actorLabel actor { id givenName surname birthDate } receipt { id } }\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditPeople($id: ID!) {\n    organisation(id: $id) {\n      id\n      staff(first: 100) { edges { node { id givenName surname birthDate } } }\n    }\n  }\n": typeof types.AuditPeopleDocument,
    "\n  query AuditPerson($id: ID!) {\n    person(id: $id) { id givenName surname birthDate }\n  }\n": typeof types.AuditPersonDocument,
    "\n  query OrganisationDetails($id: ID!) {\n    organisation(id: $id) {\n      id orgNumber name kind postalAddress phone fax website\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n  }\n": typeof types.OrganisationDetailsDocument,
    "\n  query OrganisationContacts($id: ID!) {\n    organisation(id: $id) {\n      id\n      contactPersons { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n      paymentAccounts { id type number reviewStatus isDefault updatedAt updatedBy }\n    }\n  }\n": typeof types.OrganisationContactsDocument,
    "\n  mutation ChangeOrganisation($id: ID!, $input: ChangeOrganisationInput!) {\n    changeOrganisation(id: $id, input: $input) { id postalAddress phone fax website }\n  }\n": typeof types.ChangeOrganisationDocument,
    "\n  mutation CreateContactPerson($organisationId: ID!, $input: ContactPersonInput!) {\n    createContactPerson(organisationId: $organisationId, input: $input) { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n  }\n": typeof types.CreateContactPersonDocument,
    "\n  mutation CreatePaymentAccount($organisationId: ID!, $input: PaymentAccountInput!) {\n    createPaymentAccount(organisationId: $organisationId, input: $input) { id type number reviewStatus isDefault updatedAt updatedBy }\n  }\n": typeof types.CreatePaymentAccountDocument,
    "\n  query MyPermissions {\n    me {\n      id\n      permissionScopes {\n        organisation { id name orgNumber units { id name closed service { code name } addresses { id street postalCode city } } }\n        orgWide\n        units { id name service { code name } addresses { id street postalCode city } }\n        addresses { id }\n        role { code name system }\n        validFrom\n        validTo\n      }\n    }\n  }\n": typeof types.MyPermissionsDocument,
    "\n  query PersonAudit($id: ID!, $first: Int, $personId: ID) {\n    organisation(id: $id) {\n      id\n      auditLog(first: $first, personId: $personId) {\n        totalCount\n        edges { node { id seq at action target before after actorLabel actor { id givenName surname birthDate } } }\n      }\n    }\n  }\n": typeof types.PersonAuditDocument,
    "\n  query Roles {\n    roles { code name system orgWideOnly grants { function access } }\n  }\n": typeof types.RolesDocument,
    "\n  query EventSubscriptions($id: ID!) {\n    organisation(id: $id) {\n      id\n      eventSubscriptions {\n        id url events active createdAt disabledAt disabledReason\n        deliveries(first: 10) { id eventType status attempts lastStatusCode lastAttemptAt nextAttemptAt deliveredAt createdAt }\n      }\n    }\n  }\n": typeof types.EventSubscriptionsDocument,
    "\n  mutation SubscribeToEvents($organisationId: ID!, $input: EventSubscriptionInput!) {\n    subscribeToEvents(organisationId: $organisationId, input: $input) { secret subscription { id url events active } }\n  }\n": typeof types.SubscribeToEventsDocument,
    "\n  mutation UnsubscribeFromEvents($id: ID!) {\n    unsubscribeFromEvents(id: $id) { id active }\n  }\n": typeof types.UnsubscribeFromEventsDocument,
    "\n  query UnitPage($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n    roles { code grants { function access } }\n  }\n": typeof types.UnitPageDocument,
    "\n  query WhoCanHere($organisationId: ID!, $unitId: ID, $function: String!, $access: Access!, $on: Date, $first: Int, $after: String) {\n    whoCan(organisationId: $organisationId, unitId: $unitId, function: $function, access: $access, on: $on, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id givenName surname birthDate } }\n    }\n  }\n": typeof types.WhoCanHereDocument,
};
const documents: Documents = {
    "\n  query MyAccess($organisationId: ID!) {\n    manageUsers: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: UPDATE) { allowed }\n    contactPerson: myAccess(organisationId: $organisationId, function: \"CONTACT_PERSON\", access: UPDATE) { allowed }\n    accountInfo: myAccess(organisationId: $organisationId, function: \"ACCOUNT_INFO\", access: UPDATE) { allowed }\n  }\n": types.MyAccessDocument,
    "\n  query Me {\n    me {\n      id\n      givenName\n      surname\n      memberships {\n        organisation { id name orgNumber kind }\n        employments { unit { id } schoolFormCode validTo }\n        roles { id validFrom validTo role { code name system orgWideOnly isPermissionAdmin isResponsible } }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query Staff($id: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {\n    organisation(id: $id) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id givenName surname birthDate email\n            memberships {\n              organisation { id }\n              email\n              employments { unit { id name } schoolFormCode validTo addressIds }\n              addresses { id street city }\n              roles { id validFrom validTo role { code name isPermissionAdmin } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StaffDocument,
    "\n  query RoleCatalogue {\n    roles { code name system orgWideOnly isPermissionAdmin }\n  }\n": types.RoleCatalogueDocument,
    "\n  query ChangesToSign($id: ID!) {\n    organisation(id: $id) {\n      id\n      changesToSign {\n        id status digest signingText canSign\n        changes {\n          id kind\n          person { personId givenName surname birthDate email }\n          roles { code name }\n          unitIds schoolFormCodes validFrom validTo\n        }\n      }\n    }\n  }\n": types.ChangesToSignDocument,
    "\n  mutation ProposeStaff($organisationId: ID!, $input: StaffInput!) {\n    proposeStaff(organisationId: $organisationId, input: $input) { id kind }\n  }\n": types.ProposeStaffDocument,
    "\n  mutation ProposeStaffChange($organisationId: ID!, $personId: ID!, $input: StaffChangeInput!) {\n    proposeStaffChange(organisationId: $organisationId, personId: $personId, input: $input) { id kind }\n  }\n": types.ProposeStaffChangeDocument,
    "\n  mutation ProposeStaffRemoval($organisationId: ID!, $personId: ID!) {\n    proposeStaffRemoval(organisationId: $organisationId, personId: $personId) { id kind }\n  }\n": types.ProposeStaffRemovalDocument,
    "\n  mutation DiscardPendingChange($id: ID!) {\n    discardPendingChange(id: $id) { id status changes { id } }\n  }\n": types.DiscardPendingChangeDocument,
    "\n  mutation ChangeAuthorisationPeriod($organisationId: ID!, $personIds: [ID!]!, $validTo: Date!) {\n    changeAuthorisationPeriod(organisationId: $organisationId, personIds: $personIds, validTo: $validTo) { id }\n  }\n": types.ChangeAuthorisationPeriodDocument,
    "\n  query EndEmploymentPreview($input: EndEmploymentInput!) {\n    endEmploymentPreview(input: $input) {\n      endDate\n      assignments { unit { id name } schoolFormCode role { code name } validTo previousValidTo }\n    }\n  }\n": types.EndEmploymentPreviewDocument,
    "\n  mutation EndEmployment($input: EndEmploymentInput!) {\n    endEmployment(input: $input) { endDate assignments { unit { id } role { code } validTo } }\n  }\n": types.EndEmploymentDocument,
    "\n  query OrganisationList($first: Int) {\n    organisations(first: $first) { totalCount edges { node { id name orgNumber kind } } }\n  }\n": types.OrganisationListDocument,
    "\n  query Notices($organisationId: ID!, $days: Int) {\n    organisation(id: $organisationId) {\n      id\n      notices(endingWithinDays: $days) { kind validTo message person { id givenName surname } }\n    }\n  }\n": types.NoticesDocument,
    "\n  query AccessReviews($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      accessReviews {\n        id deadline status endUndecidedAtDeadline\n        all: items(first: 0) { totalCount }\n        left: items(decided: false, first: 0) { totalCount }\n      }\n    }\n  }\n": types.AccessReviewsDocument,
    "\n  query AccessReviewItems($id: ID!, $decided: Boolean, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id deadline status\n      items(decided: $decided, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id decision endDate person { id givenName surname } assignment { id validFrom validTo role { code name } } } }\n      }\n    }\n  }\n": types.AccessReviewItemsDocument,
    "\n  mutation StartAccessReview($input: StartAccessReviewInput!) {\n    startAccessReview(input: $input) { id deadline status endUndecidedAtDeadline }\n  }\n": types.StartAccessReviewDocument,
    "\n  mutation DecideReviewItems($reviewId: ID!, $decisions: [ReviewDecisionInput!]!) {\n    decideReviewItems(reviewId: $reviewId, decisions: $decisions) { id status changes { id } }\n  }\n": types.DecideReviewItemsDocument,
    "\n  query NavAccess($organisationId: ID!) {\n    users: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: READ) { allowed }\n  }\n": types.NavAccessDocument,
    "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id givenName surname birthDate email\n      memberships {\n        organisation { id name }\n        email\n        version\n        units { id name }\n        addresses { id street postalCode city }\n        employments { unit { id name } schoolFormCode validTo addressIds }\n        roles { id validFrom validTo role { code name system isPermissionAdmin } }\n      }\n    }\n  }\n": types.PersonPageDocument,
    "\n  query PersonOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      changesToSign {\n        id status\n        changes { id kind person { personId givenName surname birthDate } roles { code name } unitIds validFrom validTo }\n      }\n    }\n  }\n": types.PersonOrganisationDocument,
    "\n  mutation StartLogin {\n    startLogin { orderRef autoStartToken qrData status hintCode }\n  }\n": types.StartLoginDocument,
    "\n  mutation CompleteLogin($orderRef: ID!) {\n    completeLogin(orderRef: $orderRef) { token expiresAt person { id givenName surname } }\n  }\n": types.CompleteLoginDocument,
    "\n  mutation CancelOrder($orderRef: ID!) {\n    cancelOrder(orderRef: $orderRef) { orderRef status hintCode }\n  }\n": types.CancelOrderDocument,
    "\n  query SigningOrder($orderRef: ID!) {\n    signingOrder(orderRef: $orderRef) {\n      orderRef autoStartToken qrData status hintCode applyResult applyError\n      receipt { id signedAt signerName digest token changeSetId }\n    }\n  }\n": types.SigningOrderDocument,
    "\n  mutation SignChanges($organisationId: ID!) {\n    signChanges(organisationId: $organisationId) { orderRef autoStartToken qrData status hintCode }\n  }\n": types.SignChangesDocument,
    "\n  query VerifyAuditLog($organisationId: ID!) {\n    verifyAuditLog(organisationId: $organisationId) { ok checked firstBrokenSeq reason lastCheckpointSeq }\n  }\n": types.VerifyAuditLogDocument,
    "\n  query AuditLog($id: ID!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime, $actorId: ID) {\n    organisation(id: $id) {\n      id\n      units { id name }\n      auditLog(first: $first, after: $after, action: $action, from: $from, to: $to, actorId: $actorId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { id seq at action target before after hash actorLabel actor { id givenName surname birthDate } receipt { id } }\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditPeople($id: ID!) {\n    organisation(id: $id) {\n      id\n      staff(first: 100) { edges { node { id givenName surname birthDate } } }\n    }\n  }\n": types.AuditPeopleDocument,
    "\n  query AuditPerson($id: ID!) {\n    person(id: $id) { id givenName surname birthDate }\n  }\n": types.AuditPersonDocument,
    "\n  query OrganisationDetails($id: ID!) {\n    organisation(id: $id) {\n      id orgNumber name kind postalAddress phone fax website\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n  }\n": types.OrganisationDetailsDocument,
    "\n  query OrganisationContacts($id: ID!) {\n    organisation(id: $id) {\n      id\n      contactPersons { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n      paymentAccounts { id type number reviewStatus isDefault updatedAt updatedBy }\n    }\n  }\n": types.OrganisationContactsDocument,
    "\n  mutation ChangeOrganisation($id: ID!, $input: ChangeOrganisationInput!) {\n    changeOrganisation(id: $id, input: $input) { id postalAddress phone fax website }\n  }\n": types.ChangeOrganisationDocument,
    "\n  mutation CreateContactPerson($organisationId: ID!, $input: ContactPersonInput!) {\n    createContactPerson(organisationId: $organisationId, input: $input) { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n  }\n": types.CreateContactPersonDocument,
    "\n  mutation CreatePaymentAccount($organisationId: ID!, $input: PaymentAccountInput!) {\n    createPaymentAccount(organisationId: $organisationId, input: $input) { id type number reviewStatus isDefault updatedAt updatedBy }\n  }\n": types.CreatePaymentAccountDocument,
    "\n  query MyPermissions {\n    me {\n      id\n      permissionScopes {\n        organisation { id name orgNumber units { id name closed service { code name } addresses { id street postalCode city } } }\n        orgWide\n        units { id name service { code name } addresses { id street postalCode city } }\n        addresses { id }\n        role { code name system }\n        validFrom\n        validTo\n      }\n    }\n  }\n": types.MyPermissionsDocument,
    "\n  query PersonAudit($id: ID!, $first: Int, $personId: ID) {\n    organisation(id: $id) {\n      id\n      auditLog(first: $first, personId: $personId) {\n        totalCount\n        edges { node { id seq at action target before after actorLabel actor { id givenName surname birthDate } } }\n      }\n    }\n  }\n": types.PersonAuditDocument,
    "\n  query Roles {\n    roles { code name system orgWideOnly grants { function access } }\n  }\n": types.RolesDocument,
    "\n  query EventSubscriptions($id: ID!) {\n    organisation(id: $id) {\n      id\n      eventSubscriptions {\n        id url events active createdAt disabledAt disabledReason\n        deliveries(first: 10) { id eventType status attempts lastStatusCode lastAttemptAt nextAttemptAt deliveredAt createdAt }\n      }\n    }\n  }\n": types.EventSubscriptionsDocument,
    "\n  mutation SubscribeToEvents($organisationId: ID!, $input: EventSubscriptionInput!) {\n    subscribeToEvents(organisationId: $organisationId, input: $input) { secret subscription { id url events active } }\n  }\n": types.SubscribeToEventsDocument,
    "\n  mutation UnsubscribeFromEvents($id: ID!) {\n    unsubscribeFromEvents(id: $id) { id active }\n  }\n": types.UnsubscribeFromEventsDocument,
    "\n  query UnitPage($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n    roles { code grants { function access } }\n  }\n": types.UnitPageDocument,
    "\n  query WhoCanHere($organisationId: ID!, $unitId: ID, $function: String!, $access: Access!, $on: Date, $first: Int, $after: String) {\n    whoCan(organisationId: $organisationId, unitId: $unitId, function: $function, access: $access, on: $on, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id givenName surname birthDate } }\n    }\n  }\n": types.WhoCanHereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccess($organisationId: ID!) {\n    manageUsers: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: UPDATE) { allowed }\n    contactPerson: myAccess(organisationId: $organisationId, function: \"CONTACT_PERSON\", access: UPDATE) { allowed }\n    accountInfo: myAccess(organisationId: $organisationId, function: \"ACCOUNT_INFO\", access: UPDATE) { allowed }\n  }\n"): (typeof documents)["\n  query MyAccess($organisationId: ID!) {\n    manageUsers: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: UPDATE) { allowed }\n    contactPerson: myAccess(organisationId: $organisationId, function: \"CONTACT_PERSON\", access: UPDATE) { allowed }\n    accountInfo: myAccess(organisationId: $organisationId, function: \"ACCOUNT_INFO\", access: UPDATE) { allowed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      givenName\n      surname\n      memberships {\n        organisation { id name orgNumber kind }\n        employments { unit { id } schoolFormCode validTo }\n        roles { id validFrom validTo role { code name system orgWideOnly isPermissionAdmin isResponsible } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      givenName\n      surname\n      memberships {\n        organisation { id name orgNumber kind }\n        employments { unit { id } schoolFormCode validTo }\n        roles { id validFrom validTo role { code name system orgWideOnly isPermissionAdmin isResponsible } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Staff($id: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {\n    organisation(id: $id) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id givenName surname birthDate email\n            memberships {\n              organisation { id }\n              email\n              employments { unit { id name } schoolFormCode validTo addressIds }\n              addresses { id street city }\n              roles { id validFrom validTo role { code name isPermissionAdmin } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Staff($id: ID!, $search: String, $first: Int, $after: String, $sortBy: StaffSortField, $sortDirection: SortDirection, $status: [StaffStatus!], $roleCode: ID) {\n    organisation(id: $id) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      staff(search: $search, first: $first, after: $after, sortBy: $sortBy, sortDirection: $sortDirection, status: $status, roleCode: $roleCode) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id givenName surname birthDate email\n            memberships {\n              organisation { id }\n              email\n              employments { unit { id name } schoolFormCode validTo addressIds }\n              addresses { id street city }\n              roles { id validFrom validTo role { code name isPermissionAdmin } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleCatalogue {\n    roles { code name system orgWideOnly isPermissionAdmin }\n  }\n"): (typeof documents)["\n  query RoleCatalogue {\n    roles { code name system orgWideOnly isPermissionAdmin }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangesToSign($id: ID!) {\n    organisation(id: $id) {\n      id\n      changesToSign {\n        id status digest signingText canSign\n        changes {\n          id kind\n          person { personId givenName surname birthDate email }\n          roles { code name }\n          unitIds schoolFormCodes validFrom validTo\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChangesToSign($id: ID!) {\n    organisation(id: $id) {\n      id\n      changesToSign {\n        id status digest signingText canSign\n        changes {\n          id kind\n          person { personId givenName surname birthDate email }\n          roles { code name }\n          unitIds schoolFormCodes validFrom validTo\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeStaff($organisationId: ID!, $input: StaffInput!) {\n    proposeStaff(organisationId: $organisationId, input: $input) { id kind }\n  }\n"): (typeof documents)["\n  mutation ProposeStaff($organisationId: ID!, $input: StaffInput!) {\n    proposeStaff(organisationId: $organisationId, input: $input) { id kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeStaffChange($organisationId: ID!, $personId: ID!, $input: StaffChangeInput!) {\n    proposeStaffChange(organisationId: $organisationId, personId: $personId, input: $input) { id kind }\n  }\n"): (typeof documents)["\n  mutation ProposeStaffChange($organisationId: ID!, $personId: ID!, $input: StaffChangeInput!) {\n    proposeStaffChange(organisationId: $organisationId, personId: $personId, input: $input) { id kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeStaffRemoval($organisationId: ID!, $personId: ID!) {\n    proposeStaffRemoval(organisationId: $organisationId, personId: $personId) { id kind }\n  }\n"): (typeof documents)["\n  mutation ProposeStaffRemoval($organisationId: ID!, $personId: ID!) {\n    proposeStaffRemoval(organisationId: $organisationId, personId: $personId) { id kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardPendingChange($id: ID!) {\n    discardPendingChange(id: $id) { id status changes { id } }\n  }\n"): (typeof documents)["\n  mutation DiscardPendingChange($id: ID!) {\n    discardPendingChange(id: $id) { id status changes { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeAuthorisationPeriod($organisationId: ID!, $personIds: [ID!]!, $validTo: Date!) {\n    changeAuthorisationPeriod(organisationId: $organisationId, personIds: $personIds, validTo: $validTo) { id }\n  }\n"): (typeof documents)["\n  mutation ChangeAuthorisationPeriod($organisationId: ID!, $personIds: [ID!]!, $validTo: Date!) {\n    changeAuthorisationPeriod(organisationId: $organisationId, personIds: $personIds, validTo: $validTo) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndEmploymentPreview($input: EndEmploymentInput!) {\n    endEmploymentPreview(input: $input) {\n      endDate\n      assignments { unit { id name } schoolFormCode role { code name } validTo previousValidTo }\n    }\n  }\n"): (typeof documents)["\n  query EndEmploymentPreview($input: EndEmploymentInput!) {\n    endEmploymentPreview(input: $input) {\n      endDate\n      assignments { unit { id name } schoolFormCode role { code name } validTo previousValidTo }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndEmployment($input: EndEmploymentInput!) {\n    endEmployment(input: $input) { endDate assignments { unit { id } role { code } validTo } }\n  }\n"): (typeof documents)["\n  mutation EndEmployment($input: EndEmploymentInput!) {\n    endEmployment(input: $input) { endDate assignments { unit { id } role { code } validTo } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationList($first: Int) {\n    organisations(first: $first) { totalCount edges { node { id name orgNumber kind } } }\n  }\n"): (typeof documents)["\n  query OrganisationList($first: Int) {\n    organisations(first: $first) { totalCount edges { node { id name orgNumber kind } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notices($organisationId: ID!, $days: Int) {\n    organisation(id: $organisationId) {\n      id\n      notices(endingWithinDays: $days) { kind validTo message person { id givenName surname } }\n    }\n  }\n"): (typeof documents)["\n  query Notices($organisationId: ID!, $days: Int) {\n    organisation(id: $organisationId) {\n      id\n      notices(endingWithinDays: $days) { kind validTo message person { id givenName surname } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReviews($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      accessReviews {\n        id deadline status endUndecidedAtDeadline\n        all: items(first: 0) { totalCount }\n        left: items(decided: false, first: 0) { totalCount }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessReviews($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      accessReviews {\n        id deadline status endUndecidedAtDeadline\n        all: items(first: 0) { totalCount }\n        left: items(decided: false, first: 0) { totalCount }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessReviewItems($id: ID!, $decided: Boolean, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id deadline status\n      items(decided: $decided, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id decision endDate person { id givenName surname } assignment { id validFrom validTo role { code name } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessReviewItems($id: ID!, $decided: Boolean, $first: Int, $after: String) {\n    accessReview(id: $id) {\n      id deadline status\n      items(decided: $decided, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { id decision endDate person { id givenName surname } assignment { id validFrom validTo role { code name } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccessReview($input: StartAccessReviewInput!) {\n    startAccessReview(input: $input) { id deadline status endUndecidedAtDeadline }\n  }\n"): (typeof documents)["\n  mutation StartAccessReview($input: StartAccessReviewInput!) {\n    startAccessReview(input: $input) { id deadline status endUndecidedAtDeadline }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideReviewItems($reviewId: ID!, $decisions: [ReviewDecisionInput!]!) {\n    decideReviewItems(reviewId: $reviewId, decisions: $decisions) { id status changes { id } }\n  }\n"): (typeof documents)["\n  mutation DecideReviewItems($reviewId: ID!, $decisions: [ReviewDecisionInput!]!) {\n    decideReviewItems(reviewId: $reviewId, decisions: $decisions) { id status changes { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NavAccess($organisationId: ID!) {\n    users: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: READ) { allowed }\n  }\n"): (typeof documents)["\n  query NavAccess($organisationId: ID!) {\n    users: myAccess(organisationId: $organisationId, function: \"MANAGE_USERS\", access: READ) { allowed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id givenName surname birthDate email\n      memberships {\n        organisation { id name }\n        email\n        version\n        units { id name }\n        addresses { id street postalCode city }\n        employments { unit { id name } schoolFormCode validTo addressIds }\n        roles { id validFrom validTo role { code name system isPermissionAdmin } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonPage($id: ID!) {\n    person(id: $id) {\n      id givenName surname birthDate email\n      memberships {\n        organisation { id name }\n        email\n        version\n        units { id name }\n        addresses { id street postalCode city }\n        employments { unit { id name } schoolFormCode validTo addressIds }\n        roles { id validFrom validTo role { code name system isPermissionAdmin } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      changesToSign {\n        id status\n        changes { id kind person { personId givenName surname birthDate } roles { code name } unitIds validFrom validTo }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed schoolForms { code name } addresses { id street city } }\n      changesToSign {\n        id status\n        changes { id kind person { personId givenName surname birthDate } roles { code name } unitIds validFrom validTo }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartLogin {\n    startLogin { orderRef autoStartToken qrData status hintCode }\n  }\n"): (typeof documents)["\n  mutation StartLogin {\n    startLogin { orderRef autoStartToken qrData status hintCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteLogin($orderRef: ID!) {\n    completeLogin(orderRef: $orderRef) { token expiresAt person { id givenName surname } }\n  }\n"): (typeof documents)["\n  mutation CompleteLogin($orderRef: ID!) {\n    completeLogin(orderRef: $orderRef) { token expiresAt person { id givenName surname } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($orderRef: ID!) {\n    cancelOrder(orderRef: $orderRef) { orderRef status hintCode }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($orderRef: ID!) {\n    cancelOrder(orderRef: $orderRef) { orderRef status hintCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SigningOrder($orderRef: ID!) {\n    signingOrder(orderRef: $orderRef) {\n      orderRef autoStartToken qrData status hintCode applyResult applyError\n      receipt { id signedAt signerName digest token changeSetId }\n    }\n  }\n"): (typeof documents)["\n  query SigningOrder($orderRef: ID!) {\n    signingOrder(orderRef: $orderRef) {\n      orderRef autoStartToken qrData status hintCode applyResult applyError\n      receipt { id signedAt signerName digest token changeSetId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignChanges($organisationId: ID!) {\n    signChanges(organisationId: $organisationId) { orderRef autoStartToken qrData status hintCode }\n  }\n"): (typeof documents)["\n  mutation SignChanges($organisationId: ID!) {\n    signChanges(organisationId: $organisationId) { orderRef autoStartToken qrData status hintCode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditLog($organisationId: ID!) {\n    verifyAuditLog(organisationId: $organisationId) { ok checked firstBrokenSeq reason lastCheckpointSeq }\n  }\n"): (typeof documents)["\n  query VerifyAuditLog($organisationId: ID!) {\n    verifyAuditLog(organisationId: $organisationId) { ok checked firstBrokenSeq reason lastCheckpointSeq }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($id: ID!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime, $actorId: ID) {\n    organisation(id: $id) {\n      id\n      units { id name }\n      auditLog(first: $first, after: $after, action: $action, from: $from, to: $to, actorId: $actorId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { id seq at action target before after hash actorLabel actor { id givenName surname birthDate } receipt { id } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($id: ID!, $first: Int, $after: String, $action: String, $from: DateTime, $to: DateTime, $actorId: ID) {\n    organisation(id: $id) {\n      id\n      units { id name }\n      auditLog(first: $first, after: $after, action: $action, from: $from, to: $to, actorId: $actorId) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node { id seq at action target before after hash actorLabel actor { id givenName surname birthDate } receipt { id } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPeople($id: ID!) {\n    organisation(id: $id) {\n      id\n      staff(first: 100) { edges { node { id givenName surname birthDate } } }\n    }\n  }\n"): (typeof documents)["\n  query AuditPeople($id: ID!) {\n    organisation(id: $id) {\n      id\n      staff(first: 100) { edges { node { id givenName surname birthDate } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditPerson($id: ID!) {\n    person(id: $id) { id givenName surname birthDate }\n  }\n"): (typeof documents)["\n  query AuditPerson($id: ID!) {\n    person(id: $id) { id givenName surname birthDate }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationDetails($id: ID!) {\n    organisation(id: $id) {\n      id orgNumber name kind postalAddress phone fax website\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationDetails($id: ID!) {\n    organisation(id: $id) {\n      id orgNumber name kind postalAddress phone fax website\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationContacts($id: ID!) {\n    organisation(id: $id) {\n      id\n      contactPersons { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n      paymentAccounts { id type number reviewStatus isDefault updatedAt updatedBy }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationContacts($id: ID!) {\n    organisation(id: $id) {\n      id\n      contactPersons { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n      paymentAccounts { id type number reviewStatus isDefault updatedAt updatedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeOrganisation($id: ID!, $input: ChangeOrganisationInput!) {\n    changeOrganisation(id: $id, input: $input) { id postalAddress phone fax website }\n  }\n"): (typeof documents)["\n  mutation ChangeOrganisation($id: ID!, $input: ChangeOrganisationInput!) {\n    changeOrganisation(id: $id, input: $input) { id postalAddress phone fax website }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContactPerson($organisationId: ID!, $input: ContactPersonInput!) {\n    createContactPerson(organisationId: $organisationId, input: $input) { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n  }\n"): (typeof documents)["\n  mutation CreateContactPerson($organisationId: ID!, $input: ContactPersonInput!) {\n    createContactPerson(organisationId: $organisationId, input: $input) { id givenName surname email phone1 phone2 adminContact updatedAt updatedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePaymentAccount($organisationId: ID!, $input: PaymentAccountInput!) {\n    createPaymentAccount(organisationId: $organisationId, input: $input) { id type number reviewStatus isDefault updatedAt updatedBy }\n  }\n"): (typeof documents)["\n  mutation CreatePaymentAccount($organisationId: ID!, $input: PaymentAccountInput!) {\n    createPaymentAccount(organisationId: $organisationId, input: $input) { id type number reviewStatus isDefault updatedAt updatedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPermissions {\n    me {\n      id\n      permissionScopes {\n        organisation { id name orgNumber units { id name closed service { code name } addresses { id street postalCode city } } }\n        orgWide\n        units { id name service { code name } addresses { id street postalCode city } }\n        addresses { id }\n        role { code name system }\n        validFrom\n        validTo\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPermissions {\n    me {\n      id\n      permissionScopes {\n        organisation { id name orgNumber units { id name closed service { code name } addresses { id street postalCode city } } }\n        orgWide\n        units { id name service { code name } addresses { id street postalCode city } }\n        addresses { id }\n        role { code name system }\n        validFrom\n        validTo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonAudit($id: ID!, $first: Int, $personId: ID) {\n    organisation(id: $id) {\n      id\n      auditLog(first: $first, personId: $personId) {\n        totalCount\n        edges { node { id seq at action target before after actorLabel actor { id givenName surname birthDate } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonAudit($id: ID!, $first: Int, $personId: ID) {\n    organisation(id: $id) {\n      id\n      auditLog(first: $first, personId: $personId) {\n        totalCount\n        edges { node { id seq at action target before after actorLabel actor { id givenName surname birthDate } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles { code name system orgWideOnly grants { function access } }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles { code name system orgWideOnly grants { function access } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventSubscriptions($id: ID!) {\n    organisation(id: $id) {\n      id\n      eventSubscriptions {\n        id url events active createdAt disabledAt disabledReason\n        deliveries(first: 10) { id eventType status attempts lastStatusCode lastAttemptAt nextAttemptAt deliveredAt createdAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventSubscriptions($id: ID!) {\n    organisation(id: $id) {\n      id\n      eventSubscriptions {\n        id url events active createdAt disabledAt disabledReason\n        deliveries(first: 10) { id eventType status attempts lastStatusCode lastAttemptAt nextAttemptAt deliveredAt createdAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToEvents($organisationId: ID!, $input: EventSubscriptionInput!) {\n    subscribeToEvents(organisationId: $organisationId, input: $input) { secret subscription { id url events active } }\n  }\n"): (typeof documents)["\n  mutation SubscribeToEvents($organisationId: ID!, $input: EventSubscriptionInput!) {\n    subscribeToEvents(organisationId: $organisationId, input: $input) { secret subscription { id url events active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeFromEvents($id: ID!) {\n    unsubscribeFromEvents(id: $id) { id active }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeFromEvents($id: ID!) {\n    unsubscribeFromEvents(id: $id) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPage($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n    roles { code grants { function access } }\n  }\n"): (typeof documents)["\n  query UnitPage($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      units { id name closed service { code name } schoolForms { code name } addresses { id street postalCode city } }\n    }\n    roles { code grants { function access } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoCanHere($organisationId: ID!, $unitId: ID, $function: String!, $access: Access!, $on: Date, $first: Int, $after: String) {\n    whoCan(organisationId: $organisationId, unitId: $unitId, function: $function, access: $access, on: $on, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id givenName surname birthDate } }\n    }\n  }\n"): (typeof documents)["\n  query WhoCanHere($organisationId: ID!, $unitId: ID, $function: String!, $access: Access!, $on: Date, $first: Int, $after: String) {\n    whoCan(organisationId: $organisationId, unitId: $unitId, function: $function, access: $access, on: $on, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id givenName surname birthDate } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;