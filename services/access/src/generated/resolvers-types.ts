import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRow } from '../modules/people/people.store';
import type { MembershipRow, RoleAssignmentRow, MembershipUnitRow } from '../modules/memberships/memberships.store';
import type { RoleRow } from '../modules/roles/roles.store';
import type { FunctionGrant as FunctionGrantModel } from '../modules/roles/rules/role-catalogue.data';
import type { PermissionScope as PermissionScopeModel } from '../modules/scopes/rules/membership.rules';
import type { IndexedDecision as AccessDecisionModel } from '../modules/permission-index/rules/permission-index.rules';
import type { AgreementRow } from '../modules/agreements/agreements.store';
import type { ChangeSetRow, PendingChangeRow } from '../modules/changes/changes.store';
import type { PersonSummaryRow, StaffConnectionRow, OrganisationRef, SigningOrderRef } from '../mappers';
import type { EndEmploymentPlan as EndEmploymentPlanModel, PlannedAssignmentEnd as PlannedAssignmentEndModel } from '../modules/memberships/rules/end-employment.rules';
import type { AccessReviewRow, AccessReviewItemRow, AccessReviewItemConnectionRow } from '../modules/reviews/reviews.store';
import type { NoticeModel } from '../modules/notices/rules/notices.rules';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date YYYY-MM-DD (Europe/Stockholm). */
  Date: { input: string; output: string; }
  /** An ISO-8601 instant. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** UPDATE implies READ (R-ROLE-2a). */
export type Access =
  | 'READ'
  | 'UPDATE';

/**
 * R-SCOPE-2: a point check's answer. `reason` is one stable code: GRANTED, AUTHORITY, PARTNER_CLIENT_GRANTED,
 * PARTNER_CLIENT_OTHER_ORGANISATION, PARTNER_CLIENT_WITHOUT_FUNCTION, SERVICE_ACTS_FOR_NO_ORGANISATION, NOT_A_MEMBER,
 * NO_ROLE_GRANTS, UNIT_NOT_COVERED, OFFICE_NOT_COVERED, PERIOD_NOT_STARTED, PERIOD_ENDED, UNIT_OF_OTHER_ORGANISATION,
 * OFFICE_OF_OTHER_ORGANISATION, OFFICE_OF_OTHER_UNIT or UNIT_CLOSED (the unit, or the office's unit, is closed: nobody
 * may act there, R-SCOPE-4). The role and the period that decided it are `role`,
 * `validFrom` and `validTo` (GRANTED, PERIOD_NOT_STARTED, PERIOD_ENDED).
 */
export type AccessDecision = {
  __typename?: 'AccessDecision';
  allowed: Scalars['Boolean']['output'];
  /** The organisation asked about (its name comes from the organisations subgraph). */
  organisation: Organisation;
  reason: Scalars['String']['output'];
  role?: Maybe<Role>;
  validFrom?: Maybe<Scalars['Date']['output']>;
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** R-REV-1: a review (recertification) of an organisation's active role assignments. */
export type AccessReview = {
  __typename?: 'AccessReview';
  /** The last day to decide; what is undecided after it is reported (and ended when `endUndecidedAtDeadline`). */
  deadline: Scalars['Date']['output'];
  endUndecidedAtDeadline: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The snapshot taken when the review started; `decided` filters (true: decided, false: not yet). */
  items: AccessReviewItemConnection;
  organisation: Organisation;
  status: AccessReviewStatus;
};


/** R-REV-1: a review (recertification) of an organisation's active role assignments. */
export type AccessReviewItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  decided?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One role assignment as it was when the review started, with its decision. */
export type AccessReviewItem = {
  __typename?: 'AccessReviewItem';
  assignment: RoleAssignment;
  decision?: Maybe<ReviewDecision>;
  /** With END: the day the assignment ends (the earlier of this and its current end date). */
  endDate?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  person: Person;
};

export type AccessReviewItemConnection = {
  __typename?: 'AccessReviewItemConnection';
  edges: Array<AccessReviewItemEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccessReviewItemEdge = {
  __typename?: 'AccessReviewItemEdge';
  cursor: Scalars['String']['output'];
  node: AccessReviewItem;
};

export type AccessReviewStatus =
  | 'CLOSED'
  | 'OPEN';

/** An office of a unit (owned by the organisations subgraph). */
export type Address = {
  __typename?: 'Address';
  id: Scalars['ID']['output'];
};

/** R-AGR-1: the access agreement of one organisation. */
export type Agreement = {
  __typename?: 'Agreement';
  /** R-AGR-2: received + 14 days. */
  activateBy: Scalars['Date']['output'];
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The starting permission administrator named in the agreement. */
  administrator: PersonSummary;
  id: Scalars['ID']['output'];
  organisation: Organisation;
  receivedOn: Scalars['Date']['output'];
  /** Computed on the day asked: ACTIVE reads as NEEDS_NEW_ADMINISTRATOR once no administrator is left (R-AGR-3, R-PERIOD-5). */
  status: AgreementStatus;
};

export type AgreementStatus =
  | 'ACTIVE'
  | 'NEEDS_NEW_ADMINISTRATOR'
  | 'RECEIVED';

export type ChangeKind =
  | 'CHANGED'
  | 'NEW'
  | 'REMOVED';

/** R-SIGN-1: changes to sign ("Användare att signera"). */
export type ChangeSet = {
  __typename?: 'ChangeSet';
  /**
   * Whether the caller may sign this set with BankID: a person holding "Hantera användare"
   * (MANAGE_USERS UPDATE) in the organisation today. The authority and partner systems may read the
   * set but not sign it (R-ROLE-3); clients offer "Signera" only when this is true.
   */
  canSign: Scalars['Boolean']['output'];
  changes: Array<PendingChange>;
  /** SHA-256 (hex) of the canonical serialisation of the changes; any edit changes it (R-SIGN-3). */
  digest: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organisation: Organisation;
  /** The Swedish text the BankID app shows when this set is signed (R-SIGN-2). */
  signingText: Scalars['String']['output'];
  status: ChangeSetStatus;
};

export type ChangeSetStatus =
  | 'APPLIED'
  | 'CANCELLED'
  | 'DRAFT'
  | 'SIGNING';

/** An employment at a unit, optionally for one school form (null = all of the unit's school forms). */
export type Employment = {
  __typename?: 'Employment';
  /** The offices of the unit this employment is limited to (R-USR-2); null = all of them, including offices added later. */
  addressIds?: Maybe<Array<Scalars['ID']['output']>>;
  schoolFormCode?: Maybe<Scalars['ID']['output']>;
  unit: Unit;
  /** Last day of the employment at this unit (R-END-1); null = no end date. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type EmploymentAssignment = {
  __typename?: 'EmploymentAssignment';
  /** The end date before this change (null = none). */
  previousValidTo?: Maybe<Scalars['Date']['output']>;
  role: Role;
  /** The school form (null = a unit without school forms, or all of them). */
  schoolForm?: Maybe<SchoolForm>;
  /** The same school form's code, for clients that only need the code. */
  schoolFormCode?: Maybe<Scalars['ID']['output']>;
  unit: Unit;
  /** The new end date (the employment's last day). */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type EndEmploymentInput = {
  endDate: Scalars['Date']['input'];
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  schoolFormCode?: InputMaybe<Scalars['ID']['input']>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** R-END-4: everything that ending the employment ends. */
export type EndEmploymentPreview = {
  __typename?: 'EndEmploymentPreview';
  assignments: Array<EmploymentAssignment>;
  endDate: Scalars['Date']['output'];
};

/** One cell of the role matrix: a function and the access level the role has to it. */
export type FunctionGrant = {
  __typename?: 'FunctionGrant';
  access: Access;
  function: Scalars['String']['output'];
};

/** Level 1 of a staff account: membership of one organisation (R-USR-2). */
export type Membership = {
  __typename?: 'Membership';
  /**
   * Level 2, offices (R-USR-2): the offices (addresses) of those units the person works at, as the
   * units have them now. A unit not limited to some offices contributes all of its offices.
   */
  addresses: Array<Address>;
  /** R-USR-5: the person's e-mail in this organisation (contact details belong to the membership). */
  email?: Maybe<Scalars['String']['output']>;
  /** Level 2 in detail: each (unit, school form) employment with its end date (R-ORG-5, R-END). */
  employments: Array<Employment>;
  organisation: Organisation;
  /** Level 3: roles, each with its authorisation period (R-PERIOD-1). */
  roles: Array<RoleAssignment>;
  /** Level 2: the performing units the person currently has in that organisation (ended units excluded). */
  units: Array<Unit>;
  /**
   * Optimistic locking: grows with every write concerning the person in this organisation (a
   * proposal or discard of a change for them, an applied change, a period change, an ended
   * employment). Pass it back as `expectedVersion` so a concurrent edit is refused with CONFLICT.
   */
  version: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Authority only; creates the starting administrator with PERMISSION_ADMIN and no end date (R-AGR-2). */
  activateAgreement: Agreement;
  /** R-PERIOD-4: one new end date for several users, all or none. */
  changeAuthorisationPeriod: Array<Person>;
  /** R-REV-1: KEEP/END decisions become the organisation's changes to sign; then signChanges (BankID) applies them once. */
  decideReviewItems: ChangeSet;
  discardPendingChange: ChangeSet;
  endEmployment: EndEmploymentPreview;
  proposeStaff: PendingChange;
  /** With `expectedVersion` (Membership.version as read), CONFLICT when someone else changed the person meanwhile. */
  proposeStaffChange: PendingChange;
  /** With `expectedVersion` (Membership.version as read), CONFLICT when someone else changed the person meanwhile. */
  proposeStaffRemoval: PendingChange;
  /** Authority only; names the starting administrator (R-AGR-1). */
  registerAgreement: Agreement;
  /** Starts BankID signing of the DRAFT set (R-SIGN-2); the set is applied when the signature completes. */
  signChanges: SigningOrder;
  /** R-REV-1: the authority or the organisation's permission administrators; snapshots its active role assignments as items. */
  startAccessReview: AccessReview;
};


export type MutationActivateAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeAuthorisationPeriodArgs = {
  organisationId: Scalars['ID']['input'];
  personIds: Array<Scalars['ID']['input']>;
  validTo: Scalars['Date']['input'];
};


export type MutationDecideReviewItemsArgs = {
  decisions: Array<ReviewDecisionInput>;
  reviewId: Scalars['ID']['input'];
};


export type MutationDiscardPendingChangeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndEmploymentArgs = {
  input: EndEmploymentInput;
};


export type MutationProposeStaffArgs = {
  input: StaffInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationProposeStaffChangeArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: StaffChangeInput;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
};


export type MutationProposeStaffRemovalArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
};


export type MutationRegisterAgreementArgs = {
  input: RegisterAgreementInput;
};


export type MutationSignChangesArgs = {
  organisationId: Scalars['ID']['input'];
};


export type MutationStartAccessReviewArgs = {
  input: StartAccessReviewInput;
};

export type NewPersonInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  givenName: Scalars['String']['input'];
  personalNumber: Scalars['String']['input'];
  surname: Scalars['String']['input'];
};

/** R-NOTE-1: something that needs an administrator. */
export type Notice = {
  __typename?: 'Notice';
  kind: NoticeKind;
  /** A Swedish sentence describing the notice (clients may build their own text from the other fields). */
  message: Scalars['String']['output'];
  organisation: Organisation;
  /** The person concerned (ENDING_SOON), else null. */
  person?: Maybe<Person>;
  /** ENDING_SOON: the last day of the assignment; REVIEW_UNDECIDED: the review's deadline; EVENT_SUBSCRIPTION_DISABLED: the day it was disabled. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type NoticeKind =
  | 'ACTIVATION_OVERDUE'
  | 'ENDING_SOON'
  /** R-HOOK-1: a partner event subscription was disabled after a day of failed deliveries (validTo: the day). */
  | 'EVENT_SUBSCRIPTION_DISABLED'
  | 'NEEDS_NEW_ADMINISTRATOR'
  /** R-REV-1: a review's deadline passed with items undecided. */
  | 'REVIEW_UNDECIDED';

export type Organisation = {
  __typename?: 'Organisation';
  /** R-REV-1: the organisation's access reviews, newest first (its permission administrators and the authority; FORBIDDEN for others). */
  accessReviews: Array<AccessReview>;
  /** R-AGR-1 (authority and the organisation's members). */
  agreement?: Maybe<Agreement>;
  /** The open set of changes to sign, if any (DRAFT, or SIGNING while a signature is under way). */
  changesToSign?: Maybe<ChangeSet>;
  id: Scalars['ID']['output'];
  /**
   * R-NOTE-1: what needs an administrator's attention: assignments ending within `endingWithinDays`
   * days (default 30, at most 365), a missing permission administrator (R-AGR-3), undecided items of
   * a review whose deadline passed (R-REV-1), and for the authority an agreement not activated by its
   * `activateBy` (R-AGR-2). Holders of "Hantera användare" and the authority; FORBIDDEN for others.
   */
  notices: Array<Notice>;
  /**
   * The organisation's staff (users with Hantera användare, and the authority; null with FORBIDDEN for
   * others). The server searches, filters and sorts the whole list before it pages, so every page
   * continues the same order. `search` (at most 100 characters) matches names, the birth date
   * (YYYY-MM-DD, or digits such as 870507), the e-mail in this organisation, role names and codes,
   * and unit names — never personal numbers (R-USR-1). `status` keeps people with one of the given
   * statuses on today's date (R-PERIOD-5); `roleCode` those holding that role (any period).
   */
  staff?: Maybe<StaffConnection>;
};


export type OrganisationNoticesArgs = {
  endingWithinDays?: InputMaybe<Scalars['Int']['input']>;
};


export type OrganisationStaffArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  roleCode?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<StaffSortField>;
  sortDirection?: InputMaybe<SortDirection>;
  status?: InputMaybe<Array<StaffStatus>>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** One proposed change: the person's whole intended state (NEW, CHANGED) or their removal. */
export type PendingChange = {
  __typename?: 'PendingChange';
  /** The offices the units are limited to (R-USR-2); null = all offices of every unit. A unit none of whose offices is listed keeps all of them. */
  addressIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** The person's Membership.version this change was proposed against (null for a NEW person); a change whose base is no longer current is never applied. */
  baseVersion?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: ChangeKind;
  person: PersonSummary;
  roles: Array<Role>;
  schoolFormCodes?: Maybe<Array<Scalars['ID']['output']>>;
  unitIds: Array<Scalars['ID']['output']>;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

/**
 * R-SCOPE-1: one role assignment active on the asked date, with where it applies.
 * When `orgWide` is true the role covers EVERY unit of the organisation, including units created
 * later (R-USR-3).
 */
export type PermissionScope = {
  __typename?: 'PermissionScope';
  /** The offices (addresses) of those units the role applies at, as the units have them now (R-USR-2 level two). */
  addresses: Array<Address>;
  orgWide: Scalars['Boolean']['output'];
  organisation: Organisation;
  role: Role;
  /** The units the role applies at: every unit of the organisation when `orgWide` (read when asked, so units created later are included), else the person's own units there (R-USR-2). */
  units: Array<Unit>;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** A person: staff member of one or more organisations (R-USR-1, R-ORG-4). */
export type Person = {
  __typename?: 'Person';
  /** Lists never show the full personal number (R-USR-1). */
  birthDate: Scalars['Date']['output'];
  /** R-USR-5: the e-mail of a membership the viewer sees (e-mail belongs to the membership, not the person). */
  email?: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Only the memberships the viewer may see. */
  memberships: Array<Membership>;
  /**
   * R-SCOPE-1: what the person may do, where, until when, across all organisations, on `on`
   * (default today). Visible to the person, to administrators of their organisations (scopes in
   * those organisations) and to the authority. Null with a FORBIDDEN error for anyone else.
   */
  permissionScopes?: Maybe<Array<PermissionScope>>;
  /**
   * The full personal identity number (12 digits), stored encrypted and decrypted only for someone
   * allowed to manage this person: MANAGE_USERS UPDATE in one of their organisations, the authority,
   * or the person themselves. Null for everyone else, who see `birthDate` (R-USR-1).
   */
  personalNumber?: Maybe<Scalars['String']['output']>;
  surname: Scalars['String']['output'];
};


/** A person: staff member of one or more organisations (R-USR-1, R-ORG-4). */
export type PersonPermissionScopesArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
};

/** R-SCOPE-3: people in a stable order (by id), complete: `totalCount` counts every match and the pages reach all of them. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

/** Who a pending change concerns; a NEW person may not exist here until the change is applied. */
export type PersonSummary = {
  __typename?: 'PersonSummary';
  birthDate: Scalars['Date']['output'];
  email?: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  /** Null for a person who is not yet known to Behörig. */
  personId?: Maybe<Scalars['ID']['output']>;
  surname: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** R-REV-1: one review (its organisation's permission administrators and the authority; null with FORBIDDEN for others). */
  accessReview?: Maybe<AccessReview>;
  /**
   * R-SCOPE-2. With `addressId` (an office, R-USR-2 level two) the check is at that office: it must be a
   * current office of the organisation (of `unitId` when given), and a unit limited to other offices does not grant there.
   */
  checkAccess: AccessDecision;
  endEmploymentPreview: EndEmploymentPreview;
  /** The signed-in person. */
  me?: Maybe<Person>;
  /** The caller's own access decision (the authority always; a partner client by its token's functions). */
  myAccess: AccessDecision;
  permissionScopes: Array<PermissionScope>;
  person?: Maybe<Person>;
  /** R-USR-1: look a person up by personal or coordination number; only for users who may manage users in the organisation. */
  personByNumber?: Maybe<Person>;
  /** The role catalogue and matrix (R-ROLE-1, R-ROLE-2), optionally of one system (KA_WEBB, MINA_SIDOR, SKOLPLATTFORMEN). */
  roles: Array<Role>;
  /**
   * R-SCOPE-3: who may do `function` at `access` level in the organisation on `on` (default today) — at `unitId`
   * or at the office `addressId` when given, else anywhere in it. It always agrees with checkAccess and
   * permissionScopes. For the organisation's user administrators (MANAGE_USERS) and the authority; FORBIDDEN otherwise.
   */
  whoCan: PersonConnection;
};


export type QueryAccessReviewArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCheckAccessArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryEndEmploymentPreviewArgs = {
  input: EndEmploymentInput;
};


export type QueryMyAccessArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPermissionScopesArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
  personId: Scalars['ID']['input'];
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonByNumberArgs = {
  organisationId: Scalars['ID']['input'];
  personalNumber: Scalars['String']['input'];
};


export type QueryRolesArgs = {
  system?: InputMaybe<Scalars['String']['input']>;
};


export type QueryWhoCanArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type RegisterAgreementInput = {
  administrator: NewPersonInput;
  organisationId: Scalars['ID']['input'];
  receivedOn?: InputMaybe<Scalars['Date']['input']>;
};

export type ReviewDecision =
  | 'END'
  | 'KEEP';

/** With END, `endDate` is required. */
export type ReviewDecisionInput = {
  decision: ReviewDecision;
  endDate?: InputMaybe<Scalars['Date']['input']>;
  itemId: Scalars['ID']['input'];
};

/** A named bundle of permissions (R-ROLE-1). */
export type Role = {
  __typename?: 'Role';
  code: Scalars['ID']['output'];
  /** The role matrix row (R-ROLE-2). */
  grants: Array<FunctionGrant>;
  /** Holds MANAGE_USERS UPDATE: never gets an end date (R-PERIOD-3), counts for R-AGR-3. */
  isPermissionAdmin: Scalars['Boolean']['output'];
  /** R-END-5: may end other staff's employment. */
  isResponsible: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** R-USR-3: always covers every unit of the organisation. */
  orgWideOnly: Scalars['Boolean']['output'];
  system: Scalars['String']['output'];
};

export type RoleAssignment = {
  __typename?: 'RoleAssignment';
  id: Scalars['ID']['output'];
  role: Role;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type SchoolForm = {
  __typename?: 'SchoolForm';
  code: Scalars['ID']['output'];
};

/** Owned by the signing subgraph; signChanges returns a reference to the started order. */
export type SigningOrder = {
  __typename?: 'SigningOrder';
  orderRef: Scalars['ID']['output'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StaffChangeInput = {
  /** Offices as in StaffInput; omitted = unchanged (or all offices when unitIds is given), null = all offices. */
  addressIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  roleCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  schoolFormCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  unitIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

export type StaffConnection = {
  __typename?: 'StaffConnection';
  edges: Array<StaffEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type StaffEdge = {
  __typename?: 'StaffEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

export type StaffInput = {
  /**
   * R-USR-2 level two: offices of the chosen units. null (or empty) = all offices of every chosen unit,
   * including offices added later; a chosen unit none of whose offices is listed keeps all of them.
   */
  addressIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  givenName: Scalars['String']['input'];
  personalNumber: Scalars['String']['input'];
  roleCodes: Array<Scalars['ID']['input']>;
  schoolFormCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  surname: Scalars['String']['input'];
  unitIds: Array<Scalars['ID']['input']>;
  validFrom: Scalars['Date']['input'];
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

/** How the staff list is ordered; ties are broken by surname, given name and id. */
export type StaffSortField =
  | 'BIRTH_DATE'
  /** The e-mail in this organisation (none last when ascending). */
  | 'EMAIL'
  /** Surname, then given name. */
  | 'NAME'
  /** The first of the person's role names in this organisation, alphabetically. */
  | 'ROLE'
  /** The earliest start of the person's roles in this organisation. */
  | 'VALID_FROM'
  /** The latest end of the person's roles in this organisation; no end date sorts last when ascending. */
  | 'VALID_TO';

/**
 * A staff member's status in an organisation on today's date, from the periods of their roles there
 * (R-PERIOD-1, R-PERIOD-5): nothing runs at midnight for it to change.
 */
export type StaffStatus =
  /** A role holds today and does not end within 30 days. */
  | 'ACTIVE'
  /** No role holds today or later (or no role at all): the person can be found and given a new period. */
  | 'ENDED'
  /** Every role that holds today ends within 30 days. */
  | 'ENDING_SOON'
  /** No role holds today; one starts later. */
  | 'UPCOMING';

export type StartAccessReviewInput = {
  deadline: Scalars['Date']['input'];
  endUndecidedAtDeadline: Scalars['Boolean']['input'];
  organisationId: Scalars['ID']['input'];
};

export type Unit = {
  __typename?: 'Unit';
  id: Scalars['ID']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  AccessReview: AccessReview;
  Agreement: Agreement;
  ChangeSet: ChangeSet;
  Organisation: Organisation;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AccessReview:
    ( { __typename: 'AccessReview' }
    & GraphQLRecursivePick<FederationTypes['AccessReview'], {"id":true}> );
  Agreement:
    ( { __typename: 'Agreement' }
    & GraphQLRecursivePick<FederationTypes['Agreement'], {"id":true}> );
  ChangeSet:
    ( { __typename: 'ChangeSet' }
    & GraphQLRecursivePick<FederationTypes['ChangeSet'], {"id":true}> );
  Organisation:
    ( { __typename: 'Organisation' }
    & GraphQLRecursivePick<FederationTypes['Organisation'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Access: Access;
  AccessDecision: ResolverTypeWrapper<AccessDecisionModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccessReview: ResolverTypeWrapper<AccessReviewRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccessReviewItem: ResolverTypeWrapper<AccessReviewItemRow>;
  AccessReviewItemConnection: ResolverTypeWrapper<AccessReviewItemConnectionRow>;
  AccessReviewItemEdge: ResolverTypeWrapper<Omit<AccessReviewItemEdge, 'node'> & { node: ResolversTypes['AccessReviewItem'] }>;
  AccessReviewStatus: AccessReviewStatus;
  Address: ResolverTypeWrapper<Address>;
  Agreement: ResolverTypeWrapper<AgreementRow>;
  AgreementStatus: AgreementStatus;
  ChangeKind: ChangeKind;
  ChangeSet: ResolverTypeWrapper<ChangeSetRow>;
  ChangeSetStatus: ChangeSetStatus;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Employment: ResolverTypeWrapper<MembershipUnitRow>;
  EmploymentAssignment: ResolverTypeWrapper<PlannedAssignmentEndModel>;
  EndEmploymentInput: EndEmploymentInput;
  EndEmploymentPreview: ResolverTypeWrapper<EndEmploymentPlanModel>;
  FunctionGrant: ResolverTypeWrapper<FunctionGrantModel>;
  Membership: ResolverTypeWrapper<MembershipRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewPersonInput: NewPersonInput;
  Notice: ResolverTypeWrapper<NoticeModel>;
  NoticeKind: NoticeKind;
  Organisation: ResolverTypeWrapper<OrganisationRef>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PendingChange: ResolverTypeWrapper<PendingChangeRow>;
  PermissionScope: ResolverTypeWrapper<PermissionScopeModel>;
  Person: ResolverTypeWrapper<PersonRow>;
  PersonConnection: ResolverTypeWrapper<Omit<PersonConnection, 'edges'> & { edges: Array<ResolversTypes['PersonEdge']> }>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  PersonSummary: ResolverTypeWrapper<PersonSummaryRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterAgreementInput: RegisterAgreementInput;
  ReviewDecision: ReviewDecision;
  ReviewDecisionInput: ReviewDecisionInput;
  Role: ResolverTypeWrapper<RoleRow>;
  RoleAssignment: ResolverTypeWrapper<RoleAssignmentRow>;
  SchoolForm: ResolverTypeWrapper<SchoolForm>;
  SigningOrder: ResolverTypeWrapper<SigningOrderRef>;
  SortDirection: SortDirection;
  StaffChangeInput: StaffChangeInput;
  StaffConnection: ResolverTypeWrapper<StaffConnectionRow>;
  StaffEdge: ResolverTypeWrapper<Omit<StaffEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  StaffInput: StaffInput;
  StaffSortField: StaffSortField;
  StaffStatus: StaffStatus;
  StartAccessReviewInput: StartAccessReviewInput;
  Unit: ResolverTypeWrapper<Unit>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccessDecision: AccessDecisionModel;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AccessReview: AccessReviewRow;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AccessReviewItem: AccessReviewItemRow;
  AccessReviewItemConnection: AccessReviewItemConnectionRow;
  AccessReviewItemEdge: Omit<AccessReviewItemEdge, 'node'> & { node: ResolversParentTypes['AccessReviewItem'] };
  Address: Address;
  Agreement: AgreementRow;
  ChangeSet: ChangeSetRow;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Employment: MembershipUnitRow;
  EmploymentAssignment: PlannedAssignmentEndModel;
  EndEmploymentInput: EndEmploymentInput;
  EndEmploymentPreview: EndEmploymentPlanModel;
  FunctionGrant: FunctionGrantModel;
  Membership: MembershipRow;
  Mutation: Record<PropertyKey, never>;
  NewPersonInput: NewPersonInput;
  Notice: NoticeModel;
  Organisation: OrganisationRef;
  PageInfo: PageInfo;
  PendingChange: PendingChangeRow;
  PermissionScope: PermissionScopeModel;
  Person: PersonRow;
  PersonConnection: Omit<PersonConnection, 'edges'> & { edges: Array<ResolversParentTypes['PersonEdge']> };
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  PersonSummary: PersonSummaryRow;
  Query: Record<PropertyKey, never>;
  RegisterAgreementInput: RegisterAgreementInput;
  ReviewDecisionInput: ReviewDecisionInput;
  Role: RoleRow;
  RoleAssignment: RoleAssignmentRow;
  SchoolForm: SchoolForm;
  SigningOrder: SigningOrderRef;
  StaffChangeInput: StaffChangeInput;
  StaffConnection: StaffConnectionRow;
  StaffEdge: Omit<StaffEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  StaffInput: StaffInput;
  StartAccessReviewInput: StartAccessReviewInput;
  Unit: Unit;
}>;

export type AccessDecisionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessDecision'] = ResolversParentTypes['AccessDecision']> = ResolversObject<{
  allowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type AccessReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessReview'] = ResolversParentTypes['AccessReview'], FederationReferenceType extends FederationReferenceTypes['AccessReview'] = FederationReferenceTypes['AccessReview']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AccessReview']> | FederationReferenceType, FederationReferenceType, ContextType>;
  deadline?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  endUndecidedAtDeadline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<ResolversTypes['AccessReviewItemConnection'], ParentType, ContextType, Partial<AccessReviewItemsArgs>>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AccessReviewStatus'], ParentType, ContextType>;
}>;

export type AccessReviewItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessReviewItem'] = ResolversParentTypes['AccessReviewItem']> = ResolversObject<{
  assignment?: Resolver<ResolversTypes['RoleAssignment'], ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['ReviewDecision']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type AccessReviewItemConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessReviewItemConnection'] = ResolversParentTypes['AccessReviewItemConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AccessReviewItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AccessReviewItemEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AccessReviewItemEdge'] = ResolversParentTypes['AccessReviewItemEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessReviewItem'], ParentType, ContextType>;
}>;

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AgreementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agreement'] = ResolversParentTypes['Agreement'], FederationReferenceType extends FederationReferenceTypes['Agreement'] = FederationReferenceTypes['Agreement']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agreement']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activateBy?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  activatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  administrator?: Resolver<ResolversTypes['PersonSummary'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  receivedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AgreementStatus'], ParentType, ContextType>;
}>;

export type ChangeSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSet'] = ResolversParentTypes['ChangeSet'], FederationReferenceType extends FederationReferenceTypes['ChangeSet'] = FederationReferenceTypes['ChangeSet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChangeSet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  canSign?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['PendingChange']>, ParentType, ContextType>;
  digest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  signingText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeSetStatus'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmploymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Employment'] = ResolversParentTypes['Employment']> = ResolversObject<{
  addressIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  schoolFormCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type EmploymentAssignmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EmploymentAssignment'] = ResolversParentTypes['EmploymentAssignment']> = ResolversObject<{
  previousValidTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  schoolForm?: Resolver<Maybe<ResolversTypes['SchoolForm']>, ParentType, ContextType>;
  schoolFormCode?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type EndEmploymentPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EndEmploymentPreview'] = ResolversParentTypes['EndEmploymentPreview']> = ResolversObject<{
  assignments?: Resolver<Array<ResolversTypes['EmploymentAssignment']>, ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type FunctionGrantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FunctionGrant'] = ResolversParentTypes['FunctionGrant']> = ResolversObject<{
  access?: Resolver<ResolversTypes['Access'], ParentType, ContextType>;
  function?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  employments?: Resolver<Array<ResolversTypes['Employment']>, ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleAssignment']>, ParentType, ContextType>;
  units?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  activateAgreement?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType, RequireFields<MutationActivateAgreementArgs, 'id'>>;
  changeAuthorisationPeriod?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationChangeAuthorisationPeriodArgs, 'organisationId' | 'personIds' | 'validTo'>>;
  decideReviewItems?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationDecideReviewItemsArgs, 'decisions' | 'reviewId'>>;
  discardPendingChange?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationDiscardPendingChangeArgs, 'id'>>;
  endEmployment?: Resolver<ResolversTypes['EndEmploymentPreview'], ParentType, ContextType, RequireFields<MutationEndEmploymentArgs, 'input'>>;
  proposeStaff?: Resolver<ResolversTypes['PendingChange'], ParentType, ContextType, RequireFields<MutationProposeStaffArgs, 'input' | 'organisationId'>>;
  proposeStaffChange?: Resolver<ResolversTypes['PendingChange'], ParentType, ContextType, RequireFields<MutationProposeStaffChangeArgs, 'input' | 'organisationId' | 'personId'>>;
  proposeStaffRemoval?: Resolver<ResolversTypes['PendingChange'], ParentType, ContextType, RequireFields<MutationProposeStaffRemovalArgs, 'organisationId' | 'personId'>>;
  registerAgreement?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType, RequireFields<MutationRegisterAgreementArgs, 'input'>>;
  signChanges?: Resolver<ResolversTypes['SigningOrder'], ParentType, ContextType, RequireFields<MutationSignChangesArgs, 'organisationId'>>;
  startAccessReview?: Resolver<ResolversTypes['AccessReview'], ParentType, ContextType, RequireFields<MutationStartAccessReviewArgs, 'input'>>;
}>;

export type NoticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notice'] = ResolversParentTypes['Notice']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['NoticeKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type OrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation'], FederationReferenceType extends FederationReferenceTypes['Organisation'] = FederationReferenceTypes['Organisation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organisation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accessReviews?: Resolver<Array<ResolversTypes['AccessReview']>, ParentType, ContextType>;
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType>;
  changesToSign?: Resolver<Maybe<ResolversTypes['ChangeSet']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['Notice']>, ParentType, ContextType, Partial<OrganisationNoticesArgs>>;
  staff?: Resolver<Maybe<ResolversTypes['StaffConnection']>, ParentType, ContextType, RequireFields<OrganisationStaffArgs, 'sortBy' | 'sortDirection'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PendingChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PendingChange'] = ResolversParentTypes['PendingChange']> = ResolversObject<{
  addressIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  baseVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChangeKind'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['PersonSummary'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  schoolFormCodes?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  unitIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type PermissionScopeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PermissionScope'] = ResolversParentTypes['PermissionScope']> = ResolversObject<{
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  orgWide?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  units?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  permissionScopes?: Resolver<Maybe<Array<ResolversTypes['PermissionScope']>>, ParentType, ContextType, Partial<PersonPermissionScopesArgs>>;
  personalNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type PersonSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonSummary'] = ResolversParentTypes['PersonSummary']> = ResolversObject<{
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessReview?: Resolver<Maybe<ResolversTypes['AccessReview']>, ParentType, ContextType, RequireFields<QueryAccessReviewArgs, 'id'>>;
  checkAccess?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType, RequireFields<QueryCheckAccessArgs, 'access' | 'function' | 'organisationId' | 'personId'>>;
  endEmploymentPreview?: Resolver<ResolversTypes['EndEmploymentPreview'], ParentType, ContextType, RequireFields<QueryEndEmploymentPreviewArgs, 'input'>>;
  me?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  myAccess?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType, RequireFields<QueryMyAccessArgs, 'access' | 'function' | 'organisationId'>>;
  permissionScopes?: Resolver<Array<ResolversTypes['PermissionScope']>, ParentType, ContextType, RequireFields<QueryPermissionScopesArgs, 'personId'>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  personByNumber?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonByNumberArgs, 'organisationId' | 'personalNumber'>>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType, Partial<QueryRolesArgs>>;
  whoCan?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QueryWhoCanArgs, 'access' | 'function' | 'organisationId'>>;
}>;

export type RoleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Role'] = ResolversParentTypes['Role']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['FunctionGrant']>, ParentType, ContextType>;
  isPermissionAdmin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isResponsible?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgWideOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RoleAssignmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RoleAssignment'] = ResolversParentTypes['RoleAssignment']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type SchoolFormResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SchoolForm'] = ResolversParentTypes['SchoolForm']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type SigningOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SigningOrder'] = ResolversParentTypes['SigningOrder']> = ResolversObject<{
  orderRef?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type StaffConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffConnection'] = ResolversParentTypes['StaffConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StaffEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StaffEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StaffEdge'] = ResolversParentTypes['StaffEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type UnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Unit'] = ResolversParentTypes['Unit']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccessDecision?: AccessDecisionResolvers<ContextType>;
  AccessReview?: AccessReviewResolvers<ContextType>;
  AccessReviewItem?: AccessReviewItemResolvers<ContextType>;
  AccessReviewItemConnection?: AccessReviewItemConnectionResolvers<ContextType>;
  AccessReviewItemEdge?: AccessReviewItemEdgeResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  Agreement?: AgreementResolvers<ContextType>;
  ChangeSet?: ChangeSetResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Employment?: EmploymentResolvers<ContextType>;
  EmploymentAssignment?: EmploymentAssignmentResolvers<ContextType>;
  EndEmploymentPreview?: EndEmploymentPreviewResolvers<ContextType>;
  FunctionGrant?: FunctionGrantResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notice?: NoticeResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PendingChange?: PendingChangeResolvers<ContextType>;
  PermissionScope?: PermissionScopeResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  PersonSummary?: PersonSummaryResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Role?: RoleResolvers<ContextType>;
  RoleAssignment?: RoleAssignmentResolvers<ContextType>;
  SchoolForm?: SchoolFormResolvers<ContextType>;
  SigningOrder?: SigningOrderResolvers<ContextType>;
  StaffConnection?: StaffConnectionResolvers<ContextType>;
  StaffEdge?: StaffEdgeResolvers<ContextType>;
  Unit?: UnitResolvers<ContextType>;
}>;

